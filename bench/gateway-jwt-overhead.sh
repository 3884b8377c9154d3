#!/usr/bin/env bash
# bench/gateway-jwt-overhead.sh — what the gateway's token check adds to a request.
#
#   bench/gateway-jwt-overhead.sh [--seconds S] [--clients N] [--rounds R]
#
# The same public route (GET /.well-known/jwks.json of auth-service), without and with a valid bearer
# token, directly and through the gateway. With a token the gateway verifies it (RS256 signature,
# issuer, audience, expiry) before routing — and auth-service verifies it again, as every service does.
# The gateway's own cost is therefore the difference of differences:
#   (gateway with − gateway without) − (direct with − direct without).
# The four scenarios alternate for R rounds in one invocation (the machine is noisy); medians over the
# rounds are compared. Goal: the gateway's check adds ≤ 1 ms at p50.
#
# Rate limits are switched off for this measurement (MITA_GATEWAY_RATE_LIMITS_ENABLED=false), so it
# starts its own stack and stops it afterwards; a running stack is refused.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT MITA="$ROOT/infra/local/mita"
readonly GATEWAY="http://127.0.0.1:${GATEWAY_PORT:-8080}" AUTH="http://127.0.0.1:${AUTH_PORT:-8081}"
seconds=10 clients=4 rounds=3
while (($#)); do
  case $1 in
    --seconds) seconds=${2:?}; shift ;;
    --clients) clients=${2:?}; shift ;;
    --rounds) rounds=${2:?}; shift ;;
    *) echo "gateway-jwt-overhead: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

if curl -s -o /dev/null "$GATEWAY/actuator/health/liveness"; then
  echo "gateway-jwt-overhead: a stack is running; stop it (infra/local/mita down) so this run can start one without rate limits" >&2
  exit 1
fi
trap '"$MITA" down >/dev/null || true' EXIT
MITA_GATEWAY_RATE_LIMITS_ENABLED=false "$MITA" up --detach --only auth,gateway >&2

email="bench-$(date +%s%N)@bench.mita.local"
password="bench password $(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
curl -sf -o /dev/null -H 'Content-Type: application/json' \
  -d "$(printf '{"email":"%s","password":"%s"}' "$email" "$password")" "$AUTH/api/auth/register"
token=$(curl -sf -H 'Content-Type: application/json' -d "$(printf '{"email":"%s","password":"%s"}' "$email" "$password")" \
  "$AUTH/api/auth/login" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
[[ -n $token ]] || { echo "gateway-jwt-overhead: could not log in" >&2; exit 1; }

probe() { java "$ROOT/bench/LoadProbe.java" "$@" --clients "$clients" --seconds "$seconds" --warmup 3; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

declare -a without=() with=() direct=() direct_token=()
for ((round = 1; round <= rounds; round++)); do
  echo "== round $round of $rounds"
  line=$(probe direct-auth "$AUTH/.well-known/jwks.json"); echo "$line"; direct+=("$(field p50_ms "$line")")
  line=$(probe direct-auth-with-token "$AUTH/.well-known/jwks.json" --header "Authorization: Bearer $token"); echo "$line"
  direct_token+=("$(field p50_ms "$line")")
  line=$(probe gateway-no-token "$GATEWAY/.well-known/jwks.json"); echo "$line"; without+=("$(field p50_ms "$line")")
  line=$(probe gateway-with-token "$GATEWAY/.well-known/jwks.json" --header "Authorization: Bearer $token"); echo "$line"
  with+=("$(field p50_ms "$line")")
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
d=$(median "${direct[@]}"); dt=$(median "${direct_token[@]}"); w=$(median "${without[@]}"); t=$(median "${with[@]}")
awk -v d="$d" -v dt="$dt" -v w="$w" -v t="$t" 'BEGIN {
  printf "\nmedian p50 over the rounds: direct %.2f ms, direct with token %.2f ms, gateway %.2f ms, gateway with token %.2f ms\n", d, dt, w, t
  gw = (t - w) - (dt - d)
  printf "gateway token check adds %.2f ms at p50 (goal <= 1 ms: %s); auth-service own check %.2f ms; gateway hop = %.2fx direct\n",
    gw, (gw <= 1 ? "met" : "MISSED"), dt - d, w / d }'
