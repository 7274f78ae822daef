#!/usr/bin/env bash
# Measures the classroom sweep (14x14, a 6,000-image random subset, 6 learning rates log-spaced x 5 batch sizes,
# 10 epochs) in one JVM with 'sweep run', against the same 30 runs as separate 'train' processes one after another
# (each with its default BLAS threads, i.e. all the cores up to 2). Prints both wall times and their ratio.
#
# Usage: src/scripts/bench/sweep-speed.sh [OUT_DIR]    (default: a new temporary folder; needs the packaged jar)
set -euo pipefail
cd "$(dirname "$0")/../../.."
[ -f target/edge-of-chaos-explorer.jar ] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 2; }
out=${1:-$(mktemp -d /tmp/eoc-sweep-speed.XXXXXX)}
# A private copy of the application, so that a rebuild during the measurement cannot pull classes from under it.
mkdir -p "$out/app"
cp target/edge-of-chaos-explorer.jar "$out/app/" && cp -r target/lib "$out/app/"
jar=$out/app/edge-of-chaos-explorer.jar
data=$(pwd)/datasets/fashion-mnist
cpu() { # wall and CPU seconds of a command, to stderr as "TIME wall user sys"
  /usr/bin/time -f "TIME %e %U %S" "$@"
}
sweep_args=(--data "$data" --resolution 14 --train-size 6000 --random-subset --subset-seed 1 --epochs 10
  --x lr=1e-2:3e-1:log:6 --y batch=8,16,32,64,128)

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(date +%s.%N)
cpu java -jar "$jar" sweep run "${sweep_args[@]}" --out "$out/sweep" 2> "$out/sweep.log"
t1=$(date +%s.%N)
sweep_s=$(echo "$t1 - $t0" | bc)
grep "^TIME" "$out/sweep.log" | awk '{printf "sweep CPU time: %.1f s user + %.1f s system\n", $3, $4}'
echo "sweep run (one JVM, $(nproc) runs at a time, 1 BLAS thread each): ${sweep_s} s wall"

# The same runs, each as its own train process, with the seed the sweep gave it.
java -jar "$jar" sweep status "$out/sweep" --json > "$out/status.json"
mkdir -p "$out/train"
t2=$(date +%s.%N)
grep -o '"index":[0-9]*,"replicate":0,"learningRate":[^,]*,"momentum":[^,]*,"batchSize":[0-9]*,"weightDecay":[^,]*,"initJ":[^,]*,"seed":[0-9]*' \
    "$out/status.json" | while IFS= read -r row; do
  index=$(echo "$row" | sed 's/.*"index":\([0-9]*\).*/\1/')
  lr=$(echo "$row" | sed 's/.*"learningRate":\([^,]*\).*/\1/')
  batch=$(echo "$row" | sed 's/.*"batchSize":\([0-9]*\).*/\1/')
  seed=$(echo "$row" | sed 's/.*"seed":\([0-9]*\).*/\1/')
  cpu java -jar "$jar" train --data "$data" --resolution 14 --train-size 6000 --random-subset --subset-seed 1 --epochs 10 \
    --lr "$lr" --batch "$batch" --seed "$seed" --out "$out/train/cell-$index.json" > /dev/null 2>> "$out/train.log"
done
t3=$(date +%s.%N)
train_s=$(echo "$t3 - $t2" | bc)
grep "^TIME" "$out/train.log" | awk '{u += $3; s += $4} END {printf "train CPU time: %.1f s user + %.1f s system\n", u, s}'
echo "30 separate train processes one after another: ${train_s} s wall"
echo "speed-up of the sweep: $(echo "scale=2; $train_s / $sweep_s" | bc)x; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results in $out"
