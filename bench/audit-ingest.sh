#!/usr/bin/env bash
# bench/audit-ingest.sh — sustained ingest rate of audit-service into PostgreSQL (masking, sealing and the hash chain
# included) against the raw consume rate of Kafka's own consumer performance tool on the same topic in the same
# round (issue 13; goals: ≥ 5,000 events/s and ≥ 0.5 × the raw rate).
#
#   bench/audit-ingest.sh [--events 100000] [--rounds 3] [--users 1000] [--profile laptop|production]
#                         [--ceiling | --no-ceiling] [--variant NAME[=K=V]]...
#
# --profile: the JVM options of audit-service (bench/lib/profiles.sh); laptop (infra/local/mita's default, C1 only)
# unless given. The goals are about production: C1 has no intrinsics for AES-GCM's GHASH nor SHA-256, which
# sealing and the hash chain spend most of their CPU in.
#
# Starts its own stack with audit-service only (infra/local/mita, Kafka from Maven Central's jars; refuses a running
# one), under flock /tmp/mita-stack.lock. Each round:
#   1. stops audit-service and publishes EVENTS CloudEvents to a new topic mita.auditbench<time>r<round>.v1
#      (bench/AuditIngestLoad.java: ~450 bytes of data each, with an e-mail, a password, card numbers, nesting),
#   2. raw: org.apache.kafka.tools.ConsumerPerformance (kafka-tools, the jar infra/local/mita resolves for the
#      broker) reads the topic from the start in a fresh group: its fetch.nMsg.sec (consume time without the
#      group join),
#   3. starts audit-service, which finds the topic by its pattern and stores every event; the rate is computed from
#      the database's own clock: the events stored in every batch but the last, divided by the time from the first
#      batch's transaction to the last one's (received_at), so start-up and topic discovery are not counted.
#   4. ceiling (--ceiling, the default; --no-ceiling leaves it out): what PostgreSQL alone sets as the limit of any
#      design that stores these events durably here (bench/audit-ceiling.sql): the very rows audit-service stored in
#      the round, and their chain rows, copied in one session and one transaction (synchronous_commit as
#      audit-service's role has it), with no Java, network, parsing, masking, sealing nor hashing, into scratch
#      tables of the same definition (partitions, keys, indexes, checks, triggers; checked against the catalog):
#      the ceiling; and into plain heaps with no index at all: the bare floor. The scratch schema is dropped after.
#      Each as events/s of wall time and as events per CPU-second of the PostgreSQL backend that did the copy (its
#      own /proc/self/stat): on a shared machine the wall time is a share of the cores, the CPU time is not, and
#      2 × that rate bounds what any design could store on 2 cores (both cores inserting, nothing else running).
#   5. where the time went (since 2026-12-02): audit-service's step timers (mita.audit.ingest.step, per chain
#      transaction: read = the listener reading and masking a batch, then the transaction's own steps) from
#      /actuator/prometheus, and the CPU share of audit-service's JVM, of all PostgreSQL processes and of the Kafka
#      broker, and the machine's idle share, from the first batch stored to the last (/proc, 2 cores = 200 %):
#      whether a core sits idle while ingest runs.
# --variant NAME=K=V: rounds take turns over the variants named (a b a b ... with --rounds 2 × their number), K=V in
# audit-service's environment for the rounds of NAME (repeat for several assignments; `--variant NAME` alone: no
# setting, a baseline); the summary gives each variant's median and its ratio to the first variant's, all from one
# invocation. E.g. --variant default --variant small-polls=AUDIT_MAX_POLL_RECORDS=500.
# Prints one line per round and the median [min–max] of every rate and of their ratios to the raw rate.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source "$ROOT/bench/lib/options.sh"
source "$ROOT/bench/lib/stack-lock.sh"
events=100000 rounds=3 users=1000 profile=laptop ceiling=1 variant_specs=()
parse_options audit-ingest --events=events --rounds=rounds --users=users --profile=profile --ceiling=ceiling=1 \
  --no-ceiling=ceiling=0 '--variant=variant_specs[]' -- "$@"
# variants: names in the order first given; settings[NAME]: its K=V assignments, space-separated
declare -a variants=()
declare -A settings=()
for spec in ${variant_specs[@]+"${variant_specs[@]}"}; do
  [[ ${spec%%=*} =~ ^[A-Za-z0-9_.-]+$ ]] || { echo "audit-ingest: --variant NAME[=K=V] ($spec)" >&2; exit 2; }
  [[ -v settings[${spec%%=*}] ]] || { variants+=("${spec%%=*}"); settings[${spec%%=*}]=; }
  [[ $spec != *=* ]] || settings[${spec%%=*}]+=" ${spec#*=}"
