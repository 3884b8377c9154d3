#!/usr/bin/env bash
# bench/insights-rebuild.sh — projection rebuild speed of insights-service (issue 11, goal ≥ 5,000 events/s).
#
#   bench/insights-rebuild.sh [events] [rounds]        (defaults 50000 3)
#
# Starts the local stack with auth-service and insights-service only (infra/local/mita, under
# flock /tmp/mita-stack.lock, taken unless it runs under it already: bench/lib/stack-lock.sh), publishes EVENTS
# budget events (bench/InsightsRebuildLoad.java: created, every fifth updated, every tenth deleted; 200 users) to
# the stack's mita.budget.v1, then runs the rebuild command
# (infra/runbooks/rebuild-projections.sh: POST /api/insights/admin/projections/rebuild as the bootstrap ADMIN) ROUNDS times and prints each round's
# records, milliseconds and events/s as insights-service measured them (the replay from offset 0 and the swap),
# and their median. The topic also holds whatever earlier runs of the stack published; all of it is replayed.
# Stops the stack at the end. Print `uptime` with the figures: the machine is shared.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
EVENTS=${1:-50000}
ROUNDS=${2:-3}
AUTH=http://127.0.0.1:${AUTH_PORT:-8081}
INSIGHTS=http://127.0.0.1:${INSIGHTS_PORT:-8084}
BOOTSTRAP=${MITA_KAFKA_BOOTSTRAP:-127.0.0.1:9092}

source "$ROOT/bench/lib/stack-lock.sh"
run_under_stack_lock "$0" "$@"

printf 'Machine load average at start: %s; %s CPUs; commit %s; %s\n\n' \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)" "$(git rev-parse --short HEAD)" "$(date -u '+%Y-%m-%d %H:%M UTC')"

export MITA_READY_TIMEOUT=${MITA_READY_TIMEOUT:-900}
# the regeneration of every user-month's insights that a rebuild schedules is not part of the figure: deferred
export INSIGHTS_REFRESH_INTERVAL=${INSIGHTS_REFRESH_INTERVAL:-1h}
infra/local/mita up --detach --only auth-service,insights-service >&2
trap 'infra/local/mita down >&2 || true' EXIT

m2=${MAVEN_REPO:-$HOME/.m2/repository}
clients=$(find "$m2/org/apache/kafka/kafka-clients" -name 'kafka-clients-*.jar' ! -name '*sources*' ! -name '*test*' | sort -V | tail -1)
slf4j=$(find "$m2/org/slf4j/slf4j-api" -name 'slf4j-api-*.jar' ! -name '*sources*' | sort -V | tail -1)
java -cp "$clients:$slf4j" bench/InsightsRebuildLoad.java "$BOOTSTRAP" "$EVENTS" >&2

rates=()
printf '| round | records | ms | events/s |\n|---|---|---|---|\n'
for round in $(seq 1 "$ROUNDS"); do
  report=$(infra/runbooks/rebuild-projections.sh --auth "$AUTH" --insights "$INSIGHTS")
  records=$(sed -E 's/.*"records":([0-9]+).*/\1/' <<<"$report")
  millis=$(sed -E 's/.*"millis":([0-9]+).*/\1/' <<<"$report")
  rate=$(sed -E 's/.*"eventsPerSecond":([0-9]+).*/\1/' <<<"$report")
  rates+=("$rate")
  printf '| %s | %s | %s | %s |\n' "$round" "$records" "$millis" "$rate"
done
median=$(printf '%s\n' "${rates[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}')
printf '\nmedian: %s events/s over %s rounds (goal ≥ 5,000/s); load average at end: %s\n' \
  "$median" "$ROUNDS" "$(cut -d' ' -f1-3 /proc/loadavg)"
