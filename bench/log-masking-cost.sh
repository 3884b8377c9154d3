#!/usr/bin/env bash
# bench/log-masking-cost.sh — what masking personal data costs per structured log line, before and after
# issue 14 (bench/LogMaskingCostReport.java; no stack needed).
#
#   bench/log-masking-cost.sh [rounds] [lines-per-round]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -q -B -pl common-lib -am compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >&2
java -Xmx256m -cp "$ROOT/common-lib/target/classes:$(cat "$cp_file")" bench/LogMaskingCostReport.java "$@"
