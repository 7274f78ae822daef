#!/usr/bin/env bash
# The Slurm path tested against a real Slurm: installs Debian's slurmctld, slurmd, slurm-client and munge if
# needed, starts a one-node cluster of this host (own munge key, socket and state in a temporary folder),
# submits a 4-task array of a tiny sweep through sweep.sbatch, waits with a time limit, merges the shards, and
# checks that the result equals the same sweep run without Slurm (per run, every number of every epoch).
# Stops the daemons it started and removes its temporary folder on every exit, failure included.
#
# Usage: src/scripts/slurm/selftest.sh            (as root; from the repository; builds the jar if missing)
# Environment: SELFTEST_TIMEOUT (seconds to wait for the array, default 300), SELFTEST_KEEP=1 keeps the folder.
set -euo pipefail
cd "$(dirname "$0")/../../.."
repo=$(pwd)
timeout_s=${SELFTEST_TIMEOUT:-300}
start_time=$(date +%s)
say() { echo "slurm selftest: $*"; }
fail() { echo "slurm selftest: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root (it installs packages and starts the Slurm daemons)"
# (by /proc rather than pgrep: a fresh Debian image may not have procps)
running() { grep -qx "$1" /proc/[0-9]*/comm 2>/dev/null; }
if running slurmctld || running slurmd; then
  fail "Slurm daemons already run on this host; the self-test starts its own one-node cluster"
fi

# --- packages (without letting the packages start their services: we start our own) ----------------------
missing=()
for cmd in slurmctld slurmd sbatch munged; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing slurmctld slurmd slurm-client munge"
  added_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && added_policy=1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurmctld slurmd slurm-client munge >/dev/null
  [ "$added_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
fi

jar=$repo/target/edge-of-chaos-explorer.jar
if [ ! -f "$jar" ] || [ ! -d "$repo/target/lib" ]; then
  say "building the jar"
  mvn -B -q -DskipTests package
fi
data=${SELFTEST_DATA:-$repo/datasets/fashion-mnist}

# --- a one-node cluster in a temporary folder ---------------------------------------------------------------
work=$(mktemp -d /tmp/eoc-slurm-selftest.XXXXXX)
chmod 755 "$work"
state=$work/state
mkdir -p "$state/munge" "$state/ctld" "$state/spool" "$work/out"
chmod 700 "$state/munge"
pids=()
job=""
cleanup() {
  code=$?
  set +e
  if [ -n "$job" ]; then
    # cancel the job while the daemons still run, so that its steps end cleanly
    SLURM_CONF=$work/slurm.conf scancel "$job" 2>/dev/null
    for _ in $(seq 40); do
      [ -z "$(SLURM_CONF=$work/slurm.conf squeue -h -j "$job" -o %i 2>/dev/null)" ] && break
      sleep 0.5
    done
  fi
  # stop only what we started, newest first, by pid
  for ((k=${#pids[@]}-1; k>=0; k--)); do
    kill "${pids[k]}" 2>/dev/null
  done
  for p in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null
  done
  # and whatever our slurmd left behind: a job step's slurmstepd or task, found by our SLURM_CONF in its
  # environment (the job's processes carry SLURM_JOB_ID too; this shell does not)
  for env in /proc/[0-9]*/environ; do
    p=${env#/proc/}; p=${p%/environ}
    [ "$p" = $$ ] && continue
    vars=$(tr '\0' '\n' 2>/dev/null < "$env") || continue
    if echo "$vars" | grep -qx "SLURM_CONF=$work/slurm.conf" \
        && { [ "$(cat "/proc/$p/comm" 2>/dev/null)" = slurmstepd ] || echo "$vars" | grep -q '^SLURM_JOB_ID='; }; then
      kill -9 "$p" 2>/dev/null
    fi
  done
  if [ "$code" != 0 ]; then
    for log in "$state"/*.log "$work"/out/*.out; do
      [ -f "$log" ] && { echo "--- $log (last lines)"; tail -n 15 "$log"; } >&2
    done
  fi
  if [ "${SELFTEST_KEEP:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

host=$(hostname -s)
node_line=$(slurmd -C | head -n 1)              # NodeName=<host> CPUs=.. Boards=.. ... RealMemory=..
cpus=$(echo "$node_line" | sed -n 's/.*CPUs=\([0-9]*\).*/\1/p')
say "one-node cluster on $host with $cpus CPUs in $work"

dd if=/dev/urandom of="$state/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$state/munge/munge.key"
munged --force --key-file="$state/munge/munge.key" --socket="$state/munge/munge.socket" \
  --pid-file="$state/munge/munged.pid" --log-file="$state/munge.log" --seed-file="$state/munge/munged.seed"
for _ in $(seq 50); do [ -s "$state/munge/munged.pid" ] && break; sleep 0.1; done
pids+=("$(cat "$state/munge/munged.pid")")

cat > "$work/slurm.conf" <<CONF
ClusterName=eoc-selftest
SlurmctldHost=$host
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$state/munge/munge.socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
SlurmctldTimeout=30
SlurmdTimeout=30
MinJobAge=600
$node_line State=UNKNOWN
PartitionName=selftest Nodes=$host Default=YES MaxTime=30 State=UP
CONF
export SLURM_CONF=$work/slurm.conf

slurmctld -f "$SLURM_CONF"
for _ in $(seq 100); do [ -s "$state/slurmctld.pid" ] && break; sleep 0.1; done
[ -s "$state/slurmctld.pid" ] || fail "slurmctld did not start"
pids+=("$(cat "$state/slurmctld.pid")")
slurmd -f "$SLURM_CONF"
for _ in $(seq 100); do [ -s "$state/slurmd.pid" ] && break; sleep 0.1; done
[ -s "$state/slurmd.pid" ] || fail "slurmd did not start"
pids+=("$(cat "$state/slurmd.pid")")

for _ in $(seq 120); do
  node_state=$(sinfo -h -n "$host" -o %t 2>/dev/null || true)
  [ "$node_state" = idle ] && break
  sleep 0.5
done
[ "$node_state" = idle ] || fail "the node did not become idle (state '$node_state')"
say "cluster up after $(( $(date +%s) - start_time )) s: $(sinfo -h -o '%P %D %t %c')"

# --- the sweep through Slurm, as 4 array tasks writing their own shard folders -----------------------------
sweep=(--data "$data" --train-size 600 --resolution 14 --epochs 2 --x lr=0.01,0.1 --y batch=16,64 --seed 7)
job=$(cd "$work/out" && SWEEP_OUT=$work/out/sweep SWEEP_SHARD_FOLDERS=1 EOC_JAR=$jar \
  JAVA_OPTS="-Dorg.bytedeco.javacpp.cachedir=$work/javacpp" \
  sbatch --parsable --array=0-3%4 --cpus-per-task=1 --mem-per-cpu=1G --time=10 \
  "$repo/src/scripts/slurm/sweep.sbatch" "${sweep[@]}")
job=${job%%;*}
say "submitted array job $job (4 tasks)"

deadline=$(( $(date +%s) + timeout_s ))
while [ -n "$(squeue -h -j "$job" -o %i 2>/dev/null)" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || fail "the array job did not finish within $timeout_s s"
  sleep 2
done
for t in 0 1 2 3; do
  st=$(scontrol -o show job "${job}_$t" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
  ec=$(scontrol -o show job "${job}_$t" 2>/dev/null | sed -n 's/.* ExitCode=\([0-9:]*\).*/\1/p')
  say "task $t: ${st:-?} exit ${ec:-?}"
  [ "$st" = COMPLETED ] || fail "array task $t ended ${st:-unknown}"
done

# --- merge, and compare with the same sweep without Slurm ---------------------------------------------------
run() { java -Dorg.bytedeco.javacpp.cachedir="$work/javacpp" -jar "$jar" "$@"; }
run sweep merge "$work"/out/sweep/shard-0 "$work"/out/sweep/shard-1 "$work"/out/sweep/shard-2 \
  "$work"/out/sweep/shard-3 --out "$work/merged"
run sweep status "$work/merged" --json > "$work/merged.json"
grep -q '"complete":4,' "$work/merged.json" || fail "the merged sweep is not complete: $(head -c 300 "$work/merged.json")"

say "the same sweep without Slurm"
run sweep run "${sweep[@]}" --out "$work/local" --parallel "$cpus" 2>&1 | tail -n 1
# Merging both with tolerance 0 compares every run's numbers (all epochs: losses, accuracies, J, J0,
# lambda_max, distance; timings aside) and refuses any difference.
run sweep merge "$work/local" "$work/merged" --out "$work/check" --tolerance 0 --json > "$work/check.json"
grep -q '"duplicates":4,' "$work/check.json" || fail "not every run was compared: $(cat "$work/check.json")"
grep -q '"missing":\[\]' "$work/check.json" || fail "runs missing: $(cat "$work/check.json")"

say "PASSED: 4 array tasks, merged, equal to the local sweep run for run, in $(( $(date +%s) - start_time )) s"
