#!/usr/bin/env bash
# Reproduces paper 1's Fig 3 slopes: the growth of J^2 per epoch, fitted over epochs 0-50 on all 60,000 images at
# 28x28, for the seven settings the authors published (science.md section 4), then prints our slopes beside
# theirs with the fitted exponents (the `laws` command).
#
#   src/scripts/fig3.sh [OUT_DIR] [EPOCHS] [TRAIN_SIZE]
#
# Defaults: docs/fig3-runs, 50 epochs, 60000 images. Each run is saved as it goes; running the script again
# continues interrupted runs (train --resume) and skips finished ones. A smaller TRAIN_SIZE gives slopes that are
# smaller in proportion (k grows with the training-set size), so compare those through the exponents only.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-docs/fig3-runs}
epochs=${2:-50}
train_size=${3:-60000}
jar=target/edge-of-chaos-explorer.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
mkdir -p "$out"
subset=()
[ "$train_size" -lt 60000 ] && subset=(--random-subset)
# lr momentum batch: the authors' Fig 3 (a) eta at B 32, alpha 0; (b) B at eta 0.01, alpha 0; (c) alpha at eta 0.01, B 32
for cfg in "0.005 0 32" "0.01 0 32" "0.05 0 32" "0.01 0 8" "0.01 0 128" "0.01 0.5 32" "0.01 0.9 32"; do
  set -- $cfg
  file="$out/fig3-lr$1-m$2-b$3.json"
  resume=()
  [ -f "$file" ] && resume=(--resume)
  echo "== lr $1, momentum $2, batch $3 -> $file" >&2
  java -jar "$jar" train --lr "$1" --momentum "$2" --batch "$3" --epochs "$epochs" --train-size "$train_size" \
    "${subset[@]}" --seed 1 --out "$file" "${resume[@]}" >/dev/null
done
last=$epochs
[ "$last" -gt 50 ] && last=50
java -jar "$jar" laws --runs "$out" --window "0:$last"
