#!/usr/bin/env bash
# bench/dashboard.sh — what GET /api/budget/dashboard costs (issue 9; goals: p95 ≤ 20 ms at 16 connections direct
# to budget-service, and transaction create → dashboard reflecting it ≤ 50 ms at p95).
#
# Starts its own stack (auth-service, budget-service and Kafka through infra/local/mita), registers and logs in
# USERS users at auth-service (4 at a time: Argon2 per login), then seeds budget-service's database in a few
# statements: USERS users × 100 transactions (USERS × 100 rows in one INSERT … SELECT generate_series, over the
# last 100 days, some incomes and some soft-deleted), a plan for this month with 10 categories and their daily
# allocations, 3 goals and 2 habits per user (one checked, one kept by hand with a month of marks), then ANALYZE.
# Each user's daily allocations are inserted together, a row per category (V9_3), as the app's plan write
# inserts a month (before 2026-12-02 12:00 the users varied fastest, so one user's 310 rows sat on 310 pages: an
# artefact of the seed, not what the app writes; docs/decisions.md, "fifth pass").
#
# Part 1: wrk, CONNECTIONS connections, direct to budget-service (:8082), every request with the next user's
# token (bench/wrk-tokens.lua), in interleaved rounds: the baseline GET /api/budget/categories (one indexed
# query of a dozen rows), GET /api/budget/dashboard as it comes ("dashboard": after the warm-up's pass over the
# users, mostly hits of the stored dashboards, V8) and GET /api/budget/dashboard while a psql loop bumps every
# user's data version twice a second ("dash-miss": each user is asked about once a second, so nearly every read
# is a miss that runs the dashboard statement and stores it; the loop's 2,000 row updates a second load the same
# PostgreSQL); after each dash-miss round, 3 s of dashboard reads (not counted) store every user's dashboard again, so
# the next dashboard round starts as after the warm-up (before 2026-12-02 02:50 it started with every stored dashboard
# stale: the first read of each of the 1,000 users was a miss, 2.5-4 % of the round, which set its p95).
# Median [min-max] of requests/s and p95 over the rounds, the dashboard/baseline ratios, and each
# dashboard round's hit ratio (budget-service's counter mita.budget.dashboard.reads, from /actuator/prometheus on
# the management port), from the same invocation.
# Part 2: bench/DashboardProbe.java, closed-loop clients: POST an expense of today (redistributes the month) then GET
# the dashboard until it shows it; p50/p95 of create → reflected, in steady state, in PROBE_ROUNDS rounds (since
# 2026-12-02, branch s13-probe; before, one measured segment of each kind): first PROBE_WARMUP seconds of the same
# cycle with PROBE_CLIENTS clients (not counted; a fresh JVM compiles the create path for about a minute, and a 10 s
# warm-up measured mostly the JIT: 42 % of the samples in C2's threads), then measured segments of SECONDS each,
# interleaved: PROBE_CLIENTS clients, 1 client, PROBE_CLIENTS clients, 1 client, ... (PROBE_ROUNDS of each kind).
# Every segment after the first keeps a 5 s warm-up of its own (not counted): each segment is its own probe JVM, whose
# HTTP client is cold, and the previous segment's untimed deletions are still being relayed. 1 client is the latency
# of one user's change, PROBE_CLIENTS clients that of concurrent changes. Each segment prints its PROBE line (p50/p95,
# cycles), budget-service's CPU per measured cycle (over the measured seconds) and the database counters below; then
# per kind the median [min-max] over the rounds of p95, cycles/s and CPU per cycle (of an even count of rounds the
# lower middle). A goal is judged by the median. The probe deletes its expenses again, untimed (a user with 5 expenses
# of today would hide the next one from the dashboard's latest transactions): keep USERS above a third of the cycles
# of 20 s (failures= in the PROBE line says otherwise).
# --probe-only: Part 2 alone (logins, seed, one untimed GET /api/budget/categories per user, which seeds its default
# categories as Part 1's warm-up does, then Part 2): for runs that judge only create → reflected; Part 1 (and its
# miss rounds) is skipped, and so are its RESULT keys. Not with --jfr or --profile-part 1 (both load Part 1's reads).
#
#   flock /tmp/mita-stack.lock bench/dashboard.sh [--users 1000] [--rounds 3] [--seconds 20] [--warmup 40]
#        [--connections 16] [--probe-clients 4] [--probe-warmup 60] [--probe-rounds 3] [--probe-only]
#        [--profile laptop|production] [--jfr] [--profiler async] [--profile-part 1|2]
#
# --profile: the JVM options of the services (bench/lib/profiles.sh); laptop (infra/local/mita's default, C1 only
# for budget-service) unless given. The goals are about production.
#
# --jfr: after the rounds, 20 s of JFR on budget-service under dashboard load; prints the top frames (bench/jfr-top.sh).
# --profiler async: async-profiler (CPU, one sample per ms of CPU time; bench/lib/async-profiler.sh) on budget-service
# during the measured seconds of Part 2's first PROBE_CLIENTS segment only (after its warm-up; the later segments run
# unprofiled), so the samples are the warm create → dashboard cycle's (mostly the create's): prints
# the flame summary (bench/flame-summary.sh) and the hottest io.mita frames by inclusive share; keeps the flame graph.
# --profile-part 1 (with --profiler async): samples Part 1 instead of Part 2: after the counted rounds, one more
# baseline and one more dashboard segment of SECONDS each (not counted in the rounds' figures), budget-service sampled
# during each (from 2 s in, SECONDS - 4 s); prints each one's flame summary, hottest io.mita frames and its CPU per
# request (the profiler's own cost included). Part 2 then runs unprofiled. 2 (the default): Part 2, as above.
# Part 2 also prints budget-service's CPU per measured create → reflected cycle (its ticks over the measured seconds),
# and per measured cycle the outbox relay's passes, the budget database's committed transactions and its client
# backends' CPU (PostgreSQL's side of the cycle).
# The last line: RESULT with Part 1's medians (unless --probe-only), the medians of the p95 of create → reflected
# (create_to_dashboard_p95_ms with PROBE_CLIENTS clients, create_to_dashboard_1_client_p95_ms), probe_rounds= and the
# load average.
# A running stack is refused (this script starts and stops its own). The access tokens live 15 minutes: everything
# after the logins must fit in 13 (Part 1's rounds and Part 2's segments are counted before anything starts).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT MITA="$ROOT/infra/local/mita"
readonly AUTH="http://127.0.0.1:${AUTH_PORT:-8081}" BUDGET="http://127.0.0.1:${BUDGET_PORT:-8082}"
readonly PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "${MITA_DB_HOST:-127.0.0.1}" -p "${MITA_DB_PORT:-5432}"
  -U "${MITA_DB_USER:-postgres}" -d "${BUDGET_DB_NAME:-mita_budget}")

