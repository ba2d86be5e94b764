#!/usr/bin/env bash
# The worked example of docs/fusion-and-distillation.md: 5 cnn-medium teachers on Fashion-MNIST,
# students of the same size (simultaneous vs labels) and a smaller one, then the trade-off table.
# Reduced cost for a shared 2-core machine; raise EPOCHS for better figures. Run from the repo root
# after `mvn -q -DskipTests package`. Steps run one after another; a finished step is skipped on rerun.
set -euo pipefail
DATA=${DATA:-/usr/share/datasets/fashion-mnist}
WORK=${WORK:-/tmp/tessera-fmnist}
EPOCHS=${EPOCHS:-2}
STEP=${1:-all}   # all | train | evaluate
mkdir -p "$WORK/bin"
# A private copy of the jar, so that rebuilding the project does not disturb a running step.
[ -f "$WORK/bin/tessera.jar" ] || cp -r target/tessera.jar target/lib "$WORK/bin/"
tessera() { java -jar "$WORK/bin/tessera.jar" "$@" --workspace "$WORK/workspace"; }

if [ "$STEP" != evaluate ]; then
  [ -f "$WORK/teachers/ensemble.json" ] || tessera ensemble --dataset "$DATA" --members 5 --arch cnn-medium \
      --subset 0.8 --epochs "$EPOCHS" --out "$WORK/teachers"
  for arch in cnn-medium cnn-small; do
    for mode in simultaneous labels; do
      out="$WORK/student-$arch-$mode"
      [ -f "$out/model.json" ] || tessera distill --dataset "$DATA" --teachers "$WORK/teachers" --student-arch "$arch" \
          --mode "$mode" --temperature 4 --alpha 0.9 --epochs "$EPOCHS" --out "$out"
    done
  done
fi
if [ "$STEP" != train ]; then
  tessera evaluate --dataset "$DATA" --model "$WORK/teachers" \
      --model "$WORK/student-cnn-medium-simultaneous" --model "$WORK/student-cnn-medium-labels" \
      --model "$WORK/student-cnn-small-simultaneous" --model "$WORK/student-cnn-small-labels" \
      --out "$WORK/evaluation.json" --agreement "$WORK/agreement"
fi
