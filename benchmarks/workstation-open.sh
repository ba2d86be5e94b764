#!/usr/bin/env bash
# The workstation benchmark in a real window under Xvfb: time from opening a 12-megapixel photograph
# to the student's map on screen, beside the teachers' maps on screen in the same opening
# (tessera.benchmark.WorkstationOpenBenchmark). Needs Xvfb and the demo models in assets/models.
# Usage: benchmarks/workstation-open.sh   (after mvn -B -DskipTests package test-compile)
#        THREADS=N (default 2) ROUNDS=N (default 4) IMAGE=FILE (default the 4000x3000 sample)
set -euo pipefail
cd "$(dirname "$0")/.."
cp=$(mktemp)
trap 'kill ${xvfb:-0} 2>/dev/null || true; rm -f "$cp"' EXIT
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$cp" >/dev/null
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1440x900x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
DISPLAY=$display java -Xmx3g -Dprism.order=sw -Dai.djl.offline=true -DOPT_OUT_TRACKING=true \
    -DDJL_CACHE_DIR=target/djl-cache -DENGINE_CACHE_DIR=target/djl-cache \
    -Dbench.threads="${THREADS:-2}" -Dbench.rounds="${ROUNDS:-4}" ${IMAGE:+-Dbench.image="$IMAGE"} \
    -cp "target/test-classes:target/classes:$(cat "$cp")" tessera.benchmark.WorkstationOpenBenchmark
