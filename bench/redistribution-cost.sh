#!/usr/bin/env bash
# bench/redistribution-cost.sh — what one budget redistribution costs per user-month (issue 9, goal ≤ 1 ms).
#
#   bench/redistribution-cost.sh [rounds] [runs-per-round] [warm-up-seconds]     (defaults 5 20000 10)
#
# io.mita.budget.redistribution.RedistributionCostReport (budget-service/src/bench/java, compiled only by the
# Maven profile `bench`): 64 distinct user-months of 30 categories and 300 transactions, today mid-month (and,
# as a second row, the last day), timed in one thread after a warm-up, in rounds that alternate with a baseline
# doing only the least any run must do (copy every plan and read every amount once). Prints median [min–max]
# of wall and CPU time per run, the ratio to the baseline, allocation and moves per run, as Markdown for
# bench/RESULTS.md ("Budget: redistribution"). The algorithm is pure Java: it runs on its own classes, no
# Spring, no database. Nothing else should be running for the wall figures to mean much (2 cores).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

printf 'Machine load average at start: %s; %s CPUs; commit %s; %s\n\n' \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)" "$(git rev-parse --short HEAD)" "$(date -u '+%Y-%m-%d %H:%M UTC')"
mvn -B -q -Pbench -pl budget-service -am test-compile -Dspotless.check.skip=true >&2
java -Xms256m -Xmx256m -XX:+UseSerialGC \
  -cp "$ROOT/budget-service/target/classes:$ROOT/budget-service/target/test-classes" \
  io.mita.budget.redistribution.RedistributionCostReport "$@"
