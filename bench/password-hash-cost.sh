#!/usr/bin/env bash
# bench/password-hash-cost.sh — what a password hash and a login cost on this machine.
#
#   bench/password-hash-cost.sh [--hash-only]
#
# 1. io.mita.auth.config.HashCostReport: median and p90 of 20 Argon2id hashes with auth-service's
#    parameters (m=19 MiB, t=2, p=1) and, interleaved in the same run, two baselines: Argon2id m=46 MiB,
#    t=1 (ASVS) and bcrypt cost 12; plus the cost of checking a wrong password.
# 2. io.mita.auth.LoginTimingReport (skipped with --hash-only): starts auth-service on a fresh database
#    (local PostgreSQL) and the test Kafka broker, then times POST /api/auth/login for a wrong password,
#    an unknown e-mail and the right password, alternating, 40 runs each; then POST
#    /api/auth/password-reset/request for the existing account and for unknown e-mails, the same way.
# Both print Markdown tables; the figures in docs/auth.md come from this script. Nothing else may be
# running for the figures to mean anything (2 cores). Both mains live in auth-service/src/bench/java, which
# only the Maven profile `bench` compiles (with the tests, on their classpath).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

run_main() {
  mvn -o -q -Pbench -pl auth-service exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
    "-Dexec.args=-Xmx512m -cp %classpath $1"
}

mvn -o -q -Pbench -pl auth-service test-compile
printf '\n== Password hash cost\n\n'
run_main io.mita.auth.config.HashCostReport
if [[ ${1:-} != --hash-only ]]; then
  printf '\n== Login timing: wrong password vs unknown e-mail\n\n'
  run_main io.mita.auth.LoginTimingReport
fi