source "$ROOT/bench/lib/options.sh"
source "$ROOT/bench/lib/async-profiler.sh"
users=1000 rounds=3 seconds=20 warmup=40 connections=16 probe_clients=4 probe_warmup=60 probe_rounds=3 probe_only=0
jfr=0 profile=laptop profile_part=2 profiler=
parse_options dashboard --users=users --rounds=rounds --seconds=seconds --warmup=warmup --connections=connections \
  --probe-clients=probe_clients --probe-warmup=probe_warmup --probe-rounds=probe_rounds --probe-only=probe_only=1 \
  --jfr=jfr=1 --profile=profile --profiler=profiler --profile-part=profile_part -- "$@"
((probe_warmup >= 0 && probe_warmup <= 300)) || { echo "dashboard: --probe-warmup 0..300 (seconds)" >&2; exit 2; }
[[ $probe_rounds =~ ^[1-9][0-9]?$ ]] || { echo "dashboard: --probe-rounds 1..99" >&2; exit 2; }
((!probe_only || (!jfr && profile_part == 2))) \
  || { echo "dashboard: --probe-only skips Part 1: not with --jfr or --profile-part 1" >&2; exit 2; }
[[ -z $profiler || $profiler == async ]] || { echo "dashboard: --profiler async" >&2; exit 2; }
[[ $profile_part == 1 || $profile_part == 2 ]] || { echo "dashboard: --profile-part 1|2" >&2; exit 2; }
[[ $profile_part == 2 || $profiler == async ]] || { echo "dashboard: --profile-part 1 needs --profiler async" >&2; exit 2; }
((profile_part == 2 || seconds >= 8)) || { echo "dashboard: --profile-part 1 needs --seconds 8 or more" >&2; exit 2; }
[[ -z $profiler ]] || async_profiler_jar >/dev/null
[[ $profile == laptop || $profile == production ]] || { echo "dashboard: --profile laptop|production" >&2; exit 2; }
part1_profiled=$((profile_part == 1 ? 2 * (seconds + 6) : 0))
# Part 1: its warm-up, rounds (3 segments of SECONDS, 3 s of re-warming, ~4 s between) and profiled segments; with
# --probe-only the categories pass instead (~20 s for 1,000 users). Part 2: the first warm-up, then 2 × PROBE_ROUNDS
# segments of SECONDS, each after the first with its 5 s warm-up, each ~8 s of probe JVM start, counters and deletions
part1=$((probe_only ? 20 : warmup + rounds * (3 * (seconds + 3) + 4) + part1_profiled))
part2=$((probe_warmup + 2 * probe_rounds * (seconds + 8) + 5 * (2 * probe_rounds - 1)))
if ((part1 + part2 + jfr * 30 > 780)); then
  echo "dashboard: warm-up, rounds, probe rounds and JFR must fit in 13 minutes (one access token's lifetime):" \
    "about $((part1 + part2 + jfr * 30)) s" >&2
  exit 2
