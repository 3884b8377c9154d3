#!/usr/bin/env bash
# bench/request-cost.sh — what one authenticated request costs, direct to a data service and through the
# gateway (issue 14). Starts its own stack (auth, notification, gateway; rate limits off so the one bench
# user is never throttled), registers a user, logs in, and drives GET /api/notifications/unread-count (one
# indexed one-row query) with wrk, 16 connections:
#   direct   http://127.0.0.1:8085/api/notifications/unread-count
#   gateway  http://127.0.0.1:8080/api/notifications/unread-count
# in interleaved rounds (direct, gateway, direct, gateway, ...) after a warm-up. Per round it prints
# requests/s, p50/p95 and the CPU each process spent per request (utime+stime from /proc/<pid>/stat over
# the round, divided by the round's requests); then the median and spread of the rounds, the
# gateway/direct ratio, and idle and loaded RSS of each process.
#
#   flock /tmp/mita-stack.lock bench/request-cost.sh [--profile laptop|production] [--cache off,on]
#        [--rounds 3] [--seconds 20] [--warmup 60] [--connections 16] [--jfr | --profiler jfr|async] [--env K=V]...
#        [--variant NAME[=K=V]]... [--passes 1]
#
# --profile laptop      the JVM options of infra/local/mita (C1 only for the data services, full JIT for
#                       the gateway and auth-service, 160 MB heap)
# --profile production  the options of docker-compose.yml and the image (full JIT, heap for throughput)
# --cache off,on        one stack per value, in that order: "off" is the signature check on every request
#                       (before issue 14), "on" the verified-token cache; "on-before" is the cache with the
#                       settings that preceded the request-cost fixes of issue 14 restored (automatic context
#                       propagation in the gateway and the services, Spring Security's observations, the
#                       pool's SELECT 1 on every acquire, Spring Cloud Gateway's client observation, NIO instead
#                       of native epoll), so that before and after run in one invocation on the same jars
# --jfr                 after the rounds, 20 s of JFR on each process under gateway load; prints the top
#                       frames (bench/jfr-top.sh) and keeps the recordings (= --profiler jfr)
# --profiler async      instead of JFR, 20 s of async-profiler (CPU, one sample per ms of CPU time, from Maven
#                       Central: bench/lib/async-profiler.sh) on each process under gateway load; prints the flame
#                       summary by component (bench/flame-summary.sh) and keeps the collapsed stacks and HTML
#                       flame graphs
# --env K=V             an extra environment variable for every process of the stack (e.g.
#                       SPRING_APPLICATION_JSON='{"management.observations.enable.spring.security":false}')
# --variant NAME=K=V    a variant of the stack: K=V goes into the environment of every process of the runs named NAME,
#                       after --env and the cache value's settings (so it wins over them; JVM flags go in
#                       JDK_JAVA_OPTIONS, e.g. --variant io4=JDK_JAVA_OPTIONS=-Dreactor.netty.ioWorkerCount=4 restores
#                       Reactor Netty's default of max(cores, 4) event loops against MITA's max(cores, 2): compare with
#                       --variant base --variant io4=... --passes 2; MITA_IO_WORKERS=N sets it too;
#                       --variant tcp=MITA_DB_OWN_EVENT_LOOPS=false puts the R2DBC driver back on Reactor Netty's
#                       TcpResources, where an even loop count uses half its loops: docs/decisions.md). Repeat the
#                       option to give one variant several assignments; `--variant NAME` alone is a variant without
#                       any (the baseline). Variants run in the order first named, one stack each, for every cache
#                       value, so settings are compared within one invocation on the same jars
# --passes N            run the whole sequence of cache values and variants N times (a b a b for N=2), so a drift
#                       of the machine's load does not favour whichever variant ran first; the summary prints each
#                       run and, per variant, the median of the passes' medians
# MITA_BENCH_START_TIMEOUT (600 s): how long the stack may take to get ready on a busy machine.
# A running stack is refused (this script starts and stops its own). wrk is installed with apt-get if missing.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT MITA="$ROOT/infra/local/mita"
readonly GATEWAY="http://127.0.0.1:${GATEWAY_PORT:-8080}" AUTH="http://127.0.0.1:${AUTH_PORT:-8081}"
readonly DIRECT="http://127.0.0.1:${NOTIFICATION_PORT:-8085}"
readonly PATH_UNDER_TEST=/api/notifications/unread-count
source "$ROOT/bench/lib/profiles.sh"
source "$ROOT/bench/lib/options.sh"
source "$ROOT/bench/lib/async-profiler.sh"

