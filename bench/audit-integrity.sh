#!/usr/bin/env bash
# bench/audit-integrity.sh — integrity verification speed in records/s (issue 13; goal ≥ 50,000/s).
#
#   bench/audit-integrity.sh [--events 1000000] [--rounds 3] [--profile laptop|production] [--profiler async]
#                            [--env K=V]...
#
# --env K=V: an environment variable for the services (repeatable), e.g. --env AUDIT_DB_FORCE_BINARY=false.
# --profile: the JVM options of the services (bench/lib/profiles.sh); laptop unless given.
# --profiler async: after the timed rounds, one more walk (not counted) under async-profiler (CPU, one sample per ms
#   of CPU time, from Maven Central: bench/lib/async-profiler.sh) on audit-service; prints its flame summary
#   (bench/flame-summary.sh, the flame graph stays in the output directory), and PostgreSQL's side: EXPLAIN
#   (ANALYZE, BUFFERS) of one chunk's two queries and the bytes a record sends.
#
# Starts auth-service and audit-service (infra/local/mita, under flock /tmp/mita-stack.lock; refuses a running stack),
# seeds the log through the real ingest path up to EVENTS events (bench/audit-bench-lib.sh; kept between runs in
# mita_audit), logs in a COMPLIANCE user, then, ROUNDS times in turn:
#   - GET /api/audit/integrity over the whole log (chain walk in chunks of 5,000 links plus every digest), direct to
#     audit-service; records/s = the report's recordsVerified ÷ the request's wall time (curl);
#   - the baseline: psql reading the same rows the walk reads (audit_event's chained columns and audit_chain, in seq
#     order) to /dev/null, with no hashing; records/s = rows ÷ wall time.
# Each round also prints the CPU time audit-service's JVM and mita_audit's PostgreSQL backends spent during the walk
# (/proc/PID/stat), as a share of the walk's wall time (2 cores = 200 %).
# Prints both, median [min–max], and their ratio. The report must be intact, or the figure is of a partial walk.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source "$ROOT/bench/lib/options.sh"
source "$ROOT/bench/lib/async-profiler.sh"
source "$ROOT/bench/lib/stack-lock.sh"
events=1000000 rounds=3 profile=laptop profiler= extra_env=()
parse_options audit-integrity --events=events --rounds=rounds --profile=profile --profiler=profiler '--env=extra_env[]' \
  -- "$@"
[[ $profile == laptop || $profile == production ]] || { echo "audit-integrity: --profile laptop|production" >&2; exit 2; }
[[ -z $profiler || $profiler == async ]] || { echo "audit-integrity: --profiler async" >&2; exit 2; }
relaunch=(--events "$events" --rounds "$rounds" --profile "$profile")
[[ -z $profiler ]] || relaunch+=(--profiler "$profiler")
for kv in ${extra_env[@]+"${extra_env[@]}"}; do relaunch+=(--env "$kv"); done
run_under_stack_lock "$0" "${relaunch[@]}"
[[ -z $profiler ]] || async_profiler_jar >/dev/null
# shellcheck source=bench/audit-bench-lib.sh
source "$ROOT/bench/audit-bench-lib.sh"
OUT=${TMPDIR:-/tmp}/mita-audit-integrity-$(date -u +%Y%m%dT%H%M%S)
mkdir -p "$OUT"
echo "audit-integrity: profile=$profile events=$events rounds=$rounds env=${extra_env[*]:-none} (output in $OUT)"
for kv in ${extra_env[@]+"${extra_env[@]}"}; do export "${kv?}"; done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; commit $(git rev-parse --short HEAD); $(date -u '+%Y-%m-%d %H:%M UTC')"
audit_bench_up "$OUT" "$profile"
audit_bench_seed "$events" "$OUT"
token=$(audit_compliance_token)
[[ -n $token ]] || { echo "audit-integrity: no COMPLIANCE token" >&2; exit 1; }
audit_pid=$(pgrep -f -- "-Dmita.module=audit-service " | head -1)
readonly TICKS=$(getconf CLK_TCK)
# cpu_ticks: user + system ticks of audit-service's JVM, and of the PostgreSQL backends connected to mita_audit
# (the pool's connections; a backend that ended during the walk is not counted)
jvm_ticks() { awk '{print $14 + $15}' "/proc/$audit_pid/stat"; }
db_ticks() {
  local pid total=0
  for pid in $("${PSQL[@]}" -c "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"); do
    [[ -r /proc/$pid/stat ]] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
# walk OUT_FILE: GET /api/audit/integrity over the whole log; prints curl's wall time
walk() {
  curl -sf -m 1800 -o "$1" -w '%{time_total}\n' -H "Authorization: Bearer $token" "$AUDIT/api/audit/integrity"
}

# what IntegrityStore reads per chunk: the chained columns of audit_event (ChainedRecord.COLUMNS) and audit_chain
readonly RAW_READ="COPY (SELECT e.seq, e.event_id, e.source, e.type, e.subject, e.actor_id, e.correlation_id,
  e.occurred_at, e.received_at, e.topic, e.partition, e.kafka_offset, e.data::text,
  array_to_string(e.email_hashes, ','), encode(e.sealed_data, 'hex'), encode(c.prev_hash, 'hex'), encode(c.hash, 'hex')
  FROM audit_event e JOIN audit_chain c ON c.seq = e.seq ORDER BY e.seq) TO STDOUT"
# the text of every chained column in one string (no length prefixes): what the canonical bytes carry
readonly CANONICAL_TEXT="concat_ws('|', e.seq, e.event_id, e.source, e.type, e.subject, e.actor_id, e.correlation_id,
  e.occurred_at, e.received_at, e.topic, e.partition, e.kafka_offset, e.data::text, array_to_string(e.email_hashes, ','),
  encode(e.sealed_data, 'hex'))"
