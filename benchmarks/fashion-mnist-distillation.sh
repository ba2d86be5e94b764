#!/usr/bin/env bash
# The worked example of docs/fusion-and-distillation.md: 5 cnn-medium teachers on Fashion-MNIST,
# students of the same size (simultaneous vs labels) and a smaller one, then the trade-off table.
# Reduced cost for a shared 2-core machine: the first TRAIN_IMAGES training images (the scarce-data
# setting of the method; 10 % of them become the validation split) and the first TEST_IMAGES test
# images; raise TRAIN_IMAGES, TEST_IMAGES and EPOCHS for better figures. Run from the repo root after
# `mvn -q -DskipTests package`. Steps run one after another; a finished step is skipped on rerun.
set -euo pipefail
SOURCE=${SOURCE:-/usr/share/datasets/fashion-mnist}
WORK=${WORK:-/tmp/tessera-fmnist}
TRAIN_IMAGES=${TRAIN_IMAGES:-6000}
TEST_IMAGES=${TEST_IMAGES:-5000}
EPOCHS=${EPOCHS:-2}
TEMPERATURE=${TEMPERATURE:-4}   # KD temperature and weight of the students' KD term
ALPHA=${ALPHA:-0.9}
THREADS=${THREADS:-}   # e.g. THREADS=1 on a machine busy with other work: libtorch's threads then stop waiting on each other
SEEDS=${SEEDS:-}   # e.g. SEEDS="43 44 45": more students of each kind against the same teachers, in $WORK/seedN
STEP=${1:-all}   # all | train | evaluate
DATA="$WORK/fashion-mnist-$TRAIN_IMAGES-$TEST_IMAGES"
mkdir -p "$WORK/bin"
if [ ! -f "$DATA/train-labels-idx1-ubyte" ]; then
  mkdir -p "$DATA"
  python3 - "$SOURCE" "$DATA" "$TRAIN_IMAGES" "$TEST_IMAGES" <<'PY'
import gzip, struct, sys, os
src, dst = sys.argv[1], sys.argv[2]
for split, n in (("train", int(sys.argv[3])), ("t10k", int(sys.argv[4]))):
    for kind, header, item in (("images-idx3-ubyte", 16, 784), ("labels-idx1-ubyte", 8, 1)):
        with gzip.open(os.path.join(src, split + "-" + kind + ".gz")) as f:
            data = f.read()
        head = bytearray(data[:header]); struct.pack_into(">I", head, 4, n)
        with open(os.path.join(dst, split + "-" + kind), "wb") as out:
            out.write(bytes(head) + data[header:header + n * item])
PY
fi
# A private copy of the jar, so that rebuilding the project does not disturb a running step.
[ -f "$WORK/bin/tessera.jar" ] || cp -r target/tessera.jar target/lib "$WORK/bin/"
tessera() { java -jar "$WORK/bin/tessera.jar" "$@" --workspace "$WORK/workspace" ${THREADS:+--threads "$THREADS"}; }

if [ "$STEP" != evaluate ]; then
  [ -f "$WORK/teachers/ensemble.json" ] || tessera ensemble --dataset "$DATA" --members 5 --arch cnn-medium \
      --subset 0.8 --epochs "$EPOCHS" --out "$WORK/teachers"
  for arch in cnn-medium cnn-small; do
    for mode in simultaneous labels; do
      out="$WORK/student-$arch-$mode"
      [ -f "$out/model.json" ] || tessera distill --dataset "$DATA" --teachers "$WORK/teachers" --student-arch "$arch" \
          --mode "$mode" --temperature "$TEMPERATURE" --alpha "$ALPHA" --epochs "$EPOCHS" --out "$out"
    done
  done
fi
if [ "$STEP" != train ]; then
  tessera evaluate --dataset "$DATA" --model "$WORK/teachers" \
      --model "$WORK/student-cnn-medium-simultaneous" --model "$WORK/student-cnn-medium-labels" \
      --model "$WORK/student-cnn-small-simultaneous" --model "$WORK/student-cnn-small-labels" \
      --out "$WORK/evaluation.json" --agreement "$WORK/agreement"
fi

# Further seeds: the four students again, each seed drawing its own validation split and order, against
# the same teachers; benchmarks/summarise-student-seeds.py WORK then gives mean ± SE and paired differences.
for seed in $SEEDS; do
  for arch in cnn-medium cnn-small; do
    for mode in simultaneous labels; do
      out="$WORK/seed$seed/student-$arch-$mode"
      [ -f "$out/model.json" ] || tessera distill --dataset "$DATA" --teachers "$WORK/teachers" --student-arch "$arch" \
          --mode "$mode" --temperature "$TEMPERATURE" --alpha "$ALPHA" --epochs "$EPOCHS" --seed "$seed" --out "$out"
    done
  done
  [ -f "$WORK/seed$seed/evaluate.txt" ] || tessera evaluate --dataset "$DATA" --model "$WORK/teachers" \
      --model "$WORK/seed$seed/student-cnn-medium-simultaneous" --model "$WORK/seed$seed/student-cnn-medium-labels" \
      --model "$WORK/seed$seed/student-cnn-small-simultaneous" --model "$WORK/seed$seed/student-cnn-small-labels" \
      --out "$WORK/seed$seed/evaluation.json" > "$WORK/seed$seed/evaluate.txt"
done