profile=laptop caches="off,on" rounds=3 seconds=20 warmup=60 connections=16 jfr=0 profiler= passes=1
extra_env=() variant_specs=()
parse_options request-cost --profile=profile --cache=caches --rounds=rounds --seconds=seconds --warmup=warmup \
  --connections=connections --jfr=profiler=jfr --profiler=profiler '--env=extra_env[]' '--variant=variant_specs[]' \
  --passes=passes -- "$@"
[[ $passes =~ ^[1-9][0-9]*$ ]] || { echo "request-cost: --passes takes a positive number" >&2; exit 2; }
# variant_names: in the order first named; variant_env[NAME]: its assignments, one per line
declare -a variant_names=()
declare -A variant_env=()
for spec in ${variant_specs[@]+"${variant_specs[@]}"}; do
  name=${spec%%=*}
  [[ $name =~ ^[A-Za-z0-9_.-]+$ ]] || { echo "request-cost: --variant NAME[=K=V]: NAME is letters, digits, . _ - ($spec)" >&2; exit 2; }
  if [[ ! -v variant_env[$name] ]]; then
    variant_names+=("$name")
    variant_env[$name]=
  fi
  if [[ $spec == *=* ]]; then
    assignment=${spec#*=}
    [[ $assignment =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || { echo "request-cost: --variant $name=K=V: '$assignment' is no K=V" >&2; exit 2; }
    variant_env[$name]+="$assignment"$'\n'
  fi
done
((${#variant_names[@]})) || variant_names=(default)
case $profiler in
  '') ;;
  jfr | async) jfr=1 ;;
  *) echo "request-cost: --profiler jfr|async" >&2; exit 2 ;;
esac
[[ $profile == laptop || $profile == production ]] || { echo "request-cost: --profile laptop|production" >&2; exit 2; }
# one access token lives 15 minutes
if ((warmup + rounds * 2 * (seconds + 3) + jfr * 30 > 780)); then
  echo "request-cost: warm-up, rounds and JFR must fit in 13 minutes (one access token's lifetime)" >&2
  exit 2
fi
if curl -s -o /dev/null "$GATEWAY/actuator/health/liveness" || curl -s -o /dev/null "$DIRECT/actuator/health/liveness"; then
  echo "request-cost: a stack is running; stop it (infra/local/mita down) so this run can start its own" >&2
  exit 1
fi
if ! command -v wrk >/dev/null; then
  echo "== installing wrk (apt-get)" >&2
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi

OUT=${TMPDIR:-/tmp}/mita-request-cost-$(date -u +%Y%m%dT%H%M%S)
mkdir -p "$OUT"
readonly OUT TICKS=$(getconf CLK_TCK)
echo "request-cost: profile=$profile caches=$caches variants=${variant_names[*]} passes=$passes env=${extra_env[*]:-none} rounds=$rounds seconds=$seconds warmup=$warmup connections=$connections (output in $OUT)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"

trap '"$MITA" down >/dev/null 2>&1 || true' EXIT

pid_of() { pgrep -f -- "-Dmita.module=$1 " | head -1; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
active_opens() { awk '$1 == "Tcp:" && $2 ~ /^[0-9]+$/ {print $6}' /proc/net/snmp; }
rss_mb() { awk -v f="$2" '$1 == f":" {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

# run_wrk NAME URL SECONDS: one wrk run; prints its WRK line
run_wrk() {
  wrk -t2 -c"$connections" -d"$3"s --timeout 10s -s "$ROOT/bench/wrk-report.lua" -H "$bearer" "$2" >"$OUT/$1.wrk" 2>&1 || true
  grep '^WRK ' "$OUT/$1.wrk" || { cat "$OUT/$1.wrk" >&2; echo "WRK requests=0 errors=1 non2xx=0 rps=0 p50_ms=0 p95_ms=0 p99_ms=0"; }
}
field() { sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" <<<"$2"; }

# stats FILE COLUMN: median [min-max] of one column
# (an even count, e.g. two passes: the mean of the middle two)
stats() {
  sort -g <(cut -d' ' -f"$2" "$1") | awk '{v[NR] = $1} END {
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f [%.3f-%.3f]", m, v[1], v[NR]}'
}

# measure CACHE VARIANT PASS: one stack, its warm-up and rounds; files and the RESULT line are named by its label
measure() {
  local cache=$1 variant=$2 pass=$3 label=$1
  [[ $variant == default ]] || label+="-$variant"
  ((passes == 1)) || label+="-pass$pass"
  local -a env=(MITA_TOKEN_CACHE_ENABLED=$([[ $cache == on* ]] && echo true || echo false)
    MITA_GATEWAY_RATE_LIMITS_ENABLED=false MITA_CDS=0 ${extra_env[@]+"${extra_env[@]}"})
  if [[ $cache == on-before ]]; then
    env+=('SPRING_APPLICATION_JSON={"spring.reactor.context-propagation":"auto","management.observations.enable.spring.security":true,"spring.r2dbc.pool.validation-query":"SELECT 1","spring.cloud.gateway.server.webflux.observability.enabled":true}'
      'JDK_JAVA_OPTIONS=-Dreactor.netty.native=false')
  fi
  mapfile -t -O "${#env[@]}" env < <(profile_env "$profile")
  # the variant's assignments last: env(1) takes the last value of a repeated name
  mapfile -t -O "${#env[@]}" env < <(printf '%s' "${variant_env[$variant]:-}")
  printf '\n######## token cache %s, variant %s (%s), pass %s, %s profile, load average %s\n' "$cache" "$variant" \
    "$(printf '%s' "${variant_env[$variant]:-}" | paste -sd' ' | sed 's/^$/no settings/')" "$pass" "$profile" "$(cut -d' ' -f1-3 /proc/loadavg)"
  env "${env[@]}" "$MITA" up --detach --no-build --timeout "${MITA_BENCH_START_TIMEOUT:-600}" --only auth,notification,gateway >"$OUT/up-$label.log" 2>&1 \
    || { tail -20 "$OUT/up-$label.log" >&2; exit 1; }
  local gw nt
  gw=$(pid_of gateway-service); nt=$(pid_of notification-service)
  # which transport Reactor Netty runs, from its event-loop threads' names (reactor-http-epoll-N or reactor-http-nio-N,
  # cut to 15 characters by the kernel); the loaded native library says nothing (Lettuce and others probe it)
  # (grep on the files themselves: in a pipe, grep -q's early exit fails the pipeline under pipefail)
  transport_of() { if grep -qs '^reactor-http-ep' /proc/"$1"/task/*/comm; then echo "native epoll"; else echo NIO; fi; }

  local email password body token
  email="bench-$(date +%s%N)@bench.mita.local"
  password="violet harbour lanterns $(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
  body=$(printf '{"email":"%s","password":"%s","displayName":"bench"}' "$email" "$password")
  curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$body" "$AUTH/api/auth/register"
  token=$(curl -sf -H 'Content-Type: application/json' -d "$body" "$AUTH/api/auth/login" \
    | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  [[ -n $token ]] || { echo "request-cost: could not log in" >&2; exit 1; }
  bearer="Authorization: Bearer $token"
  # the first token check fetches the JWKS (2 s timeout): on a busy machine the first try may fail
  local url tries
  for url in "$DIRECT$PATH_UNDER_TEST" "$GATEWAY$PATH_UNDER_TEST"; do
    for ((tries = 1; ; tries++)); do
      curl -sf -o /dev/null -H "$bearer" "$url" && break
      ((tries < 10)) || { echo "request-cost: GET $url keeps failing" >&2; exit 1; }
      sleep 3
    done
  done

  sleep 5
  local idle_gw idle_nt idle_cpu_gw idle_cpu_nt
  idle_gw=$(rss_mb "$gw" VmRSS); idle_nt=$(rss_mb "$nt" VmRSS)
  # what each process burns with no request at all (schedulers, outbox relay, Kafka clients, metrics): part of
  # every round's CPU, so the CPU per request below includes idle/rate
  local idle_before_gw idle_before_nt
  idle_before_gw=$(cpu_ticks "$gw"); idle_before_nt=$(cpu_ticks "$nt")
  sleep 10
  idle_cpu_gw=$(awk -v d=$(($(cpu_ticks "$gw") - idle_before_gw)) -v t="$TICKS" 'BEGIN {printf "%.1f", d * 1000 / t / 10}')
  idle_cpu_nt=$(awk -v d=$(($(cpu_ticks "$nt") - idle_before_nt)) -v t="$TICKS" 'BEGIN {printf "%.1f", d * 1000 / t / 10}')
  echo "idle CPU (ms per second, 10 s without requests): gateway $idle_cpu_gw, notification $idle_cpu_nt"
  echo "transport: gateway $(transport_of "$gw"), notification $(transport_of "$nt")"

  echo "== warm-up: ${warmup}s, alternating direct and gateway"
  local half=$((warmup / 4 > 0 ? warmup / 4 : 1)) i
  for i in 1 2; do
    run_wrk "warmup-direct-$i" "$DIRECT$PATH_UNDER_TEST" "$half" >/dev/null
    run_wrk "warmup-gateway-$i" "$GATEWAY$PATH_UNDER_TEST" "$half" >/dev/null
  done

  local rows="$OUT/rounds-$label.txt" r hop url line before_gw before_nt before_opens opens requests cpu_gw cpu_nt
  : >"$rows"
  echo "load average before the rounds: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-6s %-8s %9s %8s %8s %14s %14s %9s\n' round hop "req/s" p50_ms p95_ms gw_cpu_ms/req svc_cpu_ms/req tcp_opens
  for ((r = 1; r <= rounds; r++)); do
    for hop in direct gateway; do
      url=$DIRECT$PATH_UNDER_TEST
      [[ $hop == gateway ]] && url=$GATEWAY$PATH_UNDER_TEST
      before_gw=$(cpu_ticks "$gw"); before_nt=$(cpu_ticks "$nt"); before_opens=$(active_opens)
      line=$(run_wrk "round-$r-$hop" "$url" "$seconds")
      requests=$(field requests "$line")
      ((requests > 0)) || requests=1
      cpu_gw=$(awk -v d=$(($(cpu_ticks "$gw") - before_gw)) -v t="$TICKS" -v n="$requests" 'BEGIN {printf "%.3f", d * 1000 / t / n}')
      cpu_nt=$(awk -v d=$(($(cpu_ticks "$nt") - before_nt)) -v t="$TICKS" -v n="$requests" 'BEGIN {printf "%.3f", d * 1000 / t / n}')
      # TCP connections opened on the machine during the round (wrk opens its own; more means a client without a pool)
      opens=$(($(active_opens) - before_opens))
      printf '%-6s %-8s %9s %8s %8s %14s %14s %9s   (errors %s, non-2xx %s)\n' "$r" "$hop" "$(field rps "$line")" \
        "$(field p50_ms "$line")" "$(field p95_ms "$line")" "$cpu_gw" "$cpu_nt" "$opens" "$(field errors "$line")" "$(field non2xx "$line")"
      echo "$hop $(field rps "$line") $(field p50_ms "$line") $(field p95_ms "$line") $cpu_gw $cpu_nt" >>"$rows"
    done
  done

  local loaded_gw loaded_nt peak_gw peak_nt
  loaded_gw=$(rss_mb "$gw" VmRSS); loaded_nt=$(rss_mb "$nt" VmRSS)
  peak_gw=$(rss_mb "$gw" VmHWM); peak_nt=$(rss_mb "$nt" VmHWM)

  echo "-- median [min-max] of $rounds rounds (token cache $cache, variant $variant, pass $pass, $profile profile)"
  for hop in direct gateway; do
    grep "^$hop " "$rows" >"$OUT/$hop-$label.txt"
    printf '%-8s req/s %s  p50 %s ms  p95 %s ms  CPU/req: gateway %s ms, notification %s ms\n' "$hop" \
      "$(stats "$OUT/$hop-$label.txt" 2)" "$(stats "$OUT/$hop-$label.txt" 3)" "$(stats "$OUT/$hop-$label.txt" 4)" \
      "$(stats "$OUT/$hop-$label.txt" 5)" "$(stats "$OUT/$hop-$label.txt" 6)"
  done
  paste -d' ' <(cut -d' ' -f2 "$OUT/direct-$label.txt") <(cut -d' ' -f2 "$OUT/gateway-$label.txt") \
    | awk '$1 > 0 {print $2 / $1}' >"$OUT/ratio-$label.txt"
  printf 'gateway/direct throughput (per round): %s\n' "$(stats "$OUT/ratio-$label.txt" 1)"
  printf 'RSS MB idle -> after load (peak): gateway %s -> %s (%s), notification %s -> %s (%s)\n' \
    "$idle_gw" "$loaded_gw" "$peak_gw" "$idle_nt" "$loaded_nt" "$peak_nt"
  echo "RESULT profile=$profile cache=$cache variant=$variant pass=$pass direct_rps=$(stats "$OUT/direct-$label.txt" 2 | cut -d' ' -f1) gateway_rps=$(stats "$OUT/gateway-$label.txt" 2 | cut -d' ' -f1) ratio=$(stats "$OUT/ratio-$label.txt" 1 | cut -d' ' -f1) direct_svc_cpu_ms=$(stats "$OUT/direct-$label.txt" 6 | cut -d' ' -f1) gateway_gw_cpu_ms=$(stats "$OUT/gateway-$label.txt" 5 | cut -d' ' -f1) gateway_svc_cpu_ms=$(stats "$OUT/gateway-$label.txt" 6 | cut -d' ' -f1) rss_idle_gw=$idle_gw rss_loaded_gw=$loaded_gw rss_idle_svc=$idle_nt rss_loaded_svc=$loaded_nt idle_cpu_ms_per_s_gw=$idle_cpu_gw idle_cpu_ms_per_s_svc=$idle_cpu_nt" | tee -a "$OUT/results.txt"

  if [[ $profiler == async ]]; then
    echo "== async-profiler: 20 s of gateway load, both processes sampled (CPU, 1 ms)"
    (async_profile "$gw" 20 "$OUT/gateway-$label") &
    (async_profile "$nt" 20 "$OUT/notification-$label") &
    sleep 1
    local ap_opens ap_line
    ap_opens=$(active_opens)
    run_wrk "ap-gateway" "$GATEWAY$PATH_UNDER_TEST" 22 >"$OUT/ap-gateway.line"
    wait
    ap_line=$(cat "$OUT/ap-gateway.line")
    echo "profiled load: $ap_line; TCP connections opened on the machine: $(($(active_opens) - ap_opens))"
    for svc in gateway notification; do
      echo "-- $svc: flame summary ($OUT/$svc-$label.html)"
      "$ROOT/bench/flame-summary.sh" "$OUT/$svc-$label.collapsed" 15 || true
    done
  elif [[ $profiler == jfr ]]; then
    echo "== JFR: 20 s of gateway load, both processes recorded"
    jcmd "$gw" JFR.start name=cost duration=20s settings=profile filename="$OUT/gateway-$label.jfr" >/dev/null
    jcmd "$nt" JFR.start name=cost duration=20s settings=profile filename="$OUT/notification-$label.jfr" >/dev/null
    local jfr_opens jfr_line
    jfr_opens=$(active_opens)
    run_wrk "jfr-gateway" "$GATEWAY$PATH_UNDER_TEST" 22 >"$OUT/jfr-gateway.line" &
    sleep 10
    # connections between the gateway and notification-service in the middle of the load (its pool)
    echo "established gateway->notification connections at 10 s: $(ss -tanH state established "( dport = :${NOTIFICATION_PORT:-8085} )" | wc -l);" \
      "TIME-WAIT towards :${NOTIFICATION_PORT:-8085}: $(ss -tanH state time-wait "( dport = :${NOTIFICATION_PORT:-8085} )" | wc -l)"
    wait
    jfr_line=$(cat "$OUT/jfr-gateway.line")
    echo "JFR load: $jfr_line; TCP connections opened on the machine: $(($(active_opens) - jfr_opens))"
    sleep 3
    for svc in gateway notification; do
      echo "-- $svc: top frames (share of execution samples)"
      "$ROOT/bench/jfr-top.sh" "$OUT/$svc-$label.jfr" 12 || true
      echo "-- $svc: GC and allocation"
      "$ROOT/bench/jfr-alloc.sh" "$OUT/$svc-$label.jfr" 10 "$(field requests "$jfr_line")" || true
    done
  fi
  "$MITA" down >/dev/null 2>&1
}

IFS=, read -r -a cache_values <<<"$caches"
for ((pass = 1; pass <= passes; pass++)); do
  for cache in "${cache_values[@]}"; do
    for variant in "${variant_names[@]}"; do
      measure "$cache" "$variant" "$pass"
    done
  done
done
printf '\n== summary (medians of each run)\n'
cat "$OUT/results.txt"
if ((passes > 1)); then
  printf '\n== per cache value and variant: median [min-max] of the %s passes'"'"' medians\n' "$passes"
  for cache in "${cache_values[@]}"; do
    for variant in "${variant_names[@]}"; do
      grep " cache=$cache variant=$variant " "$OUT/results.txt" >"$OUT/passes.txt"
      printf 'cache=%s variant=%s' "$cache" "$variant"
      for key in direct_rps gateway_rps ratio direct_svc_cpu_ms gateway_gw_cpu_ms gateway_svc_cpu_ms; do
        sed -n "s/.* $key=\([^ ]*\).*/\1/p" "$OUT/passes.txt" >"$OUT/pass-values.txt"
        printf ' %s=%s' "$key" "$(stats "$OUT/pass-values.txt" 1 | tr -d ' ')"
      done
      echo
    done
  done
fi
