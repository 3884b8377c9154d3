#!/usr/bin/env bash
# bench/ocr-accuracy.sh — field accuracy and speed of ocr-service's receipt pipeline (issue 10).
#
#   bench/ocr-accuracy.sh [COUNT] [--steps] [--no-record]
#
# Generates COUNT receipts (default 40; seeds 1..COUNT of the test generator ReceiptGenerator, so the set
# kept in ocr-service/src/test/resources/receipts is its first part) and runs io.mita.ocr.bench.OcrBenchmark:
#   1. the `tesseract` command alone on each image, one at a time (OMP_THREAD_LIMIT=1);
#   2. the pipeline (decode, pre-processing, Tesseract TSV, extraction) one at a time, with merchant,
#      date and total exact-match accuracy; the ratio to 1. in the same run;
#   3. the pipeline and the bare command with two images at once (throughput ratio to one at a time);
#   the pipeline reads through libtesseract in process unless OCR_BENCH_BINDING=cli (as mita.ocr.engine.binding);
#   1.–3. run in 3 interleaved rounds (OCR_BENCH_ROUNDS), each ratio within its round, median [min–max] printed;
#   4. with --steps, accuracy and time with each pre-processing step left out (and with THRESHOLD added).
# Appends the figures with the load average to bench/RESULTS.md ("OCR" section) unless --no-record.
# Goals (issue 10): total and date ≥ 90 %; pipeline ≤ 1.2 × tesseract alone; two at once ≥ 1.8 × one.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT RESULTS="$ROOT/bench/RESULTS.md"
source "$ROOT/bench/lib/options.sh"
count=40 steps="" record=1
parse_options ocr-accuracy --steps=steps=--steps --no-record=record=0 '[0-9]*=count' -- "$@"

command -v tesseract >/dev/null || { echo "ocr-accuracy: tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-eng)" >&2; exit 1; }

cd "$ROOT"
classpath_file=ocr-service/target/bench-classpath.txt
echo "== building ocr-service test classes"
mvn -B -q -pl ocr-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$ROOT/$classpath_file" -Dmdep.includeScope=test -Dspotless.check.skip=true >/dev/null
cp="ocr-service/target/test-classes:ocr-service/target/classes:$(cat "$classpath_file")"
# the reactor's own modules resolve to their target/classes
for module in common-lib test-support; do cp="$cp:$module/target/classes"; done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
echo "== running the benchmark on $count receipts (load average $load_before)"
output=$(java -Xmx1g -cp "$cp" io.mita.ocr.bench.OcrBenchmark "$count" $steps)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$output"
echo "load average before: $load_before, after: $load_after"

if ((record)); then
  {
    printf '\n### Run of %s (`bench/ocr-accuracy.sh %s %s`)\n\n' "$started" "$count" "$steps"
    printf 'Tesseract %s, %s cores, load average before %s, after %s.\n\n' \
      "$(tesseract --version 2>&1 | head -1 | awk '{print $2}')" "$(nproc)" "$load_before" "$load_after"
    echo "$output"
  } >>"$RESULTS"
  echo "appended to bench/RESULTS.md"
fi
