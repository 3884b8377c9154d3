#!/usr/bin/env bash
# bench/notification-latency.sh — notification-service under load (issue 11, "Measured"; goals: event → in-app row
# and → SSE message at the client p99 ≤ 500 ms at 200 events/s; 1,000 SSE streams on one instance all receive every
# event of their user and cost ≤ 100 MB extra RSS).
#
#   bench/notification-latency.sh [--users 100] [--rate 200] [--seconds 20] [--rounds 3] [--warmup 10]
#                                 [--connections 1000] [--events-per-user 3] [--hold 40]
#
# Takes flock /tmp/mita-stack.lock itself unless it runs under it already (bench/lib/stack-lock.sh), then starts its
# own stack (infra/local/mita up --only auth,notification: auth-service, notification-service, Kafka, the SMTP
# catcher) and stops it at the end; a running stack is refused.
# bench/NotificationLatencyProbe.java (run as a single-file program; kafka-clients, slf4j-api and the PostgreSQL
# driver from ~/.m2) does the work:
#   users        registers and logs in max(USERS, CONNECTIONS) users at auth-service (4 at a time: Argon2).
#   latency      USERS users hold one SSE stream each on GET /api/notifications/stream, DIRECT to notification-service
#                (:8085; the gateway is not in the path). Budget threshold events (mita.budget.threshold.reached.v1,
#                the golden file's members; one in-app notification each, no e-mail: the bench users set no address)
#                go to mita.budget.v1 at RATE/s, spread over the users: a warm-up, then ROUNDS rounds of SECONDS s.
#                Per event, from its time: kafka = a plain consumer of the same topic receives it (the baseline),
#                db = the row is visible (the LISTEN announcement notification-service sends in the row's transaction
#                reaches the probe's own LISTEN connection at commit), sse = the message at the client. Per round
#                p50/p99 of each; then median [min-max] over the rounds and p99 ÷ the baseline's p99 per round.
#   connections  CONNECTIONS users open one SSE stream each; VmRSS of notification-service (/proc/PID/status) before,
#                with the streams open, after EVENTS_PER_USER events per user at RATE/s, and after HOLD s; counts per
#                stream the events of its user it received (every one expected) and the heartbeats (one each 15 s).
# Access tokens live 15 minutes: logins, both parts and the hold must fit (the defaults take about 8 minutes).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT MITA="$ROOT/infra/local/mita"
readonly AUTH="http://127.0.0.1:${AUTH_PORT:-8081}" NOTIFICATION="http://127.0.0.1:${NOTIFICATION_PORT:-8085}"
readonly MANAGEMENT="http://127.0.0.1:${NOTIFICATION_MANAGEMENT_PORT:-9085}"
readonly BOOTSTRAP=${MITA_KAFKA_BOOTSTRAP:-127.0.0.1:9092}

source "$ROOT/bench/lib/options.sh"
source "$ROOT/bench/lib/stack-lock.sh"
users=100 rate=200 seconds=20 rounds=3 warmup=10 connections=1000 per_user=3 hold=40
parse_options notification-latency --users=users --rate=rate --seconds=seconds --rounds=rounds --warmup=warmup \
  --connections=connections --events-per-user=per_user --hold=hold -- "$@"
if ((rounds < 3)); then
  echo "notification-latency: at least 3 rounds (median [min-max])" >&2
  exit 2
fi

run_under_stack_lock "$0" --users "$users" --rate "$rate" --seconds "$seconds" --rounds "$rounds" --warmup "$warmup" \
  --connections "$connections" --events-per-user "$per_user" --hold "$hold"
if curl -s -o /dev/null "$NOTIFICATION/livez" || curl -s -o /dev/null "$AUTH/livez"; then
  echo "notification-latency: a stack is running; stop it (infra/local/mita down) so this run can start its own" >&2
  exit 1
fi

OUT=${TMPDIR:-/tmp}/mita-notification-latency-$(date -u +%Y%m%dT%H%M%S)
mkdir -p "$OUT"
echo "notification-latency: users=$users rate=$rate/s seconds=$seconds rounds=$rounds warmup=$warmup" \
  "connections=$connections events_per_user=$per_user hold=$hold (output in $OUT)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start;" \
  "commit $(git -C "$ROOT" rev-parse --short HEAD); $(date -u '+%Y-%m-%d %H:%M UTC')"

trap '"$MITA" down >/dev/null 2>&1 || true' EXIT
"$MITA" up --detach --timeout "${MITA_READY_TIMEOUT:-900}" --only auth,notification >"$OUT/up.log" 2>&1 \
  || { tail -20 "$OUT/up.log" >&2; exit 1; }
notification_pid=$(pgrep -f -- "-Dmita.module=notification-service " | head -1)

m2=${MAVEN_REPO:-$HOME/.m2/repository}
m2_jar() { find "$m2/$1" -name "$2-*.jar" ! -name '*sources*' ! -name '*test*' ! -name '*javadoc*' | sort -V | tail -1; }
classpath="$(m2_jar org/apache/kafka/kafka-clients kafka-clients):$(m2_jar org/slf4j/slf4j-api slf4j-api):$(m2_jar org/postgresql/postgresql postgresql)"
probe() { java -Xmx256m -cp "$classpath" "$ROOT/bench/NotificationLatencyProbe.java" "$@"; }
jdbc="jdbc:postgresql://${MITA_DB_HOST:-127.0.0.1}:${MITA_DB_PORT:-5432}/${NOTIFICATION_DB_NAME:-mita_notification}?user=${MITA_DB_USER:-postgres}"
[[ -z ${MITA_DB_PASSWORD:-} ]] || jdbc+="&password=$MITA_DB_PASSWORD"

echo "== users"
probe users "$AUTH" $((users > connections ? users : connections)) "$OUT/users.txt"
tokens_at=$(date +%s)

echo "== part 1: event -> row and -> SSE message, $rate events/s (load $(cut -d' ' -f1-3 /proc/loadavg))"
probe latency "$BOOTSTRAP" "$NOTIFICATION" "$MANAGEMENT" "$jdbc" "$OUT/users.txt" --users "$users" --rate "$rate" \
  --seconds "$seconds" --rounds "$rounds" --warmup "$warmup" | tee "$OUT/latency.txt"

echo "== part 2: $connections SSE streams on one instance (pid $notification_pid; load $(cut -d' ' -f1-3 /proc/loadavg))"
probe connections "$BOOTSTRAP" "$NOTIFICATION" "$MANAGEMENT" "$OUT/users.txt" "$notification_pid" \
  --connections "$connections" --events-per-user "$per_user" --rate "$rate" --hold "$hold" | tee "$OUT/connections.txt"

echo "token age at the end: $(($(date +%s) - tokens_at)) s (tokens live 900 s); load average at end:" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
