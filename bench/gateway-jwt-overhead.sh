#!/usr/bin/env bash
# bench/gateway-jwt-overhead.sh — what the gateway's token check adds to a request.
#
#   bench/gateway-jwt-overhead.sh [--rounds R] [--seconds S] [--warmup-seconds W]
#
# 1. io.mita.gateway.jwt.TokenCheckCostReport, before any service starts: the gateway's decoder alone, in
#    one thread (key lookup, RS256 signature, issuer, audience, expiry) against a parse-only baseline.
# 2. The running gateway: the same public route (GET /.well-known/jwks.json of auth-service) without and
#    with a valid bearer token, directly and through the gateway. With a token the gateway verifies it
#    before routing — and auth-service verifies it again, as every service does. The gateway's own cost
#    is the difference of differences:
#        (gateway with − gateway without) − (direct with − direct without).
#    bench/InterleavedProbe.java sends the four requests in turn from one client (A B C D A B C D ...), so
#    all four see the same machine at the same moments; R rounds of S seconds, the median round counts.
#    Before that, W seconds (default 120) of load through the gateway (2 clients with a token, 2 without) let the JIT
#    compile the request path: the figure is the warm gateway's, as in production after a few seconds
#    of traffic (a cold gateway measured at one client is still compiling for minutes on 2 cores).
# Goal: the gateway's check adds ≤ 1 ms at p50.
#
# Rate limits are switched off for this measurement (MITA_GATEWAY_RATE_LIMITS_ENABLED=false), so it
# starts its own stack and stops it afterwards; a running stack is refused.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT MITA="$ROOT/infra/local/mita"
readonly GATEWAY="http://127.0.0.1:${GATEWAY_PORT:-8080}" AUTH="http://127.0.0.1:${AUTH_PORT:-8081}"
source "$ROOT/bench/lib/options.sh"
rounds=3 seconds=30 warmup=120
parse_options gateway-jwt-overhead --rounds=rounds --seconds=seconds --warmup-seconds=warmup -- "$@"
# one access token lives 15 minutes
if ((warmup + rounds * (seconds + 5) > 780)); then
  echo "gateway-jwt-overhead: warm-up and rounds must fit in 13 minutes (one access token's lifetime)" >&2
  exit 2
fi

if curl -s -o /dev/null "$GATEWAY/livez"; then
  echo "gateway-jwt-overhead: a stack is running; stop it (infra/local/mita down) so this run can start one without rate limits" >&2
  exit 1
fi

echo "== the gateway's decoder alone (one thread, no HTTP)"
# the report lives in gateway-service/src/bench/java, compiled with the tests under -Pbench; common-lib and
# test-support come from this tree (-am), never from ~/.m2
cp_file=$(mktemp)
mvn -q -B -Pbench -pl gateway-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
java -Xmx256m -cp "$ROOT/gateway-service/target/test-classes:$ROOT/gateway-service/target/classes:$(cat "$cp_file")" \
  io.mita.gateway.jwt.TokenCheckCostReport
rm -f "$cp_file"

trap '"$MITA" down >/dev/null || true' EXIT
MITA_GATEWAY_RATE_LIMITS_ENABLED=false "$MITA" up --detach --only auth,gateway >&2

email="bench-$(date +%s%N)@bench.mita.local"
password="violet harbour lanterns $(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
curl -sf -o /dev/null -H 'Content-Type: application/json' \
  -d "$(printf '{"email":"%s","password":"%s"}' "$email" "$password")" "$AUTH/api/auth/register"
token=$(curl -sf -H 'Content-Type: application/json' -d "$(printf '{"email":"%s","password":"%s"}' "$email" "$password")" \
  "$AUTH/api/auth/login" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
[[ -n $token ]] || { echo "gateway-jwt-overhead: could not log in" >&2; exit 1; }
bearer="Authorization: Bearer $token"

printf '\n== warm-up: %s s through the gateway, 2 clients with a token and 2 without\n' "$warmup"
java "$ROOT/bench/LoadProbe.java" warm-up-with-token "$GATEWAY/.well-known/jwks.json" --header "$bearer" \
  --clients 2 --seconds "$warmup" --warmup 0 &
java "$ROOT/bench/LoadProbe.java" warm-up-without-token "$GATEWAY/.well-known/jwks.json" \
  --clients 2 --seconds "$warmup" --warmup 0
wait

field() { sed -n "s/^$1 .* p50_ms=\([^ ]*\).*/\1/p" <<<"$2"; }
declare -a overheads=()
for ((round = 1; round <= rounds; round++)); do
  printf '\n== round %s of %s: one client, the four requests in turn, %s s\n' "$round" "$rounds" "$seconds"
  out=$(java "$ROOT/bench/InterleavedProbe.java" --seconds "$seconds" --warmup 3 \
    direct "$AUTH/.well-known/jwks.json" - \
    direct-with-token "$AUTH/.well-known/jwks.json" "$bearer" \
    gateway "$GATEWAY/.well-known/jwks.json" - \
    gateway-with-token "$GATEWAY/.well-known/jwks.json" "$bearer")
  echo "$out"
  overhead=$(awk -v d="$(field direct "$out")" -v dt="$(field direct-with-token "$out")" \
    -v g="$(field gateway "$out")" -v gt="$(field gateway-with-token "$out")" \
    'BEGIN { printf "%.3f", (gt - g) - (dt - d) }')
  echo "round $round: gateway token check adds $overhead ms at p50"
  overheads+=("$overhead")
done

median=$(printf '%s\n' "${overheads[@]}" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }')
awk -v m="$median" -v all="${overheads[*]}" 'BEGIN {
  printf "\ngateway token check adds %.2f ms at p50, median of the rounds (%s) (goal <= 1 ms: %s)\n", m, all, (m <= 1 ? "met" : "MISSED") }'
