#!/usr/bin/env bash
# infra/runbooks/dlt.sh — look at and replay dead letters (<topic>.dlt). See infra/runbooks/dead-letters.md.
#
#   infra/runbooks/dlt.sh inspect <topic>.dlt            every dead letter: where it came from, why, which event
#   infra/runbooks/dlt.sh replay  <topic>.dlt            dry run: what the next replay would send (commits nothing)
#   infra/runbooks/dlt.sh replay  <topic>.dlt --execute  send those dead letters back to <topic>
#
# Options (before or after the arguments): --compose  run Kafka's tools inside the compose `kafka` container.
# Environment: MITA_KAFKA_BOOTSTRAP (127.0.0.1:9092; kafka:9092 with --compose), MITA_WORK_DIR (.mita),
#              COMPOSE (docker-compose).
#
# Replay sends each dead letter with its key, its CloudEvents headers (ce_*, content-type) and its data,
# without the kafka_dlt-* reason headers. Consumers are idempotent on the event id, so consumer groups
# that had processed the event skip it. A consumer group (mita-dlt-replay) remembers what was replayed:
# a second --execute sends only dead letters that arrived since. Records without a ce_id header are not
# CloudEvents (malformed at the source) and are never replayed; they are listed instead.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
WORK_DIR=${MITA_WORK_DIR:-.mita}
[[ $WORK_DIR == /* ]] || WORK_DIR="$ROOT/$WORK_DIR"
readonly REPLAY_GROUP=mita-dlt-replay
readonly US=$'\x1f' GS=$'\x1d' RS=$'\x1e'   # header, field and record separators (never in the data)

die() { echo "dlt.sh: $*" >&2; exit 1; }
usage() { sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

compose=0 execute=0
args=()
for arg in "$@"; do
  case $arg in
    --compose) compose=1 ;;
    --execute) execute=1 ;;
    -h | --help) usage ;;
    -*) die "unknown option $arg" ;;
    *) args+=("$arg") ;;
  esac
done
((${#args[@]} == 2)) || usage 2 >&2
command=${args[0]} dlt=${args[1]}
[[ $dlt == *.dlt ]] || die "$dlt is not a dead-letter topic (<topic>.dlt)"
topic=${dlt%.dlt}

if ((compose)); then
  BOOTSTRAP=${MITA_KAFKA_BOOTSTRAP:-kafka:9092}
  consumer() { ${COMPOSE:-docker-compose} exec -T kafka /opt/kafka/bin/kafka-console-consumer.sh "$@"; }
  producer() { ${COMPOSE:-docker-compose} exec -T kafka /opt/kafka/bin/kafka-console-producer.sh "$@"; }
else
  BOOTSTRAP=${MITA_KAFKA_BOOTSTRAP:-127.0.0.1:9092}
  classpath_file="$WORK_DIR/kafka/classpath.txt"
  [[ -s $classpath_file ]] || die "$classpath_file is missing: run 'infra/local/mita topics' once (it resolves Kafka)"
  kafka_java() {
    java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$(cat "$classpath_file")" \
      -Dlog4j2.configurationFile="$ROOT/infra/kafka/tools-log4j2.properties" "$@"
  }
  consumer() { kafka_java org.apache.kafka.tools.consumer.ConsoleConsumer "$@"; }
  producer() { kafka_java org.apache.kafka.tools.ConsoleProducer "$@"; }
fi

# read_dead_letters [consumer options]: one record per RS: Partition:P GS Offset:O GS headers(US) GS key GS value.
# Stops after 10 s without a new record (the console consumer's normal way out).
read_dead_letters() {
  local err
  err=$(mktemp)
  if ! consumer --bootstrap-server "$BOOTSTRAP" --topic "$dlt" --timeout-ms 10000 \
      --property print.partition=true --property print.offset=true --property print.headers=true \
      --property print.key=true --property headers.separator="$US" --property key.separator="$GS" \
      --property line.separator="$RS" "$@" 2>"$err"; then
    cat "$err" >&2; rm -f "$err"; die "could not read $dlt from $BOOTSTRAP"
  fi
  grep -q 'TimeoutException\|Processed a total' "$err" || cat "$err" >&2
  rm -f "$err"
}

# inspect: a readable summary per dead letter (the stack trace header is left out).
cmd_inspect() {
  read_dead_letters --from-beginning | LC_ALL=C awk -v RS="$RS" -v US="$US" -v GS="$GS" '
    NF {
      n = split($0, f, GS); h = f[3]; split(h, hs, US); delete v
      for (i in hs) { p = index(hs[i], ":"); if (p) v[substr(hs[i], 1, p - 1)] = substr(hs[i], p + 1) }
      msg = v["kafka_dlt-exception-message"]; sub(/\n.*/, "", msg)
      printf "%s %s  group=%s\n", f[1], f[2], v["kafka_dlt-original-consumer-group"]
      printf "  reason: %s: %s\n", v["kafka_dlt-exception-cause-fqcn"], msg
      printf "  event:  id=%s type=%s subject=%s\n", v["ce_id"], v["ce_type"], v["ce_subject"]
      printf "  key=%s data=%s\n", f[4], substr(f[5], 1, 300)
      count++
    }
    END { printf "%d dead letter(s) on %s\n", count, "'"$dlt"'" }'
}

