#!/usr/bin/env bash
# infra/local/check.sh — tests of the local-stack script's own logic (called by .ci/run; runs anywhere,
# starts nothing). Exit status: 0 when every check passes, 1 otherwise.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

failures=0
check() {
  local description=$1; shift
  if "$@"; then echo "ok    $description"; else echo "FAIL  $description"; failures=$((failures + 1)); fi
}

# shellcheck source=infra/local/mita
MITA_WORK_DIR="$SCRATCH/work" MITA_DB_LINK_BASE_PORT=15430 source "$HERE/mita"
mkdir -p "$KAFKA_DIR"

is_kafka_uuid() { [[ $1 =~ ^[A-Za-z0-9_][A-Za-z0-9_-]{21}$ ]]; }

every_new_cluster_id_is_a_kafka_uuid_that_does_not_start_with_a_dash() {
  local i id
  for ((i = 0; i < 500; i++)); do
    id=$(new_kafka_cluster_id)
    is_kafka_uuid "$id" || { echo "      not a usable cluster id: '$id'"; return 1; }
  done
}

a_kept_cluster_id_is_reused() {
  printf 'q1zsUqRgTUiT9YXeLcgEYw' >"$KAFKA_DIR/cluster.id"
  [[ $(kafka_cluster_id) == q1zsUqRgTUiT9YXeLcgEYw && $(kafka_cluster_id) == q1zsUqRgTUiT9YXeLcgEYw ]]
}

a_kept_cluster_id_that_starts_with_a_dash_is_drawn_again() {
  printf -- '-1zsUqRgTUiT9YXeLcgEYw' >"$KAFKA_DIR/cluster.id"
  local id
  id=$(kafka_cluster_id)
  is_kafka_uuid "$id" && [[ $(<"$KAFKA_DIR/cluster.id") == "$id" ]]
}

a_missing_cluster_id_is_made_once() {
  rm -f "$KAFKA_DIR/cluster.id"
  local first
  first=$(kafka_cluster_id)
  is_kafka_uuid "$first" && [[ $(kafka_cluster_id) == "$first" ]]
}

every_service_has_a_management_port_of_its_own() {
  local entry seen=" " port management
  for entry in "${SERVICES[@]}"; do
    port=$(port_of "$entry"); management=$(management_port_of "$entry")
    [[ $management =~ ^[0-9]+$ && $management != "$port" && $seen != *" $management "* ]] \
      || { echo "      $(module_of "$entry"): management port '$management'"; return 1; }
    seen+="$management "
  done
}

the_stack_runs_a_redis_of_its_own_and_points_the_gateway_at_it() {
  [[ $REDIS_PORT != 6379 && $MITA_REDIS_HOST == 127.0.0.1 && $MITA_REDIS_PORT == "$REDIS_PORT" ]] \
    && [[ $(redis_marker) == "redis-server 127.0.0.1:$REDIS_PORT" ]]
}

readiness_is_probed_on_the_service_port() {
  [[ $(readiness_url 8082) == http://127.0.0.1:8082/readyz ]]
}

check "every service has a management port of its own" every_service_has_a_management_port_of_its_own
check "the stack runs a Redis of its own and points the gateway at it" \
  the_stack_runs_a_redis_of_its_own_and_points_the_gateway_at_it
check "readiness is probed on the service port" readiness_is_probed_on_the_service_port

a_part_is_named_by_its_module_or_short_name() {
  [[ $(part_name budget) == budget-service && $(part_name gateway-service) == gateway-service && $(part_name kafka) == kafka ]]
}

an_unknown_part_is_refused() { ! (part_name ledger 2>/dev/null); }

each_data_service_gets_its_own_database_link_port_and_the_gateway_none() {
  local ports
  ports=$(for m in auth-service budget-service ocr-service insights-service notification-service audit-service; do
    db_link_port "$m"; printf ' '; done)
  [[ $ports == "15431 15432 15433 15434 15435 15436 " ]] && ! db_link_port gateway-service
}

up_records_the_stacks_variables_and_nothing_else() {
  mkdir -p "$RUN_DIR"
  MITA_GATEWAY_TRUSTED_PROXIES=127.0.0.1/32 BUDGET_PORT=18082 UNRELATED_SECRET=x record_environment
  grep -q 'MITA_GATEWAY_TRUSTED_PROXIES="127.0.0.1/32"' "$UP_ENV_FILE" && grep -q 'BUDGET_PORT="18082"' "$UP_ENV_FILE" \
    && ! grep -q UNRELATED_SECRET "$UP_ENV_FILE"
}

# spawn_and_wait NAME TEXT: a run of a part that writes TEXT to its log and ends; returns once the log says it.
spawn_and_wait() {
  local name=$1 text=$2 i
  spawn "$name" printf '%s\n' "$text"
  for ((i = 0; i < 100; i++)); do
    [[ $(cat "$LOG_DIR/$name.log" 2>/dev/null) == "$text" ]] && return 0
    sleep 0.05
  done
  echo "      $name never wrote '$text'"
  return 1
}

log_says() { [[ -e $1 && $(<"$1") == "$2" ]] || { echo "      ${1##*/}: '$(cat "$1" 2>/dev/null)', expected '$2'"; return 1; }; }

a_first_run_keeps_no_earlier_log() {
  mkdir -p "$LOG_DIR" "$PID_DIR"
  spawn_and_wait first-run "run 1" && log_says "$LOG_DIR/first-run.log" "run 1" && [[ ! -e $LOG_DIR/first-run.log.1 ]]
}

a_part_started_seven_times_keeps_the_logs_of_its_last_five_earlier_runs() {
  mkdir -p "$LOG_DIR" "$PID_DIR"
  local run
  for run in 1 2 3 4 5 6 7; do spawn_and_wait restarted "run $run" || return 1; done
  log_says "$LOG_DIR/restarted.log" "run 7" && log_says "$LOG_DIR/restarted.log.1" "run 6" \
    && log_says "$LOG_DIR/restarted.log.2" "run 5" && log_says "$LOG_DIR/restarted.log.5" "run 2" \
    && [[ ! -e $LOG_DIR/restarted.log.6 && $LOG_KEEP == 5 ]]
}

check "a part's first run keeps no earlier log" a_first_run_keeps_no_earlier_log
check "a part started seven times keeps the logs of its last five earlier runs (NAME.log.1 .. .5)" \
  a_part_started_seven_times_keeps_the_logs_of_its_last_five_earlier_runs

check "every new cluster id is a Kafka uuid that does not start with a dash" \
  every_new_cluster_id_is_a_kafka_uuid_that_does_not_start_with_a_dash
check "a kept cluster id is reused" a_kept_cluster_id_is_reused
check "a kept cluster id that starts with a dash is drawn again" a_kept_cluster_id_that_starts_with_a_dash_is_drawn_again
check "a missing cluster id is made once" a_missing_cluster_id_is_made_once
check "a part of the stack is named by its module or its short name" a_part_is_named_by_its_module_or_short_name
check "an unknown part of the stack is refused" an_unknown_part_is_refused
check "each data service gets its own database link port, the gateway none" \
  each_data_service_gets_its_own_database_link_port_and_the_gateway_none
check "up records the stack's variables for a later start, and nothing else" up_records_the_stacks_variables_and_nothing_else

((failures == 0)) || { echo "check.sh: $failures check(s) failed" >&2; exit 1; }