fi
if curl -s -o /dev/null "$BUDGET/livez" || curl -s -o /dev/null "$AUTH/livez"; then
  echo "dashboard: a stack is running; stop it (infra/local/mita down) so this run can start its own" >&2
  exit 1
fi
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }

OUT=${TMPDIR:-/tmp}/mita-dashboard-$(date -u +%Y%m%dT%H%M%S)
mkdir -p "$OUT"
readonly OUT TICKS=$(getconf CLK_TCK)
echo "dashboard: profile=$profile users=$users rounds=$rounds seconds=$seconds warmup=$warmup connections=$connections probe_clients=$probe_clients probe_warmup=$probe_warmup probe_rounds=$probe_rounds probe_only=$probe_only (output in $OUT)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; commit $(git -C "$ROOT" rev-parse --short HEAD)"

source "$ROOT/bench/lib/profiles.sh"
mapfile -t profile_vars < <(profile_env "$profile")
trap '"$MITA" down >/dev/null 2>&1 || true' EXIT
env ${profile_vars[@]+"${profile_vars[@]}"} "$MITA" up --detach --timeout "${MITA_BENCH_START_TIMEOUT:-900}" --only auth,budget >"$OUT/up.log" 2>&1 \
  || { tail -20 "$OUT/up.log" >&2; exit 1; }
budget_pid=$(pgrep -f -- "-Dmita.module=budget-service " | head -1)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# profile_report PREFIX LABEL: the flame summary of PREFIX.collapsed and its hottest io.mita frames (inclusive share),
# for Part 1's segments and Part 2's probe alike
profile_report() {
  echo "-- budget-service during $2: flame summary ($1.html)"
  "$ROOT/bench/flame-summary.sh" "$1.collapsed" 20 || true
  echo "  hottest io.mita frames (share of samples whose stack passes through the frame):"
  awk '{count = $NF; total += count; delete seen; k = split($0, frames, ";")
        for (i = 1; i <= k; i++) { f = frames[i]; sub(/ [0-9]+$/, "", f)
          if (f ~ /^io[\/.]mita/ && !(f in seen)) { seen[f] = 1; hit[f] += count } } }
       END { PROCINFO["sorted_in"] = "@val_num_desc"; m = 0
             for (f in hit) { if (++m > 25) break; printf "    %5.1f %%  %s\n", 100 * hit[f] / total, f } }' \
    "$1.collapsed" || true
}