# replay: the dead letters the replay group has not taken yet, as console-producer lines
# (headers US-separated, then TAB key TAB value); dry run unless --execute.
cmd_replay() {
  local dir stamp raw lines skipped
  dir="$WORK_DIR/dlt"; mkdir -p "$dir"
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  raw="$dir/$dlt.$stamp.raw" lines="$dir/$dlt.$stamp.replay" skipped="$dir/$dlt.$stamp.skipped"
  if ((execute)); then
    read_dead_letters --group "$REPLAY_GROUP" --from-beginning >"$raw"
  else
    read_dead_letters --group "$REPLAY_GROUP" --from-beginning --consumer-property enable.auto.commit=false >"$raw"
  fi
  LC_ALL=C awk -v RS="$RS" -v US="$US" -v GS="$GS" -v skipped="$skipped" '
    NF {
      split($0, f, GS); n = split(f[3], hs, US); out = ""; has_id = 0
      for (i = 1; i <= n; i++) {
        if (hs[i] ~ /^(kafka_dlt-|spring\.)/) continue
        if (hs[i] ~ /^ce_id:/) has_id = 1
        out = out (out == "" ? "" : US) hs[i]
      }
      if (!has_id) { printf "%s %s key=%s (not a CloudEvent: not replayed)\n", f[1], f[2], f[4] > skipped; next }
      if (f[4] ~ /\t|\n/ || f[5] ~ /\t|\n/) { printf "%s %s key=%s (tab or newline in key/data: not replayed)\n", f[1], f[2], f[4] > skipped; next }
      printf "%s\t%s\t%s\n", out, f[4], f[5]
    }' "$raw" >"$lines"
  local count skip
  count=$(wc -l <"$lines"); skip=0
  [[ -f $skipped ]] && skip=$(wc -l <"$skipped")
  echo "$count dead letter(s) to replay from $dlt to $topic; $skip left out"
  if [[ -f $skipped ]]; then sed 's/^/  skipped: /' "$skipped"; fi
  if ((!execute)); then
    sed 's/^/  would send: /' "$lines" | tr "$US" ',' | cut -c1-400
    echo "dry run: nothing sent, nothing committed; add --execute to send"
    return 0
  fi
  ((count > 0)) || { echo "nothing to send"; return 0; }
  producer --bootstrap-server "$BOOTSTRAP" --topic "$topic" --producer-property acks=all \
    --property parse.key=true --property parse.headers=true --property headers.separator="$US" <"$lines" \
    || die "sending failed; the taken dead letters are in ${lines#"$ROOT"/} (send them again with the producer command in dead-letters.md)"
  echo "sent $count event(s) to $topic; kept ${lines#"$ROOT"/}"
}

case $command in
  inspect) cmd_inspect ;;
  replay) cmd_replay ;;
  *) usage 2 >&2 ;;
esac
