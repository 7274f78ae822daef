#!/usr/bin/env bash
# Regenerates src/main/cds/explorer.classlist, the classes that the build archives for a faster start-up (AppCDS:
# the JVM maps them from target/edge-of-chaos-explorer.jsa instead of finding, reading and verifying each one).
# It runs the window under Xvfb as a first-time user does (welcome dialog, phase tab, the warm-up that loads ND4J and
# the data set) and records every class it loads. Run it after changes to what the window loads at start; classes
# missing from the list still load, only slower.
#
# Usage: src/scripts/cds/classlist.sh [SECONDS]   (default 15)
# Needs: xvfb, the packaged jar (mvn -B -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:-15}
[ -f target/edge-of-chaos-explorer.jar ] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "needs xvfb-run (apt-get install -y xvfb)" >&2; exit 2; }
home=$(mktemp -d /tmp/eoc-classlist.XXXXXX)
trap 'rm -rf "$home"' EXIT
export XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" HOME="$home"
timeout $((seconds + 20)) xvfb-run -a -s "-screen 0 1366x768x24" java -XX:DumpLoadedClassList="$home/classes.lst" \
  -Deoc.userDataDir="$home/data" -jar target/edge-of-chaos-explorer.jar > "$home/window.log" 2>&1 &
pid=$!
sleep "$seconds"
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
[ -s "$home/classes.lst" ] || { echo "no classes recorded; log:" >&2; cat "$home/window.log" >&2; exit 1; }
# Dynamic proxies have generated names that differ from run to run: the archive cannot hold them.
grep -v '^jdk/proxy' "$home/classes.lst" > src/main/cds/explorer.classlist.tmp
mv src/main/cds/explorer.classlist.tmp src/main/cds/explorer.classlist
echo "src/main/cds/explorer.classlist: $(grep -vc '^@' src/main/cds/explorer.classlist) classes"
