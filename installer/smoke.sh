#!/usr/bin/env bash
# Builds the application image and proves it works from its own location, headless, as a new user's
# first start would: `doctor` (JavaFX present, engine, device, a real inference) and `inspect` on a
# shipped sample with the shipped demo models. Run by `mvn verify` (profile app-image-check), so a
# broken package fails the build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/installer/build.sh" image
case "$(uname -s)" in
  Darwin*) app="$root/target/installer/image/Tessera.app/Contents/MacOS/Tessera"
           assets="$root/target/installer/image/Tessera.app/Contents/app/assets" ;;
  *) app="$root/target/installer/image/Tessera/bin/Tessera"
     assets="$root/target/installer/image/Tessera/lib/app/assets" ;;
esac
work="$root/target/installer/smoke"
rm -rf "$work" && mkdir -p "$work"
# No display, and an empty engine cache: libtorch and the JNI glue must come from the package itself,
# not from an earlier start (a warm cache hides a missing pytorch jar).
unset DISPLAY WAYLAND_DISPLAY
export DJL_CACHE_DIR="$work/djl-cache"
# Run from an unrelated folder so nothing is found through the source checkout by accident.
cd "$work"
"$app" doctor --device cpu --workspace "$work/workspace"
sample="$(ls "$assets"/samples/*.jpg | head -1)"
"$app" inspect "$sample" --device cpu --out "$work/inspect" --workspace "$work/workspace"
name="$(basename "${sample%.*}")"
for f in student.png ensemble.png overlay.png votes.png disagreement.png json; do
  [[ -s "$work/inspect/$name.$f" ]] || { echo "smoke.sh: inspect wrote no $name.$f" >&2; exit 1; }
done
rm -rf "$DJL_CACHE_DIR" # 430 MB of unpacked libtorch
echo "app image smoke test passed"