: >"$OUT/verify.txt"; : >"$OUT/raw.txt"; : >"$OUT/ratio.txt"
printf '%-6s %10s %8s %8s %14s %12s %14s %7s %6s %6s %s\n' round records intact seconds "verify rec/s" "raw seconds" \
  "raw rec/s" ratio "jvm %" "pg %" load
for ((r = 1; r <= rounds; r++)); do
  jvm_before=$(jvm_ticks) db_before=$(db_ticks)
  walk "$OUT/report-$r.json" >"$OUT/time-$r.txt"
  jvm_after=$(jvm_ticks) db_after=$(db_ticks)
  took=$(cat "$OUT/time-$r.txt")
  jvm_share=$(awk -v d=$((jvm_after - jvm_before)) -v t="$TICKS" -v w="$took" 'BEGIN {printf "%.0f", d / t / w * 100}')
  db_share=$(awk -v d=$((db_after - db_before)) -v t="$TICKS" -v w="$took" 'BEGIN {printf "%.0f", d / t / w * 100}')
  records=$(sed -n 's/.*"recordsVerified":\([0-9]*\).*/\1/p' "$OUT/report-$r.json")
  intact=$(sed -n 's/.*"intact":\(true\|false\).*/\1/p' "$OUT/report-$r.json")
  verify=$(awk -v n="$records" -v t="$took" 'BEGIN {printf "%.0f", n / t}')
  raw_started=$(date +%s.%N)
  raw_rows=$("${PSQL[@]}" -c "$RAW_READ" | wc -l)
  raw_took=$(awk -v s="$raw_started" -v e="$(date +%s.%N)" 'BEGIN {printf "%.3f", e - s}')
  raw=$(awk -v n="$raw_rows" -v t="$raw_took" 'BEGIN {printf "%.0f", n / t}')
  ratio=$(awk -v a="$verify" -v b="$raw" 'BEGIN {printf "%.3f", a / b}')
  echo "$verify" >>"$OUT/verify.txt"; echo "$raw" >>"$OUT/raw.txt"; echo "$ratio" >>"$OUT/ratio.txt"
  printf '%-6s %10s %8s %8.1f %14s %12s %14s %7s %6s %6s %s\n' "$r" "$records" "$intact" "$took" "$verify" "$raw_took" "$raw" \
    "$ratio" "$jvm_share" "$db_share" "$(cut -d' ' -f1 /proc/loadavg)"
  [[ $intact == true ]] || echo "audit-integrity: the log is not intact; the walk stopped early: $(cat "$OUT/report-$r.json")" >&2
done
echo "-- median [min–max] of $rounds rounds"
echo "GET /api/audit/integrity, whole log: $(bench_stats "$OUT/verify.txt" 0) records/s (goal ≥ 50,000)"
echo "psql reading the same rows, no hashing: $(bench_stats "$OUT/raw.txt" 0) records/s"
echo "verify ÷ raw read:                     $(bench_stats "$OUT/ratio.txt" 2)"
if [[ $profiler == async ]]; then
  echo "== async-profiler: one more walk (not counted), audit-service sampled (CPU, 1 ms)"
  async_profile_start "$audit_pid"
  took=$(walk "$OUT/report-profiled.json")
  async_profile_stop "$audit_pid" "$OUT/audit-walk"
  echo "profiled walk: $took s; flame graph $OUT/audit-walk.html"
  "$ROOT/bench/flame-summary.sh" "$OUT/audit-walk.collapsed" 20 || true
  echo "== PostgreSQL's side: one chunk of 5,000 links from the middle of the log"
  mid=$("${PSQL[@]}" -c "SELECT seq FROM audit_chain ORDER BY seq OFFSET (SELECT count(*) / 2 FROM audit_chain) LIMIT 1")
  "${PSQL[@]}" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT seq, event_id, prev_hash, hash FROM audit_chain
    WHERE seq > $mid AND seq <= $mid + 5000 ORDER BY seq LIMIT 5000"
  # the walk's own record query (ChainedRecord.CANONICAL_BYTES_SQL), as a pooled connection last ran it
  records_sql=$("${PSQL[@]}" -c "SELECT query FROM pg_stat_activity WHERE datname = current_database()
    AND pid <> pg_backend_pid() AND query LIKE '%int4send%' LIMIT 1")
  # (pg_stat_activity keeps track_activity_query_size bytes of it, 1,024 by default: a cut text is not run)
  if [[ $records_sql == *'ORDER BY seq' ]]; then
    records_sql=${records_sql//\$1/$mid}
    "${PSQL[@]}" -c "EXPLAIN (ANALYZE, BUFFERS) ${records_sql//\$2/$((mid + 5000))}"
    echo "bytes of canonical bytes a record (mean): $("${PSQL[@]}" -c "SELECT round(avg(length(canonical)))
      FROM (${records_sql//\$2/$((mid + 5000))}) AS chunk")"
  else
    echo "the walk's record query is cut in pg_stat_activity (raise track_activity_query_size to EXPLAIN it)"
  fi
  echo "the same rows' plain columns, no canonical bytes (what psql's raw read costs PostgreSQL):"
  "${PSQL[@]}" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT seq, event_id, $CANONICAL_TEXT FROM audit_event e
    WHERE seq > $mid AND seq <= $mid + 5000 ORDER BY seq" | grep -E 'Execution|Planning Time'
fi
echo "RESULT records=$records verify_per_s=$(bench_stats "$OUT/verify.txt" 0 | cut -d' ' -f1) raw_per_s=$(bench_stats "$OUT/raw.txt" 0 | cut -d' ' -f1) load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ,)"