done
((${#variants[@]})) || { variants=(default); settings[default]=; }
[[ $profile == laptop || $profile == production ]] || { echo "audit-ingest: --profile laptop|production" >&2; exit 2; }
if ((ceiling)); then ceiling_option=--ceiling; else ceiling_option=--no-ceiling; fi
variant_args=()
for spec in ${variant_specs[@]+"${variant_specs[@]}"}; do variant_args+=(--variant "$spec"); done
run_under_stack_lock "$0" --events "$events" --rounds "$rounds" --users "$users" --profile "$profile" "$ceiling_option" \
  ${variant_args[@]+"${variant_args[@]}"}
readonly MITA="$ROOT/infra/local/mita" AUDIT="http://127.0.0.1:${AUDIT_PORT:-8086}"
readonly METRICS="http://127.0.0.1:${AUDIT_MANAGEMENT_PORT:-9086}/actuator/prometheus"
readonly PIDS="${MITA_WORK_DIR:-$ROOT/.mita}/pids"
readonly BOOTSTRAP=${MITA_KAFKA_BOOTSTRAP:-127.0.0.1:9092}
readonly PSQL=(psql -X -q -At -v ON_ERROR_STOP=1 -h "${MITA_DB_HOST:-127.0.0.1}" -p "${MITA_DB_PORT:-5432}"
  -U "${MITA_DB_USER:-postgres}" -d "${AUDIT_DB_NAME:-mita_audit}")
if curl -s -o /dev/null "$AUDIT/livez"; then
  echo "audit-ingest: a stack is running; stop it (infra/local/mita down) so this run can start its own" >&2
  exit 1
fi
OUT=${TMPDIR:-/tmp}/mita-audit-ingest-$(date -u +%Y%m%dT%H%M%S)
mkdir -p "$OUT"
echo "audit-ingest: profile=$profile events=$events rounds=$rounds users=$users ceiling=$ceiling variants=${variants[*]} (output in $OUT)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; commit $(git rev-parse --short HEAD); $(date -u '+%Y-%m-%d %H:%M UTC')"

export MITA_READY_TIMEOUT=${MITA_READY_TIMEOUT:-900}
# the scratch schema of bench/audit-ceiling.sql goes too if a round stops half-way
trap '"${PSQL[@]}" -c "DROP SCHEMA IF EXISTS audit_ceiling CASCADE" >/dev/null 2>&1 || true
      "$MITA" down >/dev/null 2>&1 || true' EXIT
# shellcheck source=bench/lib/profiles.sh
source "$ROOT/bench/lib/profiles.sh"
mapfile -t profile_vars < <(profile_env "$profile")
env ${profile_vars[@]+"${profile_vars[@]}"} "$MITA" up --detach --only audit >"$OUT/up.log" 2>&1 || { tail -20 "$OUT/up.log" >&2; exit 1; }

kafka_cp=$(cat "${MITA_WORK_DIR:-$ROOT/.mita}/kafka/classpath.txt")
m2=${MAVEN_REPO:-$HOME/.m2/repository}
clients=$(find "$m2/org/apache/kafka/kafka-clients" -name 'kafka-clients-*.jar' ! -name '*sources*' ! -name '*test*' | sort -V | tail -1)
slf4j=$(find "$m2/org/slf4j/slf4j-api" -name 'slf4j-api-*.jar' ! -name '*sources*' | sort -V | tail -1)

stats() { sort -g "$1" | awk '{v[NR] = $1} END {printf "%.0f [%.0f–%.0f]", v[int((NR + 1) / 2)], v[1], v[NR]}'; }
ratio_stats() { sort -g "$1" | awk '{v[NR] = $1} END {printf "%.2f [%.2f–%.2f]", v[int((NR + 1) / 2)], v[1], v[NR]}'; }
: >"$OUT/ingest.txt"; : >"$OUT/raw.txt"; : >"$OUT/ratio.txt"
: >"$OUT/ceiling.txt"; : >"$OUT/bare.txt"; : >"$OUT/ceiling-ratio.txt"; : >"$OUT/bare-ratio.txt"
: >"$OUT/ceiling-cpu.txt"; : >"$OUT/bare-cpu.txt"; : >"$OUT/two-core-ratio.txt"
for variant in "${variants[@]}"; do : >"$OUT/ingest-$variant.txt"; : >"$OUT/ratio-$variant.txt"; done
clock_ticks=$(getconf CLK_TCK)
# cpu_ticks PID...: utime + stime of those processes so far (0 for one that is gone)
cpu_ticks() {
  local pid total=0 fields
  for pid in "$@"; do
    [[ $pid =~ ^[0-9]+$ ]] || continue
    fields=$(cut -d')' -f2 "/proc/$pid/stat" 2>/dev/null) || continue
    total=$((total + $(awk '{print $12 + $13}' <<<"$fields")))
  done
  echo "$total"
}
# postgres_pids: audit-service's backends and PostgreSQL's own background processes (WAL writer, checkpointer...),
# not other databases' backends (the machine is shared); taken once a round, when the first batch is stored
postgres_pids() {
  "${PSQL[@]}" -c "SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid()
    AND (datname = current_database() OR backend_type <> 'client backend')" | paste -sd' '
}
# cpu_snapshot: wall ms, then ticks of audit-service, PostgreSQL (pg_pids), Kafka, and the machine's idle ticks
cpu_snapshot() {
  # shellcheck disable=SC2086 # one pid a word
  printf '%s %s %s %s %s\n' "$(date +%s%3N)" "$(cpu_ticks "$(cat "$PIDS/audit-service.pid" 2>/dev/null)")" \
    "$(cpu_ticks $pg_pids)" "$(cpu_ticks "$(cat "$PIDS/kafka.pid" 2>/dev/null)")" \
    "$(awk '/^cpu / {print $5 + $6}' /proc/stat)"
}
# cpu_shares FIRST LAST: the CPU % (of one core) of audit-service, PostgreSQL and Kafka, and the idle % of all cores
cpu_shares() {
  awk -v hz="$clock_ticks" -v cores="$(nproc)" '{for (i = 1; i <= 5; i++) v[NR, i] = $i}
    END {s = (v[2, 1] - v[1, 1]) / 1000; if (s <= 0) {print "- - - -"; exit}
         printf "%.0f %.0f %.0f %.0f\n", 100 * (v[2, 2] - v[1, 2]) / hz / s, 100 * (v[2, 3] - v[1, 3]) / hz / s,
                100 * (v[2, 4] - v[1, 4]) / hz / s, 100 * (v[2, 5] - v[1, 5]) / hz / s / cores}' <(printf '%s\n%s\n' "$1" "$2")
}
# step_times: audit-service's step timers as "step=ms-per-transaction" (sum ÷ count of the transaction timer)
step_times() {
  curl -s "$METRICS" | awk -F'[{}" ]+' '/^mita_audit_ingest_step_seconds_(sum|count)\{/ {
      for (i = 2; i < NF; i++) if ($i ~ /(^|,)step=$/) { step = $(i + 1) }
      if ($1 ~ /_sum$/) sum[step] = $NF; else count[step] = $NF }
    END { n = count["transaction"]; if (!n) exit
          printf "transactions=%d", n
          for (s in sum) printf " %s=%.1f", s, 1000 * sum[s] / n; printf "\n" }'
}
if ((ceiling)); then
  printf '%-6s %-34s %9s %9s %9s %9s %10s %10s %8s %8s %8s %8s %s\n' round topic "raw/s" "ingest/s" "ceiling/s" \
    "bare/s" "ceil/cpu-s" "bare/cpu-s" ingest÷raw ceil÷raw bare÷raw 2cpu÷raw load
else
  printf '%-6s %-34s %14s %14s %8s %s\n' round topic "ingest ev/s" "raw ev/s" ratio load
fi
for ((r = 1; r <= rounds; r++)); do
  variant=${variants[(r - 1) % ${#variants[@]}]}
  topic="mita.auditbench$(date +%s)r$r.v1"
  # running after `up` and after round r-1's ingest, unless the ceiling already stopped it
  if curl -s -o /dev/null "$AUDIT/livez"; then "$MITA" stop audit-service >>"$OUT/stack.log" 2>&1; fi
  java -cp "$clients:$slf4j" bench/AuditIngestLoad.java "$BOOTSTRAP" "$topic" "$events" "$users" >>"$OUT/load.log" 2>&1

  java -Xmx256m -Dlog4j2.configurationFile="$ROOT/infra/kafka/tools-log4j2.properties" -cp "$kafka_cp" \
    org.apache.kafka.tools.ConsumerPerformance --bootstrap-server "$BOOTSTRAP" --topic "$topic" \
    --messages "$events" --group "bench-raw-$topic" --timeout 60000 --hide-header >"$OUT/raw-$r.csv" 2>>"$OUT/raw.log"
  # start.time, end.time, MB, MB.sec, nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
  raw=$(tail -1 "$OUT/raw-$r.csv" | awk -F', ' '{printf "%.0f", $10}')
  raw_count=$(tail -1 "$OUT/raw-$r.csv" | awk -F', ' '{print $5}')
  ((raw_count == events)) || { echo "audit-ingest: the raw consumer read $raw_count of $events events" >&2; exit 1; }

  # shellcheck disable=SC2086 # the variant's assignments, one word each
  env ${settings[$variant]} "$MITA" start audit-service >>"$OUT/stack.log" 2>&1
  deadline=$((SECONDS + 900)) first_cpu=
  while :; do
    stored=$("${PSQL[@]}" -c "SELECT count(*) FROM audit_event WHERE topic = '$topic'")
    [[ -n $first_cpu ]] || ((stored == 0)) || { pg_pids=$(postgres_pids); first_cpu=$(cpu_snapshot); }
    ((stored >= events)) && break
    ((SECONDS < deadline)) || { echo "audit-ingest: only $stored of $events stored after 900 s" >&2; exit 1; }
    sleep 1
  done
  ingest=$("${PSQL[@]}" -c "
    WITH t AS (SELECT min(received_at) AS first, max(received_at) AS last, count(*) AS n FROM audit_event
               WHERE topic = '$topic')
    SELECT round((t.n - (SELECT count(*) FROM audit_event WHERE topic = '$topic' AND received_at = t.last))
                 / nullif(extract(epoch FROM t.last - t.first), 0))
    FROM t")
  [[ -n $first_cpu ]] || { pg_pids=$(postgres_pids); first_cpu=$(cpu_snapshot); }
  read -r jvm_cpu pg_cpu kafka_cpu idle_cpu < <(cpu_shares "$first_cpu" "$(cpu_snapshot)")
  steps=$(step_times)
  echo "round $r variant=$variant audit-service=${jvm_cpu}% postgres=${pg_cpu}% kafka=${kafka_cpu}% idle=${idle_cpu}% $steps" \
    | tee -a "$OUT/steps.txt" >&2
  ratio=$(awk -v a="$ingest" -v b="$raw" 'BEGIN {printf "%.3f", a / b}')
  echo "$ingest" >>"$OUT/ingest.txt"; echo "$raw" >>"$OUT/raw.txt"; echo "$ratio" >>"$OUT/ratio.txt"
  echo "$ingest" >>"$OUT/ingest-$variant.txt"; echo "$ratio" >>"$OUT/ratio-$variant.txt"
  if ((ceiling)); then
    # audit-service is stopped first: the copy has PostgreSQL and both cores to itself (the ceiling, not a share)
    "$MITA" stop audit-service >>"$OUT/stack.log" 2>&1
    "${PSQL[@]}" -v topic="$topic" -v service_role="${AUDIT_DB_SERVICE_USER:-mita_audit_service}" \
      -f "$ROOT/bench/audit-ceiling.sql" >"$OUT/ceiling-$r.txt" 2>>"$OUT/ceiling.log" \
      || { echo "audit-ingest: bench/audit-ceiling.sql failed (round $r):" >&2; tail -5 "$OUT/ceiling.log" >&2; exit 1; }
    # rows, seconds into the same-definition tables, seconds into the bare heaps, synchronous_commit, definitions,
    # the backend's CPU ticks for each copy
    read -r copied ceiling_s bare_s sync definitions ceiling_ticks bare_ticks <"$OUT/ceiling-$r.txt"
    ((copied == events)) || { echo "audit-ingest: the ceiling copied $copied of $events rows" >&2; exit 1; }
    ceiling_rate=$(awk -v n="$copied" -v s="$ceiling_s" 'BEGIN {printf "%.0f", n / s}')
    bare_rate=$(awk -v n="$copied" -v s="$bare_s" 'BEGIN {printf "%.0f", n / s}')
    ceiling_ratio=$(awk -v a="$ceiling_rate" -v b="$raw" 'BEGIN {printf "%.3f", a / b}')
    bare_ratio=$(awk -v a="$bare_rate" -v b="$raw" 'BEGIN {printf "%.3f", a / b}')
    ceiling_cpu=$(awk -v n="$copied" -v t="$ceiling_ticks" -v hz="$clock_ticks" 'BEGIN {printf "%.0f", n * hz / t}')
    bare_cpu=$(awk -v n="$copied" -v t="$bare_ticks" -v hz="$clock_ticks" 'BEGIN {printf "%.0f", n * hz / t}')
    two_core_ratio=$(awk -v a="$ceiling_cpu" -v b="$raw" 'BEGIN {printf "%.3f", 2 * a / b}')
    echo "$ceiling_rate" >>"$OUT/ceiling.txt"; echo "$bare_rate" >>"$OUT/bare.txt"
    echo "$ceiling_ratio" >>"$OUT/ceiling-ratio.txt"; echo "$bare_ratio" >>"$OUT/bare-ratio.txt"
    echo "$ceiling_cpu" >>"$OUT/ceiling-cpu.txt"; echo "$bare_cpu" >>"$OUT/bare-cpu.txt"
    echo "$two_core_ratio" >>"$OUT/two-core-ratio.txt"
    printf '%-6s %-34s %9s %9s %9s %9s %10s %10s %8s %8s %8s %8s %s\n' "$r" "$topic" "$raw" "$ingest" \
      "$ceiling_rate" "$bare_rate" "$ceiling_cpu" "$bare_cpu" "$ratio" "$ceiling_ratio" "$bare_ratio" \
      "$two_core_ratio" "$(cut -d' ' -f1 /proc/loadavg)"
  else
    printf '%-6s %-34s %14s %14s %8s %s\n' "$r" "$topic" "$ingest" "$raw" "$ratio" "$(cut -d' ' -f1 /proc/loadavg)"
  fi
done
echo "-- median [min–max] of $rounds rounds, $events events each"
echo "audit-service ingest into PostgreSQL: $(stats "$OUT/ingest.txt") events/s (goal ≥ 5,000)"
echo "Kafka ConsumerPerformance, raw:        $(stats "$OUT/raw.txt") events/s"
echo "ingest ÷ raw:                          $(ratio_stats "$OUT/ratio.txt") (goal ≥ 0.5)"
if ((${#variants[@]} > 1)); then
  base=$(stats "$OUT/ingest-${variants[0]}.txt" | cut -d' ' -f1)
  for variant in "${variants[@]}"; do
    median=$(stats "$OUT/ingest-$variant.txt" | cut -d' ' -f1)
    echo "variant $variant (${settings[$variant]:- no setting}): ingest $(stats "$OUT/ingest-$variant.txt") events/s," \
      "ingest ÷ raw $(ratio_stats "$OUT/ratio-$variant.txt"), median ÷ ${variants[0]}'s $(awk -v a="$median" -v b="$base" 'BEGIN {printf "%.2f", a / b}')"
  done
fi
result="RESULT events=$events ingest_per_s=$(stats "$OUT/ingest.txt" | cut -d' ' -f1) raw_per_s=$(stats "$OUT/raw.txt" | cut -d' ' -f1) ratio=$(ratio_stats "$OUT/ratio.txt" | cut -d' ' -f1)"
if ((ceiling)); then
  echo "ceiling, same tables (PostgreSQL only): $(stats "$OUT/ceiling.txt") events/s (synchronous_commit=$sync, $definitions index/constraint/trigger definitions matched)"
  echo "bare heaps, no index (PostgreSQL only): $(stats "$OUT/bare.txt") events/s"
  echo "ceiling ÷ raw:                          $(ratio_stats "$OUT/ceiling-ratio.txt") (no design stores faster in this PostgreSQL in one session: the ratio goal needs ≥ 0.5 of it)"
  echo "bare ÷ raw:                             $(ratio_stats "$OUT/bare-ratio.txt")"
  echo "ceiling per backend CPU-second:         $(stats "$OUT/ceiling-cpu.txt") events (bare heaps: $(stats "$OUT/bare-cpu.txt"))"
  echo "2 × that ÷ raw (any design, 2 cores):   $(ratio_stats "$OUT/two-core-ratio.txt") (an upper bound: below 0.5, no design meets the ratio goal on these cores)"
  result+=" ceiling_per_s=$(stats "$OUT/ceiling.txt" | cut -d' ' -f1) bare_per_s=$(stats "$OUT/bare.txt" | cut -d' ' -f1)"
  result+=" ceiling_ratio=$(ratio_stats "$OUT/ceiling-ratio.txt" | cut -d' ' -f1) bare_ratio=$(ratio_stats "$OUT/bare-ratio.txt" | cut -d' ' -f1)"
  result+=" ceiling_per_cpu_s=$(stats "$OUT/ceiling-cpu.txt" | cut -d' ' -f1) two_core_ratio=$(ratio_stats "$OUT/two-core-ratio.txt" | cut -d' ' -f1)"
fi
echo "$result load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ,)"
