#!/usr/bin/env bash
# Screenshots of the Inspect and Review views from the real workstation under Xvfb:
# docs/screenshots/inspect.png and review.png. Needs the demo models in assets/models
# (or MODELS=DIR holding ensemble/ and student/) and the samples in assets/samples.
# Usage: docs/screenshots/take-inspect.sh   (after mvn -DskipTests package test-compile;
#        WORKSPACE=DIR keeps the workspace with the review and the exported report)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
out=${OUT:-docs/screenshots}
models=${MODELS:-assets/models}
# SAMPLE=FILE shows one picture; by default every shipped sample is opened and the first is shown.
samples=${SAMPLE:-$(ls assets/samples/*.jpg assets/samples/*.png assets/samples/*.tif 2>/dev/null || true)}
[[ -d "$models/ensemble" && -d "$models/student" ]] || { echo "no demo models in $models (ensemble/, student/)" >&2; exit 1; }
[[ -n "$samples" ]] || { echo "no sample image in assets/samples" >&2; exit 1; }

# A throwaway assets folder: the chosen sample and the models, so the window opens exactly them.
work=$(mktemp -d)
trap 'kill ${xvfb:-0} 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/assets/samples" "$work/assets/models"
cp $samples "$work/assets/samples/"
ln -s "$(cd "$models/ensemble" && pwd)" "$work/assets/models/ensemble"
ln -s "$(cd "$models/student" && pwd)" "$work/assets/models/student"

mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1440x900x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
DISPLAY=$display java -Xmx3g -Dprism.order=sw -Dai.djl.offline=true -DOPT_OUT_TRACKING=true \
    -DDJL_CACHE_DIR=target/djl-cache -DENGINE_CACHE_DIR=target/djl-cache \
    -Dtessera.assets="$work/assets" -cp "target/test-classes:target/classes:$(cat "$work/cp.txt")" \
    tessera.app.inspect.InspectScreenshots "$out" "${WORKSPACE:-$work/workspace}"
