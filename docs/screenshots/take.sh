#!/usr/bin/env bash
# Screenshots of the Train and Experiments views, taken from the real application under Xvfb
# (docs/screenshots/take-inspect.sh takes the Inspect and Review views).
#
#   docs/screenshots/take.sh [WORKSPACE]
#
# WORKSPACE: a Tessera workspace with runs to show (default: one made here with the command line,
# a small teacher ensemble and two students on Fashion-MNIST; that takes several minutes on 2 cores).
# Needs: target/tessera.jar (mvn -DskipTests package), xvfb-run, libgtk-3-0, ImageMagick (import).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=target/tessera.jar
OUT=docs/screenshots
SETTLE=${SETTLE:-20}          # seconds for the window, the engine and the run store to come up
SCREEN=${SCREEN:-1600x1000x24}
[ -f "$JAR" ] || { echo "take.sh: $JAR not found; run: mvn -B -q -DskipTests package" >&2; exit 1; }
tessera() { java -jar "$JAR" "$@"; }

WS=${1:-}
if [ -z "$WS" ]; then
  DATA=${FASHION_MNIST:-/usr/share/datasets/fashion-mnist}
  [ -d "$DATA" ] || { echo "take.sh: no WORKSPACE given and no Fashion-MNIST in $DATA" >&2; exit 1; }
  WS=$(mktemp -d -t tessera-screens-XXXX)
  echo "making demo runs in $WS"
  tessera ensemble --workspace "$WS" --dataset "$DATA" --members 3 --arch cnn-small --epochs 3 --subset 0.05 \
    --out "$WS/ensembles/fmnist-teachers"
  tessera distill --workspace "$WS" --dataset "$DATA" --teachers "$WS/ensembles/fmnist-teachers" \
    --student-arch cnn-small --mode simultaneous --epochs 2 --subset 0.05
  tessera distill --workspace "$WS" --dataset "$DATA" --student-arch cnn-small --mode labels --epochs 2 --subset 0.05
fi

# The newest ensemble run and the two newest students: what the Experiments view compares.
RUNS=$(ls -1 "$WS/runs" | sort -r)
ENSEMBLE=$(echo "$RUNS" | grep -m1 -- '-ensemble-' || true)
STUDENTS=$(echo "$RUNS" | grep -- '-distill-' | head -n 2 | paste -sd, -)
COMPARE=$(echo "$ENSEMBLE,$STUDENTS" | sed 's/^,//; s/,$//')

# shot NAME WORKSTATION-OPTIONS..: starts the workstation, waits, saves the screen as NAME.png, closes it.
shot() {
  local name=$1; shift
  xvfb-run -a -s "-screen 0 $SCREEN" bash -c '
    jar=$1; png=$2; shift 2
    java -Dprism.order=sw -Dtessera.samples=false -jar "$jar" "$@" > /dev/null 2>&1 &
    app=$!
    sleep "$SETTLE"
    import -window root "$png"
    kill $app; wait $app 2> /dev/null || true' take "$JAR" "$OUT/$name.raw.png" "$@"
  # The window is centred on a black screen without a window manager: keep the window only.
  convert "$OUT/$name.raw.png" -trim +repage "$OUT/$name.png"
  rm -f "$OUT/$name.raw.png"
  echo "$OUT/$name.png"
}
export SETTLE

# Inspect and Review: the shipped sample with the demo models, a tile clicked and two findings reviewed
# (driven from inside the real window; needs mvn -DskipTests package test-compile).
docs/screenshots/take-inspect.sh
shot train --workspace "$WS" --view train
shot experiments --workspace "$WS" --compare "$COMPARE"
# One ensemble: its agreement heat map when computed (Experiments ▸ Agreement ▸ Compute agreement).
[ -z "$ENSEMBLE" ] || shot experiments-ensemble --workspace "$WS" --compare "$ENSEMBLE"
