#!/usr/bin/env bash
# Trains in the real window (under Xvfb, charts on screen) and compares its throughput with `bench` at the same
# settings and thread count, and reports the window's start-up times and frame gaps (-Deoc.frameGaps=true), naming
# those in which the whole process did not run (the machine's stalls; see ProcessStalls).
#
# Usage: src/scripts/bench/window-throughput.sh [SECONDS] [SIZE]   (default 90 s of training, 1366x768)
# EOC_JAVA_OPTS adds JVM options to the window's command (e.g. a JFR recording). EOC_START_AFTER=S (whole seconds) starts the run S
# seconds after the window is complete, as a user who looks at it before clicking Start (default 0: at once, while the
# start-up's background work and the JIT compilers still hold the cores).
# Needs: xvfb, the packaged jar (mvn -B -DskipTests package). Run it on an otherwise idle machine.
# The window trains the paper defaults (N = 784, batch 32) with one BLAS thread, as it does by default; `bench`
# runs the same with --threads 1. Both numbers are training samples per second of whole epochs.
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:-90}
size=${2:-1366x768}
[ -f target/edge-of-chaos-explorer.jar ] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 2; }
home=$(mktemp -d /tmp/eoc-window-throughput.XXXXXX)
export XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" HOME="$home"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# as the README runs it: from target/, with the class-data archive the build made
start_after=${EOC_START_AFTER:-0}
[[ "$start_after" =~ ^[0-9]+$ ]] || { echo "EOC_START_AFTER must be a whole number of seconds, not '$start_after'" >&2; exit 2; }
window_seconds=$((seconds + start_after))
timeout $((window_seconds + 30)) xvfb-run -a -s "-screen 0 ${size}x24" java \
  -XX:SharedArchiveFile=target/edge-of-chaos-explorer.jsa -XX:MaxNewSize=64m ${EOC_JAVA_OPTS:-} -Deoc.userDataDir="$home/data" \
  -Deoc.frameGaps=true -Deoc.autostart=$([ "$start_after" = 0 ] && echo true || echo "$start_after") -Deoc.preset=PAPER_DEFAULTS -Deoc.tab=curves -Deoc.welcome=false \
  -jar target/edge-of-chaos-explorer.jar > "$home/window.log" 2>&1 &
pid=$!
sleep "$window_seconds"
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
grep -E "^INFO: startup" "$home/window.log" | sed 's/^INFO: /window /'
run=$(ls -t "$home"/data/*/runs/*.json "$home"/data/runs/*.json 2>/dev/null | head -1 || true)
[ -n "$run" ] || { echo "no run file written; log: $home/window.log" >&2; exit 1; }
python3 - "$run" "$home/window.log" <<'PY'
import json, re, statistics, sys
run = json.load(open(sys.argv[1]))
epochs = run.get("epochs", [])
rates = [e["samplesPerSecond"] for e in epochs if e.get("samplesPerSecond")]
print(f"window: {len(rates)} epochs, samples/s per epoch: " + ", ".join(f"{r:,.0f}" for r in rates))
if rates:
    print(f"window: median {statistics.median(rates):,.0f} samples/s")
# Frame gaps from the moment the run started (logged as "startup: first run started"; the autostart run starts once
# the window is complete), in the first epoch and after it; the log gives each gap's time since JVM start.
log = open(sys.argv[2]).read()
started = re.search(r"first run started (\d+) ms", log) or re.search(r"explorer's first frame (\d+) ms", log)
gaps = [(float(g), float(t), float(b), float(m or 0)) for g, t, b, m in
        re.findall(r"frame gap: (\d+) ms at ([\d.]+) s \(FX thread busy (\d+) ms[^\n]*?(?:process stalled (\d+) ms)?\)", log)]
start = float(started.group(1)) / 1000 if started else 0
first_epoch_end = start + (epochs[0]["seconds"] if epochs else 0)
training = [g for g in gaps if g[1] > start]
first = [g for g in training if g[1] <= first_epoch_end]
late = [g for g in training if g[1] > first_epoch_end]
def longest(gs):
    return f"{max(g[0] for g in gs):.0f} ms (FX thread busy {max(gs)[2]:.0f} ms of it)" if gs else "none"
print(f"frame gaps over 50 ms: {len(gaps)} in all; since the run started ({start:.1f} s after JVM start): "
      f"{len(first)} in the first epoch (longest {longest(first)}), {len(late)} after it (longest {longest(late)})")
# A gap is a stall of the whole process when it was not run at all for so long that without it the gap would be under
# the threshold (ProcessStalls: a sleeping thread of the process woke late, not waiting for a core, no GC).
stalled = [g for g in training if g[3] > 0 and g[0] - g[3] <= 50]
if stalled:
    print(f"of those since the run started, {len(stalled)} were stalls of the whole process (not run for "
          + ", ".join(f"{g[3]:.0f} of {g[0]:.0f} ms" for g in stalled) + ")")
PY
java -jar target/edge-of-chaos-explorer.jar bench --resolution 28 --batch 32 --threads 1 --repeat 3 2>/dev/null \
  | sed 's/^/bench: /'
echo "logs in $home"
