#!/usr/bin/env bash
# bench/idle-cpu.sh — what each process of the local stack burns with no request at all (issue 14: idle CPU steals
# from every benchmark on this 2-core machine). Starts its own stack (production profile unless --profile laptop;
# every service unless --only), waits --settle seconds after it is ready (start-up work and the JIT compilers die
# down), then for --rounds rounds of --seconds s reads per process:
#   jvm ms/s   CPU of the process (utime+stime from /proc/<pid>/stat) per second of the round
#   pg ms/s    CPU of the PostgreSQL backends connected to its database (pg_stat_activity), i.e. what its queries
#              cost the database server
# and prints per process the median [min-max] of the rounds, and the threads of each JVM that spent the most (their
# names with the digits folded, ms/s over all rounds). Also the Kafka broker and the load average before each round.
#
#   MITA_READY_TIMEOUT=900 flock /tmp/mita-stack.lock bench/idle-cpu.sh [--profile production|laptop]
#        [--only auth,notification,...] [--settle 90] [--rounds 3] [--seconds 20]
#        [--profiler async] [--profiled notification] [--profile-seconds 30] [--env K=V]...
#        [--variant NAME[=K=V]]... [--tree NAME=DIR]... [--passes 1]
#
# --profiler async      after the rounds, --profile-seconds (30) of async-profiler (CPU, one sample per ms of CPU time;
#                       bench/lib/async-profiler.sh) on the --profiled service (notification); prints the flame summary
#                       (bench/flame-summary.sh) and keeps the collapsed stacks and the HTML flame graph
# --env K=V             an extra environment variable for every process of every stack
# --variant NAME=K=V    a variant of the stack (as in bench/request-cost.sh): K=V goes into the environment of every
#                       process of the runs named NAME, after --env; repeat for several assignments; `--variant NAME`
#                       alone is a variant without any (the baseline). Variants run in the order first named
# --tree NAME=DIR       the variant NAME runs the stack of another checkout: DIR/infra/local/mita with DIR's jars (build
#                       them there first), e.g. main's code from `git worktree add --detach /work/wt/idle-old main`, so
#                       old and new jars are measured in one invocation. May be combined with --variant NAME=K=V
# --passes N            the whole sequence of variants N times (a b a b for N=2)
# The jars must be built (this script starts the stack with --no-build). A running stack is refused.
# MITA_BENCH_START_TIMEOUT (900 s): how long a stack may take to get ready on a busy machine.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT
source "$ROOT/bench/lib/profiles.sh"
source "$ROOT/bench/lib/options.sh"
source "$ROOT/bench/lib/async-profiler.sh"

profile=production only="" settle=90 rounds=3 seconds=20 profiler="" profiled=notification profile_seconds=30 passes=1
extra_env=() variant_specs=() tree_specs=()
parse_options idle-cpu --profile=profile --only=only --settle=settle --rounds=rounds --seconds=seconds \
  --profiler=profiler --profiled=profiled --profile-seconds=profile_seconds '--env=extra_env[]' \
  '--variant=variant_specs[]' '--tree=tree_specs[]' --passes=passes -- "$@"
for number in "$settle" "$rounds" "$seconds" "$profile_seconds" "$passes"; do
  [[ $number =~ ^[0-9]+$ ]] || { echo "idle-cpu: --settle, --rounds, --seconds, --profile-seconds, --passes take numbers" >&2; exit 2; }
done
((rounds >= 3)) || { echo "idle-cpu: at least 3 rounds (median [min-max])" >&2; exit 2; }
((passes >= 1)) || { echo "idle-cpu: --passes takes a positive number" >&2; exit 2; }
[[ -z $profiler || $profiler == async ]] || { echo "idle-cpu: --profiler async" >&2; exit 2; }
[[ $profile == laptop || $profile == production ]] || { echo "idle-cpu: --profile laptop|production" >&2; exit 2; }
[[ $profiled == *-service ]] || profiled+=-service

