#!/usr/bin/env bash
# bench/cold-start.sh — how fast the local stack becomes ready, and how much memory it then holds.
#
#   bench/cold-start.sh [--keep] [--baseline MODULE] [--idle SECONDS]
#
# 0. `mita prepare`: jars and class-data archives are build products, made before any timing.
# 1. Baseline: with everything stopped, `mita up --only MODULE` (default audit-service); the time from
#    Kafka ready to that one service ready is the single-service cold start.
# 2. Stack: `mita down; mita up --detach --no-build`; wall time from launch to all seven services ready,
#    Kafka ready separately, each service's ready time.
# 3. After SECONDS of idle (default 20) the VmRSS of every service process (/proc/<pid>/status).
# 4. The same stack from plain jars (MITA_CDS=0), for the ratio with / without class-data archives.
# Prints a table and rewrites bench/RESULTS.md (latest run + history). Stops the stack unless --keep.
# Goal: all ready within 60 s of launch, at most 300 MB RSS per service. The jars must be built.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT MITA="$ROOT/infra/local/mita" RESULTS="$ROOT/bench/RESULTS.md"
WORK_DIR=${MITA_WORK_DIR:-.mita}
[[ $WORK_DIR == /* ]] || WORK_DIR="$ROOT/$WORK_DIR"
readonly TIMINGS="$WORK_DIR/run/last-up.env" PID_DIR="$WORK_DIR/pids"
readonly MODULES=(auth-service budget-service ocr-service insights-service notification-service audit-service gateway-service)
readonly GOAL_READY_SECONDS=60 GOAL_RSS_MB=300

source "$ROOT/bench/lib/options.sh"
keep=0 baseline=audit-service idle=20
parse_options cold-start --keep=keep=1 --baseline=baseline --idle=idle -- "$@"

say() { printf '\n== %s\n' "$*"; }
now() { date +%s.%N; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a - b }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "n/a" }'; }
verdict() { awk -v v="$1" -v goal="$2" 'BEGIN { print (v <= goal ? "met" : "MISSED") }'; }
timing() { sed -n "s/^$1=//p" "$TIMINGS"; }
# rss_mb NAME: resident memory in MB of the process in pids/NAME.pid, or "-" if it is not running.
rss_mb() {
  local pid
  pid=$(cat "$PID_DIR/$1.pid" 2>/dev/null || true)
  if [[ -z $pid || ! -r /proc/$pid/status ]]; then echo -; return; fi
  awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status"
}

# `mita up` with the given options; prints the wall time in seconds from launch to return.
timed_up() {
  local start
  start=$(now)
  "$MITA" up --detach --no-build "$@" >&2
  minus "$(now)" "$start"
}

stop_stack() { "$MITA" down >/dev/null || true; }
trap 'stop_stack' EXIT

say "prepare: jars and class-data archives (build products, not part of a start)"
stop_stack
"$MITA" prepare >&2

say "baseline: $baseline alone (Kafka started first, not counted)"
timed_up --only "$baseline" >/dev/null
kafka_baseline=$(timing kafka_ready_seconds)
single=$(minus "$(timing "${baseline//-/_}_ready_seconds")" "$kafka_baseline")
stop_stack

say "stack: all seven services"
total=$(timed_up)
kafka_ready=$(timing kafka_ready_seconds)
services_phase=$(minus "$(timing all_ready_seconds)" "$kafka_ready")

say "idle ${idle}s, then resident memory"
sleep "$idle"
declare -A ready_at=() rss=()
max_rss=0
for module in "${MODULES[@]}"; do
  ready_at[$module]=$(timing "${module//-/_}_ready_seconds")
  rss[$module]=$(rss_mb "$module")
  if [[ ${rss[$module]} == - ]]; then echo "cold-start: $module is no longer running" >&2; continue; fi
  if ((rss[$module] > max_rss)); then max_rss=${rss[$module]}; fi
done
kafka_rss=$(rss_mb kafka)
stop_stack

say "comparison: all seven services from plain jars (MITA_CDS=0), same invocation"
plain_total=$(MITA_CDS=0 timed_up)
plain_services_phase=$(minus "$(timing all_ready_seconds)" "$(timing kafka_ready_seconds)")

summary_table() {
  printf '| measure | value | goal |\n|---|---|---|\n'
  printf '| launch → all services ready | %s s | ≤ %s s (%s) |\n' "$total" "$GOAL_READY_SECONDS" "$(verdict "$total" "$GOAL_READY_SECONDS")"
  printf '| launch → Kafka ready (topics created) | %s s | |\n' "$kafka_ready"
  printf '| Kafka ready → all services ready | %s s | |\n' "$services_phase"
  printf '| one service alone (%s, Kafka already up) | %s s | |\n' "$baseline" "$single"
  printf '| ratio: seven services / one service | %s× | |\n' "$(ratio "$services_phase" "$single")"
  printf '| launch → all ready from plain jars, without class-data archives | %s s | |\n' "$plain_total"
  printf '| ratio: services phase with archives / without | %s× | |\n' "$(ratio "$services_phase" "$plain_services_phase")"
  printf '| largest service RSS after %s s idle | %s MB | ≤ %s MB (%s) |\n' "$idle" "$max_rss" "$GOAL_RSS_MB" "$(verdict "$max_rss" "$GOAL_RSS_MB")"
}
service_table() {
  printf '| process | ready after launch (s) | RSS after %s s idle (MB) |\n|---|---|---|\n' "$idle"
  for module in "${MODULES[@]}"; do
    printf '| %s | %s | %s |\n' "$module" "${ready_at[$module]}" "${rss[$module]}"
  done
  printf '| kafka (broker, not a service) | %s | %s |\n' "$kafka_ready" "$kafka_rss"
}

say "results"
summary_table
echo
service_table

# RESULTS.md: the latest run in full, and one history row per run (rows of earlier runs are kept).
date_utc=$(date -u '+%Y-%m-%d %H:%M UTC')
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "none")
history="" others=""
# the sections of other benchmarks (bench/request-cost.sh ...) follow the marker line and are kept as they are
readonly OTHERS_MARKER='<!-- other benchmarks: kept by cold-start.sh -->'
if [[ -f $RESULTS ]]; then
  history=$(sed -n "/^## History/,/^$OTHERS_MARKER/p" "$RESULTS" | grep '^| [0-9]' || true)
  others=$(sed -n "/^$OTHERS_MARKER/,\$p" "$RESULTS")
fi
{
  cat <<EOF
# Cold-start benchmark

Written by \`bench/cold-start.sh\` (run it again to update). Goal: all seven services ready within
$GOAL_READY_SECONDS s of launch on the 2-core machine, and at most $GOAL_RSS_MB MB resident memory per service after $idle s idle.

## Latest run: $date_utc

Machine: $(nproc) cores, $(awk '/^MemTotal:/ { printf "%.0f", $2 / 1024 }' /proc/meminfo) MB RAM, $(java -version 2>&1 | sed -n 1p | tr -d '"'). Commit: $commit.
Service JVM options: \`${MITA_JVM_OPTS:-the infra/local/mita defaults}\`.

EOF
  summary_table
  printf '\n'
  service_table
  printf '\n## History\n\n'
  printf '| date | launch → all ready (s) | Kafka ready (s) | one service (s) | ratio | max RSS (MB) | commit |\n'
  printf '|---|---|---|---|---|---|---|\n'
  [[ -z $history ]] || printf '%s\n' "$history"
  printf '| %s | %s | %s | %s | %s× | %s | %s |\n' "$date_utc" "$total" "$kafka_ready" "$single" \
    "$(ratio "$services_phase" "$single")" "$max_rss" "$commit"
  [[ -z $others ]] || printf '\n%s\n' "$others"
} >"$RESULTS.tmp"
mv "$RESULTS.tmp" "$RESULTS"
printf '\nwritten: %s\n' "${RESULTS#"$ROOT"/}"

if ((keep)); then
  trap - EXIT
  echo "the stack keeps running (--keep); stop it with: infra/local/mita down"
fi
