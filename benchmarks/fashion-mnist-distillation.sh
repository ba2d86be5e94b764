#!/usr/bin/env bash
# The worked example of docs/fusion-and-distillation.md: 5 cnn-medium teachers on Fashion-MNIST,
# students of the same size (simultaneous vs labels) and a smaller one, then the trade-off table.
# Reduced cost for a shared 2-core machine: the first TRAIN_IMAGES training images (the scarce-data
# setting of the method; 10 % of them become the validation split) and the full 10,000-image test
# set; raise TRAIN_IMAGES and EPOCHS for better figures. Run from the repo root after
# `mvn -q -DskipTests package`. Steps run one after another; a finished step is skipped on rerun.
set -euo pipefail
SOURCE=${SOURCE:-/usr/share/datasets/fashion-mnist}
WORK=${WORK:-/tmp/tessera-fmnist}
TRAIN_IMAGES=${TRAIN_IMAGES:-6000}
EPOCHS=${EPOCHS:-2}
STEP=${1:-all}   # all | train | evaluate
DATA="$WORK/fashion-mnist-$TRAIN_IMAGES"
mkdir -p "$WORK/bin"
if [ ! -f "$DATA/train-labels-idx1-ubyte" ]; then
  mkdir -p "$DATA"
  python3 - "$SOURCE" "$DATA" "$TRAIN_IMAGES" <<'PY'
import gzip, struct, sys, shutil, os
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
for kind, header in (("images-idx3-ubyte", 16), ("labels-idx1-ubyte", 8)):
    with gzip.open(os.path.join(src, "train-" + kind + ".gz")) as f:
        data = f.read()
    head = bytearray(data[:header]); struct.pack_into(">I", head, 4, n)
    item = 784 if kind.startswith("images") else 1
    with open(os.path.join(dst, "train-" + kind), "wb") as out:
        out.write(bytes(head) + data[header:header + n * item])
    shutil.copy(os.path.join(src, "t10k-" + kind + ".gz"), dst)
PY
fi
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
