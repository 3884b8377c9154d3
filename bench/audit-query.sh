#!/usr/bin/env bash
# bench/audit-query.sh — filtered audit queries over 1,000,000 stored events (issue 13; goal p95 ≤ 200 ms).
#
#   bench/audit-query.sh [--events 1000000] [--rounds 3] [--seconds 20] [--clients 4] [--profile laptop|production]
#
# --profile: the JVM options of the services (bench/lib/profiles.sh); laptop unless given.
#
# Starts auth-service and audit-service (infra/local/mita, under flock /tmp/mita-stack.lock; refuses a running stack),
# seeds the log through the real ingest path up to EVENTS events (bench/audit-bench-lib.sh: 1,000 subjects, eight
# types, an administrator actor on every tenth, own times over 30 days; kept between runs in mita_audit), logs in a
# COMPLIANCE user, then runs bench/LoadProbe.java with CLIENTS closed-loop clients direct to audit-service (:8086)
# in interleaved rounds: the baseline GET /api/audit/public-key (the same token check, no database) and five
# filtered searches (limit 50, newest first): by subject, by e-mail (keyed hash, GIN index), by type within one day,
# by actor and source, by correlation id. Every search also appends its access record to the chain (as in
# production). Prints p50/p95 and throughput per scenario, median [min–max] over the rounds, and p95 ÷ baseline p95.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source "$ROOT/bench/lib/options.sh"
source "$ROOT/bench/lib/stack-lock.sh"
events=1000000 rounds=3 seconds=20 clients=4 profile=laptop
parse_options audit-query --events=events --rounds=rounds --seconds=seconds --clients=clients --profile=profile -- "$@"
[[ $profile == laptop || $profile == production ]] || { echo "audit-query: --profile laptop|production" >&2; exit 2; }
run_under_stack_lock "$0" --events "$events" --rounds "$rounds" --seconds "$seconds" --clients "$clients" \
  --profile "$profile"
# shellcheck source=bench/audit-bench-lib.sh
source "$ROOT/bench/audit-bench-lib.sh"
OUT=${TMPDIR:-/tmp}/mita-audit-query-$(date -u +%Y%m%dT%H%M%S)
mkdir -p "$OUT"
echo "audit-query: profile=$profile events=$events rounds=$rounds seconds=$seconds clients=$clients (output in $OUT)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; commit $(git rev-parse --short HEAD); $(date -u '+%Y-%m-%d %H:%M UTC')"
audit_bench_up "$OUT" "$profile"
audit_bench_seed "$events" "$OUT"
token=$(audit_compliance_token)
[[ -n $token ]] || { echo "audit-query: no COMPLIANCE token" >&2; exit 1; }
tokens_at=$SECONDS

subject=$("${PSQL[@]}" -c "SELECT subject FROM audit_event WHERE topic = '$SEED_TOPIC' ORDER BY seq DESC LIMIT 1")
admin=$("${PSQL[@]}" -c "SELECT actor_id FROM audit_event WHERE topic = '$SEED_TOPIC' AND source = '/mita/bench-admin' ORDER BY seq DESC LIMIT 1")
correlation=$("${PSQL[@]}" -c "SELECT correlation_id FROM audit_event WHERE topic = '$SEED_TOPIC' ORDER BY seq LIMIT 1 OFFSET $((events / 2))")
day_from=$(date -u -d '7 days ago' +%Y-%m-%dT%H:%M:%SZ)
day_to=$(date -u -d '6 days ago' +%Y-%m-%dT%H:%M:%SZ)
declare -A urls=(
  [baseline]="$AUDIT/api/audit/public-key"
  [subject]="$AUDIT/api/audit/events?subject=$subject&limit=50"
  [email]="$AUDIT/api/audit/events?email=bench.user7@example.com&limit=50"
  [type-day]="$AUDIT/api/audit/events?type=mita.bench.transfer.sent.v1&from=$day_from&to=$day_to&limit=50"
  [actor-source]="$AUDIT/api/audit/events?actor=$admin&source=/mita/bench-admin&limit=50"
  [correlation]="$AUDIT/api/audit/events?correlationId=$correlation&limit=50"
)
readonly SCENARIOS=(baseline subject email type-day actor-source correlation)
for name in "${SCENARIOS[@]}"; do
  curl -sf -o "$OUT/sample-$name.json" -H "Authorization: Bearer $token" "${urls[$name]}" \
    || { echo "audit-query: $name answered an error: ${urls[$name]}" >&2; exit 1; }
done
echo "sample answers in $OUT/sample-*.json (subject $subject, actor $admin)"

probe() { # NAME SECONDS WARMUP
  java "$ROOT/bench/LoadProbe.java" "$1" "${urls[$1]}" --header "Authorization: Bearer $token" \
    --clients "$clients" --seconds "$2" --warmup "$3"
}
field() { sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" <<<"$2"; }
echo "== warm-up: every scenario for 5 s"
for name in "${SCENARIOS[@]}"; do probe "$name" 5 0 >/dev/null; done
echo "load average before the rounds: $(cut -d' ' -f1-3 /proc/loadavg)"
unexpected=0
for ((r = 1; r <= rounds; r++)); do
  for name in "${SCENARIOS[@]}"; do
    line=$(probe "$name" "$seconds" 2)
    echo "round $r $line (load $(cut -d' ' -f1 /proc/loadavg))"
    unexpected=$((unexpected + $(field unexpected "$line")))
    echo "$(field p95_ms "$line")" >>"$OUT/$name.p95"
    echo "$(field p50_ms "$line")" >>"$OUT/$name.p50"
    echo "$(field throughput_per_s "$line")" >>"$OUT/$name.rps"
  done
done
echo "-- median [min–max] of $rounds rounds, $clients clients, $seconds s each; token age $((SECONDS - tokens_at)) s"
baseline_p95=$(sort -g "$OUT/baseline.p95" | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')
printf '%-14s %-24s %-24s %-22s %s\n' scenario "p50 ms" "p95 ms" "req/s" "p95 ÷ baseline p95"
for name in "${SCENARIOS[@]}"; do
  p95=$(sort -g "$OUT/$name.p95" | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')
  printf '%-14s %-24s %-24s %-22s %.1f\n' "$name" "$(bench_stats "$OUT/$name.p50" 2)" "$(bench_stats "$OUT/$name.p95" 2)" \
    "$(bench_stats "$OUT/$name.rps" 0)" "$(awk -v a="$p95" -v b="$baseline_p95" 'BEGIN {print a / b}')"
done
worst=$(cat "$OUT"/{subject,email,type-day,actor-source,correlation}.p95 | sort -g | tail -1)
echo "worst filtered p95 of any round: $worst ms (goal ≤ 200 ms); non-200 answers: $unexpected"
echo "RESULT events=$events clients=$clients worst_p95_ms=$worst baseline_p95_ms=$baseline_p95 load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ,)"
