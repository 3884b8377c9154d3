#!/usr/bin/env bash
# bench/login.sh — login throughput and latency at 4 concurrent clients with the configured Argon2id
# cost, against a cheap endpoint of the same service as the baseline in the same run (the machine is
# noisy: read the ratio as much as the absolute figures). Goal: login p95 ≤ 300 ms.
#
#   bench/login.sh [--seconds S] [--clients N]
#
# Talks to auth-service directly (127.0.0.1:${AUTH_PORT:-8081}): the gateway's login rate limit
# (10 per 15 minutes per IP and e-mail) would otherwise be what is measured. Starts the local stack
# when auth-service is not running, and stops it again afterwards.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT MITA="$ROOT/infra/local/mita" AUTH="http://127.0.0.1:${AUTH_PORT:-8081}"
seconds=15 clients=4
while (($#)); do
  case $1 in
    --seconds) seconds=${2:?}; shift ;;
    --clients) clients=${2:?}; shift ;;
    *) echo "login: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

started=0
if ! curl -sf -o /dev/null "$AUTH/readyz"; then
  "$MITA" up --detach --only auth >&2
  started=1
fi
cleanup() { if ((started)); then "$MITA" down >/dev/null || true; fi; }
trap cleanup EXIT

email="bench-$(date +%s%N)@bench.mita.local"
password="violet harbour lanterns $(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
body=$(printf '{"email":"%s","password":"%s"}' "$email" "$password")
curl -sf -o /dev/null -H 'Content-Type: application/json' \
  -d "$(printf '{"email":"%s","password":"%s","displayName":"bench"}' "$email" "$password")" "$AUTH/api/auth/register"

# 10 s of warm-up: the C2 compiler needs a few hundred hashes before Argon2's inner loop runs at full speed
probe() { java "$ROOT/bench/LoadProbe.java" "$@" --warmup 10; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

echo "== baseline: GET /livez, $clients clients"
baseline=$(probe liveness "$AUTH/livez" --clients "$clients" --seconds "$seconds")
echo "$baseline"
echo "== login: POST /api/auth/login (Argon2id verify + token issue + refresh token + outbox), $clients clients"
login=$(probe login "$AUTH/api/auth/login" --method POST --body "$body" --clients "$clients" --seconds "$seconds")
echo "$login"

p95=$(field p95_ms "$login")
awk -v p95="$p95" -v base="$(field p95_ms "$baseline")" -v tput="$(field throughput_per_s "$login")" \
    -v btput="$(field throughput_per_s "$baseline")" 'BEGIN {
  printf "\nlogin p95 %.1f ms (goal <= 300 ms: %s); login/baseline p95 ratio %.1fx; throughput %.1f/s (%.3f of baseline)\n",
    p95, (p95 <= 300 ? "met" : "MISSED"), p95 / base, tput, tput / btput }'