# --- users and tokens -----------------------------------------------------------------------------------
echo "== registering and logging in $users users (4 at a time)"
register() {
  local email="dash-$1-$(date +%s%N)@bench.mita.local" password body user token
  password="violet harbour lanterns $1 $(head -c 9 /dev/urandom | base64 | tr -d '/+=')"
  body=$(printf '{"email":"%s","password":"%s","displayName":"bench"}' "$email" "$password")
  user=$(curl -sf -H 'Content-Type: application/json' -d "$body" "$AUTH/api/auth/register" | sed -n 's/.*"userId":"\([^"]*\)".*/\1/p')
  token=$(curl -sf -H 'Content-Type: application/json' -d "$body" "$AUTH/api/auth/login" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  [[ -n $user && -n $token ]] && echo "$user $token"
}
export -f register
export AUTH
started=$(date +%s)
seq 0 $((users - 1)) | xargs -P 4 -I{} bash -c 'register {}' >"$OUT/users.txt" || true
registered=$(wc -l <"$OUT/users.txt")
echo "registered and logged in: $registered users in $(($(date +%s) - started)) s"
((registered == users)) || { echo "dashboard: only $registered of $users users logged in" >&2; exit 1; }
cut -d' ' -f2 "$OUT/users.txt" >"$OUT/tokens.txt"
tokens_at=$(date +%s)

# --- seed -------------------------------------------------------------------------------------------------
echo "== seeding: $users users, $((users * 100)) transactions, plans, daily allocations, goals, habits"
seed_started=$(date +%s)
{
  echo "CREATE TEMP TABLE bench_user (n INT PRIMARY KEY, id UUID NOT NULL);"
  echo "COPY bench_user (n, id) FROM STDIN;"
  awk '{print NR - 1 "\t" $1}' "$OUT/users.txt"
  echo '\.'
  cat <<SQL
INSERT INTO transaction (id, user_id, type, amount, currency, category, occurred_on, merchant,
                         created_at, updated_at, deleted_at, version)
SELECT gen_random_uuid(), u.id,
       CASE WHEN g % 20 = 0 THEN 'INCOME' ELSE 'EXPENSE' END,
       (g % 5000 + 100) / 100.0, 'EUR',
       (ARRAY['groceries', 'dining', 'transport', 'housing', 'utilities', 'health', 'entertainment',
              'shopping', 'education', 'other'])[(g / $users) % 10 + 1],
       CURRENT_DATE - (g / $users) % 100,
       'Merchant ' || g % 97, now(), now(), CASE WHEN g % 97 = 0 THEN now() END, 0
FROM generate_series(0, $((users * 100 - 1))) AS g JOIN bench_user u ON u.n = g % $users;
INSERT INTO budget_plan (id, user_id, month, currency, income_minor, savings_target_minor, commitments, allocations,
                         allow_over_allocation, release_commitments, release_savings, created_at, updated_at, version)
SELECT gen_random_uuid(), u.id, date_trunc('month', CURRENT_DATE)::date, 'EUR', 400000, 40000, '[]'::jsonb,
       (SELECT jsonb_agg(jsonb_build_object('category', c, 'amount', 30000, 'weekdayWeights', NULL))
        FROM unnest(ARRAY['groceries', 'dining', 'transport', 'housing', 'utilities', 'health', 'entertainment',
                          'shopping', 'education', 'other']) AS c),
       false, false, false, now(), now(), 0
FROM bench_user u;
INSERT INTO month_allocation (user_id, month, category, amounts)
SELECT u.id, date_trunc('month', CURRENT_DATE)::date, c, array_fill(30000::bigint / m.days, ARRAY[m.days])
FROM bench_user u
CROSS JOIN unnest(ARRAY['groceries', 'dining', 'transport', 'housing', 'utilities', 'health', 'entertainment',
                        'shopping', 'education', 'other']) AS c
CROSS JOIN (SELECT extract(day FROM date_trunc('month', CURRENT_DATE) + INTERVAL '1 month'
                                    - INTERVAL '1 day')::int AS days) AS m
ORDER BY u.n, c;
INSERT INTO goal (id, user_id, name, target_amount, currency, target_date, status, saved_amount, created_at,
                  updated_at, version)
SELECT gen_random_uuid(), u.id, 'Goal ' || k, 1000 * k, 'EUR', CURRENT_DATE + 30 * k, 'ACTIVE', 10 * k, now(), now(), 0
FROM bench_user u CROSS JOIN generate_series(1, 3) AS k;
INSERT INTO habit (id, user_id, name, category, max_count, period, weekdays_only, starts_on, created_at, updated_at,
                   version)
SELECT gen_random_uuid(), u.id, h.name, h.category, h.max_count, 'DAY', false, CURRENT_DATE - 60, now(), now(), 0
FROM bench_user u
CROSS JOIN (VALUES ('At most 2 dining out a day', 'dining', 2), ('Cook at home', NULL, NULL))
  AS h (name, category, max_count);
INSERT INTO habit_completion (habit_id, day, completed_at)
SELECT h.id, d::date, now() FROM habit h JOIN bench_user u ON u.id = h.user_id
CROSS JOIN generate_series(CURRENT_DATE - 30, CURRENT_DATE - 1, INTERVAL '1 day') AS d
WHERE h.category IS NULL;
ANALYZE;
SQL
} | "${PSQL[@]}"
echo "seeded in $(($(date +%s) - seed_started)) s: $("${PSQL[@]}" -At -c 'SELECT count(*) FROM transaction') transactions"

# --- part 1 ---------------------------------------------------------------------------------------------
export MITA_BENCH_TOKENS="$OUT/tokens.txt" MITA_BENCH_DIR="$ROOT/bench"
run_wrk() {
  wrk -t2 -c"$connections" -d"$3"s --timeout 10s -s "$ROOT/bench/wrk-tokens.lua" "$2" >"$OUT/$1.wrk" 2>&1 || true
  grep '^WRK ' "$OUT/$1.wrk" || { cat "$OUT/$1.wrk" >&2; echo "WRK requests=0 errors=1 non2xx=0 rps=0 p50_ms=0 p95_ms=0 p99_ms=0"; }
}
field() { sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" <<<"$2"; }
stats() { sort -g <(cut -d' ' -f"$2" "$1") | awk '{v[NR] = $1} END {printf "%.3f [%.3f-%.3f]", v[int((NR + 1) / 2)], v[1], v[NR]}'; }
readonly BASELINE="$BUDGET/api/budget/categories" DASHBOARD="$BUDGET/api/budget/dashboard"
readonly METRICS="http://127.0.0.1:${BUDGET_MANAGEMENT_PORT:-9082}/actuator/prometheus"
# the dashboard reads counted so far: "hits misses"
dashboard_reads() {
  curl -sf "$METRICS" | awk '/^mita_budget_dashboard_reads_total/ && /result="hit"/ {h = $NF}
    /^mita_budget_dashboard_reads_total/ && /result="miss"/ {m = $NF} END {printf "%d %d", h, m}'
}
# while it runs, every user's data version is bumped twice a second (what a write would do to the stored dashboards)
bump_versions() {
  "${PSQL[@]}" -c "DO \$\$ BEGIN LOOP UPDATE dashboard_data_version SET version = version + 1; COMMIT;
    PERFORM pg_sleep(0.5); END LOOP; END \$\$" >/dev/null 2>&1
}

# part1_rounds: the warm-up, the counted rounds and their medians (the PART1 line)
part1_rounds() {
  echo "== warm-up: ${warmup}s alternating baseline and dashboard (also seeds every user's default categories)"
  half=$((warmup / 4 > 0 ? warmup / 4 : 1))
  for i in 1 2; do
    run_wrk "warmup-baseline-$i" "$BASELINE" "$half" >/dev/null
    run_wrk "warmup-dashboard-$i" "$DASHBOARD" "$half" >/dev/null
  done

  readonly REWARM_SECONDS=3
  rows="$OUT/rounds.txt"
  : >"$rows"
  echo "load average before the rounds: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-6s %-10s %9s %8s %8s %8s %16s %9s\n' round endpoint "req/s" p50_ms p95_ms p99_ms budget_cpu_ms/req hit_ratio
  for ((r = 1; r <= rounds; r++)); do
    for what in baseline dashboard dash-miss; do
      url=$BASELINE
      [[ $what == dash* ]] && url=$DASHBOARD
      bumper=
      if [[ $what == dash-miss ]]; then
        bump_versions &
        bumper=$!
        sleep 1
      fi
      reads_before=$(dashboard_reads)
      before=$(cpu_ticks "$budget_pid")
      line=$(run_wrk "round-$r-$what" "$url" "$seconds")
      requests=$(field requests "$line")
      ((requests > 0)) || requests=1
      cpu=$(awk -v d=$(($(cpu_ticks "$budget_pid") - before)) -v t="$TICKS" -v n="$requests" 'BEGIN {printf "%.3f", d * 1000 / t / n}')
      hit_ratio=$(awk -v b="$reads_before" -v a="$(dashboard_reads)" 'BEGIN {split(b, x, " "); split(a, y, " ");
        h = y[1] - x[1]; m = y[2] - x[2]; if (h + m > 0) printf "%.3f", h / (h + m); else printf "-"}')
      if [[ -n $bumper ]]; then
        "${PSQL[@]}" -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND query LIKE 'DO % dashboard_data_version%' AND pid <> pg_backend_pid()" >/dev/null
        wait "$bumper" 2>/dev/null || true
        # not counted: every user's dashboard stored again (the tokens cycle through the users), so the next round's
        # dashboard reads start as after the warm-up, not with every stored dashboard stale
        run_wrk "rewarm-$r" "$DASHBOARD" "$REWARM_SECONDS" >/dev/null
      fi
      printf '%-6s %-10s %9s %8s %8s %8s %16s %9s   (errors %s, non-2xx %s, load %s)\n' "$r" "$what" "$(field rps "$line")" \
        "$(field p50_ms "$line")" "$(field p95_ms "$line")" "$(field p99_ms "$line")" "$cpu" "$hit_ratio" \
        "$(field errors "$line")" "$(field non2xx "$line")" "$(cut -d' ' -f1 /proc/loadavg)"
      echo "$what $(field rps "$line") $(field p50_ms "$line") $(field p95_ms "$line") $cpu $hit_ratio" >>"$rows"
    done
  done
  for what in baseline dashboard dash-miss; do
    grep "^$what " "$rows" >"$OUT/$what.txt"
  done
  for what in dashboard dash-miss; do
    paste -d' ' <(cut -d' ' -f2 "$OUT/baseline.txt") <(cut -d' ' -f2 "$OUT/$what.txt") \
      | awk '$1 > 0 {print $2 / $1}' >"$OUT/ratio-rps-$what.txt"
    paste -d' ' <(cut -d' ' -f4 "$OUT/baseline.txt") <(cut -d' ' -f4 "$OUT/$what.txt") \
      | awk '$1 > 0 {print $2 / $1}' >"$OUT/ratio-p95-$what.txt"
  done
  cp "$OUT/ratio-rps-dashboard.txt" "$OUT/ratio-rps.txt"
  echo "-- median [min-max] of $rounds rounds, $connections connections, $users users' tokens in turn"
  for what in baseline dashboard dash-miss; do
    printf '%-10s req/s %s  p50 %s ms  p95 %s ms  budget-service CPU/req %s ms' "$what" "$(stats "$OUT/$what.txt" 2)" \
      "$(stats "$OUT/$what.txt" 3)" "$(stats "$OUT/$what.txt" 4)" "$(stats "$OUT/$what.txt" 5)"
    [[ $what == baseline ]] && echo || echo "  hit ratio $(stats "$OUT/$what.txt" 6)"
  done
  for what in dashboard dash-miss; do
    printf '%s/baseline per round: throughput %s, p95 %s\n' "$what" "$(stats "$OUT/ratio-rps-$what.txt" 1)" \
      "$(stats "$OUT/ratio-p95-$what.txt" 1)"
  done
  echo "PART1 hit_p95_ms=$(stats "$OUT/dashboard.txt" 4 | cut -d' ' -f1) hit_ratio=$(stats "$OUT/dashboard.txt" 6 | cut -d' ' -f1) miss_p95_ms=$(stats "$OUT/dash-miss.txt" 4 | cut -d' ' -f1) miss_rps=$(stats "$OUT/dash-miss.txt" 2 | cut -d' ' -f1) miss_round_hit_ratio=$(stats "$OUT/dash-miss.txt" 6 | cut -d' ' -f1)"
}
# categories_pass: what Part 1's warm-up leaves that Part 2 needs when Part 1 is skipped: one GET of every user's
# categories, which seeds the default ones (a user's first create would otherwise seed them, inside a measured cycle)
categories_pass() {
  local started ok
  started=$(date +%s)
  ok=$(xargs -P 4 -I{} curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer {}" "$BASELINE" \
    <"$OUT/tokens.txt" | grep -c '^200$' || true)
  echo "== --probe-only: Part 1 skipped; every user's categories read once: $ok of $users answered 200 in $(($(date +%s) - started)) s"
  ((ok == users)) || { echo "dashboard: only $ok of $users categories reads answered 200" >&2; exit 1; }
}
if ((probe_only)); then
  categories_pass
else
  part1_rounds
fi

if ((profile_part == 1)); then
  for what in baseline dashboard; do
    url=$BASELINE
    [[ $what == dashboard ]] && url=$DASHBOARD
    echo "== async-profiler: one more $what segment of ${seconds}s (not counted), budget-service sampled"
    (sleep 2 && async_profile "$budget_pid" $((seconds - 4)) "$OUT/budget-part1-$what") &
    profiler_job=$!
    before=$(cpu_ticks "$budget_pid")
    line=$(run_wrk "profiled-$what" "$url" "$seconds")
    requests=$(field requests "$line")
    ((requests > 0)) || requests=1
    wait "$profiler_job" || true
    echo "$what (profiled): req/s $(field rps "$line"), budget-service CPU/req $(awk -v d=$(($(cpu_ticks "$budget_pid") - before)) -v t="$TICKS" -v n="$requests" 'BEGIN {printf "%.3f", d * 1000 / t / n}') ms (the profiler's cost included), load $(cut -d' ' -f1 /proc/loadavg)"
    profile_report "$OUT/budget-part1-$what" "the $what segment"
  done
  profiler= # Part 2 runs unprofiled
fi

if ((jfr)); then
  echo "== JFR: 20 s of dashboard load on budget-service"
  jcmd "$budget_pid" JFR.start name=dashboard duration=20s settings=profile filename="$OUT/budget.jfr" >/dev/null
  run_wrk "jfr-dashboard" "$DASHBOARD" 22 >"$OUT/jfr.line"
  sleep 3
  echo "JFR load: $(cat "$OUT/jfr.line")"
  "$ROOT/bench/jfr-top.sh" "$OUT/budget.jfr" 25 || true
fi

# --- part 2 ---------------------------------------------------------------------------------------------
# database_counters: budget-service's outbox relay passes (its counter) and the budget database's committed
# transactions (an explicit transaction or one statement outside one: a proxy for round trips) on the first line, then
# "pid ticks" of each client backend of that database (budget-service's pool; nothing else uses it during the probe)
database_counters() {
  local pid
  echo "$(curl -sf "$METRICS" | awk '/^mita_outbox_relay_passes_total/ {p = $NF} END {printf "%d", p}') $(
    "${PSQL[@]}" -At -c "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")"
  for pid in $("${PSQL[@]}" -At -c "SELECT pid FROM pg_stat_activity WHERE datname = current_database()
      AND backend_type = 'client backend' AND pid <> pg_backend_pid()"); do
    [[ -r /proc/$pid/stat ]] && echo "$pid $(cpu_ticks "$pid")"
  done
}
# per_cycle START_FILE END_FILE CYCLES: the database counters' differences per measured cycle (backends' CPU of the
# backends present at both readings)
per_cycle() {
  awk -v t="$TICKS" -v n="$3" 'FNR == 1 {if (NR == 1) {p = $1; x = $2} else {p = $1 - p; x = $2 - x}; next}
    NR == FNR {before[$1] = $2; next}
    ($1 in before) {d += $2 - before[$1]}
    END {printf "per measured cycle: %.2f relay passes, %.1f committed transactions in the budget database, %.2f ms of its backends'"'"' CPU\n", p / n, x / n, d * 1000 / t / n}' "$1" "$2"
}
# probe CLIENTS WARMUP NAME [profile]: one DashboardProbe run (one measured segment); prints its PROBE line,
# budget-service's CPU per measured cycle (ticks from the end of the warm-up to the end of the run) and the database
# counters per cycle; appends "p95_ms cycles_per_s cpu_ms_per_cycle" to $OUT/NAME's kind (the name up to its last
# dash).txt and keeps the line in $OUT/NAME.probe
probe() {
  local clients=$1 probe_warmup=$2 name=$3 line cycles cpu
  echo "== create -> dashboard reflects it, $name: $clients client(s), ${probe_warmup}s warm-up (not counted), ${seconds}s measured (load $(cut -d' ' -f1-3 /proc/loadavg))"
  if [[ ${4:-} == profile ]]; then
    (sleep "$probe_warmup" && async_profile "$budget_pid" "$seconds" "$OUT/budget-probe") &
  fi
  # CPU over the measured seconds only (the probe deletes its expenses before and after them, untimed); with it the
  # relay's passes, budget-service's PostgreSQL backends' CPU and the database's committed transactions
  (sleep "$probe_warmup" && cpu_ticks "$budget_pid" >"$OUT/$name-cpu-start" && database_counters >"$OUT/$name-db-start" \
    && sleep "$seconds" && cpu_ticks "$budget_pid" >"$OUT/$name-cpu-end" && database_counters >"$OUT/$name-db-end") &
  line=$(java "$ROOT/bench/DashboardProbe.java" "$BUDGET" "$OUT/tokens.txt" --clients "$clients" \
    --seconds "$seconds" --warmup "$probe_warmup")
  wait
  echo "$line" | tee "$OUT/$name.probe"
  cycles=$(field cycles "$line")
  ((cycles > 0)) || cycles=1
  cpu=$(awk -v d=$(($(cat "$OUT/$name-cpu-end") - $(cat "$OUT/$name-cpu-start"))) -v t="$TICKS" -v n="$cycles" 'BEGIN {printf "%.2f", d * 1000 / t / n}')
  echo "budget-service CPU per measured create -> reflected cycle ($clients client(s)): $cpu ms$([[ ${4:-} == profile ]] && echo " (the profiler's own cost included)")"
  per_cycle "$OUT/$name-db-start" "$OUT/$name-db-end" "$cycles"
  echo "$(field p95_ms "$line") $(field cycles_per_s "$line") $cpu" >>"$OUT/${name%-*}.txt"
}
# PROBE_ROUNDS rounds, interleaved so that a drift of the machine touches both kinds alike. The first segment has the
# one long warm-up (the service's JIT); every later one, the 1-client ones included, keeps 5 s: each segment is a new
# probe JVM (a cold HTTP client and java's source launcher) and starts right after the previous one's untimed
# deletions, whose outbox rows the relay is still publishing; the 5 s are not counted, nor in the CPU per cycle.
: >"$OUT/probe-concurrent.txt"
: >"$OUT/probe-single.txt"
for ((r = 1; r <= probe_rounds; r++)); do
  if ((r == 1)); then
    probe "$probe_clients" "$probe_warmup" "probe-concurrent-$r" ${profiler:+profile} # profiler is empty or async
  else
    probe "$probe_clients" 5 "probe-concurrent-$r"
  fi
  probe 1 5 "probe-single-$r"
done
[[ $profiler != async ]] || profile_report "$OUT/budget-probe" "the first $probe_clients-client segment's measured seconds"
echo "-- create -> reflected, median [min-max] of $probe_rounds rounds of ${seconds}s$( ((probe_rounds % 2)) || echo " (of an even count, the lower middle)")"
for kind in concurrent single; do
  printf '%-22s p95 %s ms  cycles/s %s  budget-service CPU/cycle %s ms\n' \
    "$([[ $kind == single ]] && echo "1 client" || echo "$probe_clients clients")" "$(stats "$OUT/probe-$kind.txt" 1)" \
    "$(stats "$OUT/probe-$kind.txt" 2)" "$(stats "$OUT/probe-$kind.txt" 3)"
done
echo "token age at the end: $(($(date +%s) - tokens_at)) s (tokens live 900 s)"
part1_result=
if ((!probe_only)); then
  part1_result="connections=$connections baseline_rps=$(stats "$OUT/baseline.txt" 2 | cut -d' ' -f1) baseline_p95_ms=$(stats "$OUT/baseline.txt" 4 | cut -d' ' -f1) dashboard_rps=$(stats "$OUT/dashboard.txt" 2 | cut -d' ' -f1) dashboard_p95_ms=$(stats "$OUT/dashboard.txt" 4 | cut -d' ' -f1) ratio_rps=$(stats "$OUT/ratio-rps.txt" 1 | cut -d' ' -f1) "
fi
echo "RESULT users=$users ${part1_result}create_to_dashboard_p95_ms=$(stats "$OUT/probe-concurrent.txt" 1 | cut -d' ' -f1) create_to_dashboard_1_client_p95_ms=$(stats "$OUT/probe-single.txt" 1 | cut -d' ' -f1) probe_rounds=$probe_rounds load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ,)"
