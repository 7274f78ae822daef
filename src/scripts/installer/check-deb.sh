#!/usr/bin/env bash
# Checks the Linux installer on this machine: builds it (mvn -Pinstaller) unless a .deb is given, installs it with
# apt (which pulls in its declared dependencies), runs the installed launcher's commands, and removes the package
# again unless --keep is given. Needs root (apt). Exit 0 only if every check passed.
#
#   src/scripts/installer/check-deb.sh [PATH.deb] [--keep]
set -euo pipefail
cd "$(dirname "$0")/../../.."
deb=""
keep=0
for arg in "$@"; do
  case "$arg" in
    --keep) keep=1 ;;
    *.deb) deb=$arg ;;
    *) echo "usage: $0 [PATH.deb] [--keep]" >&2; exit 2 ;;
  esac
done
if [ -z "$deb" ]; then
  mvn -B -q -Pinstaller -DskipTests package
  deb=$(ls target/installer/package/*.deb | head -n 1)
fi
[ -f "$deb" ] || { echo "no .deb at '$deb'" >&2; exit 1; }
name=$(dpkg-deb -f "$deb" Package)
launcher=/opt/$name/bin/$name

cleanup() {
  if [ "$keep" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$name" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

echo "installing $deb ($(du -h "$deb" | cut -f1))"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$(realpath "$deb")" >/dev/null
[ -x "$launcher" ] || { echo "FAIL: no launcher at $launcher" >&2; exit 1; }

home=$(mktemp -d)
fail=0
check() {
  local what=$1; shift
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what" >&2; fail=1; fi
}
out=$(HOME=$home "$launcher" lyapunov --logistic 4 --json)
echo "$out"
check "lyapunov --logistic 4 gives ln 2" python3 -c "
import json, math, sys
d = json.loads(sys.argv[1]); sys.exit(0 if abs(d['lambdaMax'] - math.log(2)) < 0.01 else 1)" "$out"
check "--version" bash -c "HOME=$home '$launcher' --version | grep -q 'Edge of Chaos Explorer'"
# the bundled data set is found beside the installed jar, from any working folder
check "train on the bundled data set" bash -c "cd / && HOME=$home '$launcher' train --train-size 600 --resolution 14 --epochs 1 --json | grep -q testAccuracy"
rm -rf "$home"
exit $fail