# variant_names: in the order first named; variant_env[NAME]: its assignments, one per line; variant_root[NAME]: its tree
declare -a variant_names=()
declare -A variant_env=() variant_root=()
add_variant() { [[ -v variant_env[$1] ]] || { variant_names+=("$1"); variant_env[$1]=; variant_root[$1]=$ROOT; }; }
for spec in ${variant_specs[@]+"${variant_specs[@]}"}; do
  name=${spec%%=*}
  [[ $name =~ ^[A-Za-z0-9_.-]+$ ]] || { echo "idle-cpu: --variant NAME[=K=V]: NAME is letters, digits, . _ - ($spec)" >&2; exit 2; }
  add_variant "$name"
  if [[ $spec == *=* ]]; then
    assignment=${spec#*=}
    [[ $assignment =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || { echo "idle-cpu: --variant $name=K=V: '$assignment' is no K=V" >&2; exit 2; }
    variant_env[$name]+="$assignment"$'\n'
  fi
done
for spec in ${tree_specs[@]+"${tree_specs[@]}"}; do
  name=${spec%%=*} dir=${spec#*=}
  [[ $spec == *=* && $name =~ ^[A-Za-z0-9_.-]+$ ]] || { echo "idle-cpu: --tree NAME=DIR ($spec)" >&2; exit 2; }
  [[ -x $dir/infra/local/mita ]] || { echo "idle-cpu: --tree $name: no infra/local/mita in $dir" >&2; exit 2; }
  add_variant "$name"
  variant_root[$name]=$(cd "$dir" && pwd)
done
((${#variant_names[@]})) || { variant_names=(default); variant_env[default]=; variant_root[default]=$ROOT; }

# the stack's modules (start order of infra/local/mita) and the database each one owns
readonly ALL_MODULES=(auth-service budget-service ocr-service insights-service notification-service audit-service gateway-service)
declare -A DATABASE=(
  [auth-service]=${AUTH_DB_NAME:-mita_auth} [budget-service]=${BUDGET_DB_NAME:-mita_budget}
  [ocr-service]=${OCR_DB_NAME:-mita_ocr} [insights-service]=${INSIGHTS_DB_NAME:-mita_insights}
  [notification-service]=${NOTIFICATION_DB_NAME:-mita_notification} [audit-service]=${AUDIT_DB_NAME:-mita_audit})
modules=()
if [[ -z $only ]]; then
  modules=("${ALL_MODULES[@]}")
else
  IFS=, read -r -a wanted <<<"$only"
  for module in "${ALL_MODULES[@]}"; do
    for name in "${wanted[@]}"; do [[ $module == "$name" || $module == "$name-service" ]] && modules+=("$module"); done
  done
  ((${#modules[@]})) || { echo "idle-cpu: --only names none of ${ALL_MODULES[*]}" >&2; exit 2; }
fi
if [[ -n $profiler && " ${modules[*]} " != *" $profiled "* ]]; then
  echo "idle-cpu: --profiled $profiled is not in the stack (--only)" >&2
  exit 2
fi
for name in "${variant_names[@]}"; do
  for module in "${modules[@]}"; do
    jar="${variant_root[$name]}/$module/target/$module-0.1.0-SNAPSHOT-exec.jar"
    [[ -f $jar ]] || { echo "idle-cpu: $jar is missing: build the jars first (mvn -o -DskipTests package)" >&2; exit 1; }
  done
done
for port in "${GATEWAY_PORT:-8080}" "${AUTH_PORT:-8081}" "${NOTIFICATION_PORT:-8085}"; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/livez"; then
    echo "idle-cpu: a stack is running (port $port answers); stop it (infra/local/mita down) so this run can start its own" >&2
    exit 1
  fi
done

OUT=${TMPDIR:-/tmp}/mita-idle-cpu-$(date -u +%Y%m%dT%H%M%S)
mkdir -p "$OUT"
readonly OUT TICKS=$(getconf CLK_TCK)
readonly PG_HOST=${MITA_DB_HOST:-127.0.0.1} PG_PORT=${MITA_DB_PORT:-5432} PG_USER=${MITA_DB_USER:-postgres}
if [[ -n ${MITA_DB_PASSWORD:-} ]]; then export PGPASSWORD=$MITA_DB_PASSWORD; fi
echo "idle-cpu: profile=$profile modules=${modules[*]} variants=${variant_names[*]} passes=$passes settle=${settle}s rounds=$rounds x ${seconds}s env=${extra_env[*]:-none} (output in $OUT)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; commit $(git -C "$ROOT" rev-parse --short HEAD)"

current_mita=
trap '[[ -z $current_mita ]] || "$current_mita" down >/dev/null 2>&1 || true' EXIT

ticks_of() { local stat; { stat=$(<"/proc/$1/stat"); } 2>/dev/null || { echo 0; return; }; stat=${stat##*) }; local -a f; read -r -a f <<<"$stat"; echo $((f[11] + f[12])); }
ms_per_s() { awk -v d="$1" -v t="$TICKS" -v s="$seconds" 'BEGIN {printf "%.1f", d * 1000 / t / s}'; }

# threads_of PID: one line per thread, "tid ticks name" (the name with its digits folded to N, spaces to _)
threads_of() {
  local task stat name
  local -a f
  for task in /proc/"$1"/task/*; do
    { stat=$(<"$task/stat"); } 2>/dev/null || continue
    name=${stat#*(}; name=${name%) *}; name=${name//[0-9]/N}; name=${name// /_}
    read -r -a f <<<"${stat##*) }"
    echo "${task##*/} $((f[11] + f[12])) $name"
  done
}

# backends: "database pid ticks" of every backend connected to one of the stack's databases
backends() {
  local database pid
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -XAtF' ' \
    -c "SELECT datname, pid FROM pg_stat_activity WHERE datname IN ('$(IFS=,; echo "${DATABASE[*]}" | sed "s/,/','/g")')" \
    2>/dev/null | while read -r database pid; do
    if [[ -r /proc/$pid/stat ]]; then echo "$database $pid $(ticks_of "$pid")"; fi
  done || true
}

# stats FILE: median [min-max] of the numbers in FILE, one a line
stats() {
  sort -g "$1" | awk '{v[NR] = $1} END {
    if (!NR) { print "-"; exit }
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f [%.1f-%.1f]", m, v[1], v[NR]}'
}

# measure VARIANT PASS: one stack, its settling time and rounds
measure() {
  local variant=$1 pass=$2 label=$1 tree=${variant_root[$1]}
  ((passes == 1)) || label+="-pass$pass"
  local mita="$tree/infra/local/mita" work=${MITA_WORK_DIR:-$tree/.mita}
  [[ $work == /* ]] || work="$tree/$work"
  local -a env=(MITA_CDS=0 ${extra_env[@]+"${extra_env[@]}"})
  mapfile -t -O "${#env[@]}" env < <(profile_env "$profile")
  mapfile -t -O "${#env[@]}" env < <(printf '%s' "${variant_env[$variant]:-}")
  printf '\n######## variant %s (%s; tree %s at %s), pass %s, %s profile, load average %s\n' "$variant" \
    "$(printf '%s' "${variant_env[$variant]:-}" | paste -sd' ' | sed 's/^$/no settings/')" "$tree" \
    "$(git -C "$tree" rev-parse --short HEAD 2>/dev/null || echo '?')" "$pass" "$profile" "$(cut -d' ' -f1-3 /proc/loadavg)"
  current_mita=$mita
  local only_option
  only_option=$(IFS=,; echo "${modules[*]}")
  env "${env[@]}" "$mita" up --detach --no-build --timeout "${MITA_BENCH_START_TIMEOUT:-900}" --only "$only_option" \
    >"$OUT/up-$label.log" 2>&1 || { tail -20 "$OUT/up-$label.log" >&2; exit 1; }

  local -A pid=()
  local module
  for module in "${modules[@]}" kafka; do
    pid[$module]=$(cat "$work/pids/$module.pid")
    [[ -r /proc/${pid[$module]}/stat ]] || { echo "idle-cpu: $module is not running (pid file $work/pids/$module.pid)" >&2; exit 1; }
  done
  echo "ready; settling ${settle}s with no request"
  sleep "$settle"

  local r before_threads after_threads rows="$OUT/rounds-$label.txt"
  : >"$rows"
  printf '%-6s %-22s %9s %9s\n' round process "jvm ms/s" "pg ms/s"
  for ((r = 1; r <= rounds; r++)); do
    local -A before=()
    for module in "${modules[@]}" kafka; do
      before[$module]=$(ticks_of "${pid[$module]}")
      threads_of "${pid[$module]}" >"$OUT/threads-$label-$r-$module.before"
    done
    backends >"$OUT/backends-$label-$r.before"
    echo "round $r: load average $(cut -d' ' -f1-3 /proc/loadavg)"
    sleep "$seconds"
    backends >"$OUT/backends-$label-$r.after"
    for module in "${modules[@]}" kafka; do
      local jvm pg=- database=${DATABASE[$module]:-}
      jvm=$(ms_per_s $(($(ticks_of "${pid[$module]}") - before[$module])))
      threads_of "${pid[$module]}" >"$OUT/threads-$label-$r-$module.after"
      if [[ -n $database ]]; then
        # backends present at both ends of the round (a pool's connections live long)
        pg=$(awk -v db="$database" 'NR == FNR {if ($1 == db) t[$2] = $3; next} $1 == db && ($2 in t) {d += $3 - t[$2]}
          END {print d + 0}' "$OUT/backends-$label-$r.before" "$OUT/backends-$label-$r.after")
        pg=$(ms_per_s "$pg")
      fi
      printf '%-6s %-22s %9s %9s\n' "$r" "$module" "$jvm" "$pg"
      echo "$module $jvm $pg" >>"$rows"
      # per thread name: ticks spent in the round by the threads alive at both ends
      awk 'NR == FNR {t[$1] = $2; next} ($1 in t) {print $3, $2 - t[$1]}' \
        "$OUT/threads-$label-$r-$module.before" "$OUT/threads-$label-$r-$module.after" >>"$OUT/threads-$label-$module.txt"
    done
  done

  echo "-- median [min-max] of $rounds rounds of ${seconds}s (variant $variant, pass $pass, $profile profile)"
  printf '%-22s %-22s %-22s  %s\n' process "jvm ms/s" "pg ms/s" "busiest threads (ms/s over all rounds)"
  local result="RESULT variant=$variant pass=$pass profile=$profile"
  for module in "${modules[@]}" kafka; do
    awk -v m="$module" '$1 == m {print $2}' "$rows" >"$OUT/jvm.txt"
    awk -v m="$module" '$1 == m && $3 != "-" {print $3}' "$rows" >"$OUT/pg.txt"
    local busiest
    busiest=$(awk -v t="$TICKS" -v s=$((rounds * seconds)) '{d[$1] += $2} END {
        PROCINFO["sorted_in"] = "@val_num_desc"; n = 0
        for (k in d) { if (++n > 6 || d[k] <= 0) break; printf "%s %.1f  ", k, d[k] * 1000 / t / s } }' \
      "$OUT/threads-$label-$module.txt")
    printf '%-22s %-22s %-22s  %s\n' "$module" "$(stats "$OUT/jvm.txt")" "$(stats "$OUT/pg.txt")" "$busiest"
    result+=" ${module%-service}=$(stats "$OUT/jvm.txt" | cut -d' ' -f1)"
    [[ ! -s $OUT/pg.txt ]] || result+="/pg$(stats "$OUT/pg.txt" | cut -d' ' -f1)"
  done
  echo "$result" | tee -a "$OUT/results.txt"

  if [[ $profiler == async ]]; then
    echo "== async-profiler: ${profile_seconds}s of $profiled idle (CPU, 1 ms)"
    async_profile "${pid[$profiled]}" "$profile_seconds" "$OUT/$profiled-$label"
    echo "-- $profiled: flame summary ($OUT/$profiled-$label.html)"
    "$ROOT/bench/flame-summary.sh" "$OUT/$profiled-$label.collapsed" 20 || true
  fi
  "$mita" down >/dev/null 2>&1
  current_mita=
}

for ((pass = 1; pass <= passes; pass++)); do
  for variant in "${variant_names[@]}"; do
    measure "$variant" "$pass"
  done
done
printf '\n== summary (medians of each run: jvm ms/s, /pg the PostgreSQL backends of its database)\n'
cat "$OUT/results.txt"
