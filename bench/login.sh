#!/usr/bin/env bash
# bench/login.sh — login throughput and latency at 4 concurrent clients with the configured Argon2id
# cost, against a cheap endpoint of the same service as the baseline in the same run (the machine is
# noisy: read the ratio as much as the absolute figures). Goal: login p95 ≤ 300 ms.
#
#   bench/login.sh [--seconds S] [--clients N] [--rounds R]
#
# Each round measures the baseline and the login; the summary prints the median [min-max] of the login p95 and
# throughput over the rounds. A running auth-service is measured as it is; otherwise the script starts the stack
# (auth-service only) and stops it at the end. (The side-by-side run of the former own Argon2id against libargon2
# that decided for the library is this script as of commit 781b722: --implementations own,libargon2.)
#
# Talks to auth-service directly (127.0.0.1:${AUTH_PORT:-8081}): the gateway's login rate limit
# (10 per 15 minutes per IP and e-mail) would otherwise be what is measured.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT MITA="$ROOT/infra/local/mita" AUTH="http://127.0.0.1:${AUTH_PORT:-8081}"
source "$ROOT/bench/lib/options.sh"
seconds=15 clients=4 rounds=3
parse_options login --seconds=seconds --clients=clients --rounds=rounds -- "$@"

# 10 s of warm-up: the C2 compiler needs a few hundred hashes before Argon2's inner loop runs at full speed
probe() { java "$ROOT/bench/LoadProbe.java" "$@" --warmup 10; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

started=0
cleanup() { if ((started)); then "$MITA" down >/dev/null || true; fi; }
trap cleanup EXIT

# measure LABEL: registers a fresh user, measures baseline then login, prints both and appends
# "LABEL p95 throughput ratio" to $summary
measure() {
  local label=$1 email password body baseline login
  email="bench-$(date +%s%N)@bench.mita.local"
  password="violet harbour lanterns $(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
  body=$(printf '{"email":"%s","password":"%s"}' "$email" "$password")
  curl -sf -o /dev/null -H 'Content-Type: application/json' \
    -d "$(printf '{"email":"%s","password":"%s","displayName":"bench"}' "$email" "$password")" "$AUTH/api/auth/register"
  echo "== [$label] baseline: GET /livez, $clients clients"
  baseline=$(probe liveness "$AUTH/livez" --clients "$clients" --seconds "$seconds")
  echo "$baseline"
  echo "== [$label] login: POST /api/auth/login (Argon2id verify + token issue + refresh token + outbox), $clients clients"
  login=$(probe login "$AUTH/api/auth/login" --method POST --body "$body" --clients "$clients" --seconds "$seconds")
  echo "$login"
  awk -v label="$label" -v p95="$(field p95_ms "$login")" -v base="$(field p95_ms "$baseline")" \
      -v tput="$(field throughput_per_s "$login")" -v btput="$(field throughput_per_s "$baseline")" 'BEGIN {
    printf "[%s] login p95 %.1f ms (goal <= 300 ms: %s); login/baseline p95 ratio %.1fx; throughput %.1f/s (%.3f of baseline)\n",
      label, p95, (p95 <= 300 ? "met" : "MISSED"), p95 / base, tput, tput / btput
    printf "%s %s %s %s\n", label, p95, tput, p95 / base >> ENVIRON["summary"] }'
}

summary=$(mktemp)
export summary
printf 'load average at start: %s; %s CPUs; commit %s; %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)" \
  "$(git -C "$ROOT" rev-parse --short HEAD)" "$(date -u '+%Y-%m-%d %H:%M UTC')"

if ! curl -sf -o /dev/null "$AUTH/readyz"; then
  "$MITA" up --detach --only auth >&2
  started=1
fi
for ((round = 1; round <= rounds; round++)); do
  echo "== round $round"
  measure libargon2
done

echo
echo "== summary over $rounds rounds (median [min-max])"
awk '{ p[++n] = $2; t[n] = $3; r[n] = $4 }
  function med(a, n,   s, i, j, x) { for (i = 1; i <= n; i++) s[i] = a[i]
    for (i = 2; i <= n; i++) { x = s[i]; for (j = i - 1; j > 0 && s[j] > x; j--) s[j + 1] = s[j]; s[j + 1] = x }
    lo = s[1]; hi = s[n]; return (n % 2) ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2 }
  END { mp = med(p, n); plo = lo; phi = hi; mt = med(t, n); tlo = lo; thi = hi; mr = med(r, n)
    printf "login p95 %.1f [%.1f-%.1f] ms (goal <= 300: %s); throughput %.1f [%.1f-%.1f]/s; p95/baseline %.1fx\n",
      mp, plo, phi, (mp <= 300 ? "met" : "MISSED"), mt, tlo, thi, mr }' "$summary"
