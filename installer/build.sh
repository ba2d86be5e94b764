#!/usr/bin/env bash
# Builds the Tessera application image (a trimmed Java runtime + the jars + assets) with jpackage,
# and the native installer of this OS: .deb on Linux, .msi on Windows (WiX 3 on PATH), .dmg on macOS.
# jpackage cannot cross-build, so each installer is made on its own OS (see README, "Installers").
#
#   installer/build.sh image      application image only  -> target/installer/image/Tessera
#   installer/build.sh installer  image + native installer -> target/installer/*.deb|*.msi|*.dmg
#
# Expects `mvn -DskipTests package` to have run (target/tessera.jar and target/lib/).
set -euo pipefail

what="${1:-installer}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/target"
out="$target/installer"
name="Tessera"
version="$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' "$root/pom.xml" | head -1)"
vendor="Tessera developers"
description="Corrosion inspection workstation with multi-teacher knowledge distillation"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
bin="$JAVA_HOME/bin"

[[ -f "$target/tessera.jar" && -d "$target/lib" ]] || { echo "build.sh: run 'mvn -DskipTests package' first (no target/tessera.jar)" >&2; exit 1; }

case "$(uname -s)" in
  Linux*) os=linux; icon="$root/assets/icon/tessera.png"; native=deb ;;
  Darwin*) os=mac; icon="$root/assets/icon/tessera.icns"; native=dmg ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; icon="$root/assets/icon/tessera.ico"; native=msi ;;
  *) echo "build.sh: unsupported OS $(uname -s)" >&2; exit 1 ;;
esac

rm -rf "$out"
mkdir -p "$out/input"
cp "$target/tessera.jar" "$out/input/"
cp -r "$target/lib" "$out/input/lib"
# Samples and demo models travel with the application: the workstation opens them on first start.
cp -r "$root/assets" "$out/input/assets"

# Only the JDK modules the jars use (jdeps), plus those reached by reflection or service loading.
modules="$("$bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps -q \
  --class-path "$out/input/lib/*" "$out/input/tessera.jar" "$out/input"/lib/*.jar)"
modules="$modules,java.logging,java.xml,jdk.zipfs,jdk.crypto.ec,jdk.localedata"
echo "runtime modules: $modules"
"$bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$out/runtime"

# The launcher never phones home (DJL offline, no tracking); libtorch is unpacked into the user's
# application-data folder by the application itself (tessera.util.AppDirs); the heap grows with the
# machine rather than a fixed -Xmx that is wrong for a 16 GB laptop and a 128 GB workstation alike.
java_options=(
  --java-options "-Dai.djl.offline=true"
  --java-options "-DOPT_OUT_TRACKING=true"
  --java-options "-Dtessera.assets=\$APPDIR/assets"
  --java-options "-XX:MaxRAMPercentage=60"
  --java-options "-XX:+UseG1GC"
  --java-options "-Dprism.maxvram=1G"
)

"$bin/jpackage" --type app-image --dest "$out/image" --name "$name" --app-version "$version" \
  --vendor "$vendor" --description "$description" \
  --input "$out/input" --main-jar tessera.jar --main-class tessera.Launcher \
  --runtime-image "$out/runtime" --icon "$icon" "${java_options[@]}"

image="$out/image/$name"
[[ "$os" == mac ]] && image="$out/image/$name.app"
echo "application image: $image ($(du -sh "$image" | cut -f1))"

[[ "$what" == image ]] && exit 0

# One association for both spellings: one MIME type, one entry in the desktop file.
printf 'extension=tif tiff\nmime-type=image/tiff\ndescription=TIFF image\n' > "$out/assoc-tiff.properties"
assoc=(--file-associations "$out/assoc-tiff.properties")
extra=()
case "$os" in
  # JavaFX loads GTK 3 itself (its natives are inside jars that jpackage's dependency scan does not see);
  # the maintainer scripts tolerate a machine without a desktop menu (installer/linux/).
  linux) extra=(--linux-package-name tessera --linux-shortcut --linux-menu-group Graphics --linux-app-category graphics
                --linux-package-deps libgtk-3-0
                --resource-dir "$root/installer/linux") ;;
  # A fixed upgrade code, so that a newer .msi replaces an installed older one instead of sitting beside it;
  # %LOCALAPPDATA%\Programs\Tessera, so the program stays apart from its data (%LOCALAPPDATA%\Tessera, AppDirs).
  windows) extra=(--win-menu --win-menu-group "$name" --win-shortcut --win-dir-chooser --win-per-user-install
                  --install-dir "Programs\\$name"
                  --win-upgrade-uuid 5c0e7a53-3f0b-4d8e-9a57-2b1f8c6d4e91) ;;
  mac) extra=(--mac-package-name "$name") ;;
esac
"$bin/jpackage" --type "$native" --dest "$out" --name "$name" --app-version "$version" --vendor "$vendor" \
  --description "$description" --app-image "$image" "${assoc[@]}" "${extra[@]}"
for f in "$out"/*."$native"; do echo "installer: $f ($(du -sh "$f" | cut -f1))"; done
