#!/usr/bin/env bash
# Builds the application image and proves it works from its own location: `doctor` (engine, device,
# a real inference) and, when the demo models and samples are there, `inspect` on a sample image.
# Run by `mvn verify` (profile app-image-check), so a broken package fails the build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/installer/build.sh" image
case "$(uname -s)" in
  Darwin*) app="$root/target/installer/image/Tessera.app/Contents/MacOS/Tessera" ;;
  *) app="$root/target/installer/image/Tessera/bin/Tessera" ;;
esac
work="$root/target/installer/smoke"
rm -rf "$work" && mkdir -p "$work"
# Run from an unrelated folder so nothing is found through the source checkout by accident.
cd "$work"
"$app" doctor --device cpu --workspace "$work/workspace"
sample="$(ls "$root"/assets/samples/*.{png,jpg} 2>/dev/null | head -1 || true)"
if [[ -n "$sample" && -d "$root/assets/models" ]]; then
  "$app" inspect "$sample" --out "$work/inspect" --workspace "$work/workspace"
  ls "$work/inspect"
fi
echo "app image smoke test passed"
