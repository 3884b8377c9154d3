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
MITA_WORK_DIR="$SCRATCH/work" source "$HERE/mita"
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
check "every new cluster id is a Kafka uuid that does not start with a dash" \
  every_new_cluster_id_is_a_kafka_uuid_that_does_not_start_with_a_dash
check "a kept cluster id is reused" a_kept_cluster_id_is_reused
check "a kept cluster id that starts with a dash is drawn again" a_kept_cluster_id_that_starts_with_a_dash_is_drawn_again
check "a missing cluster id is made once" a_missing_cluster_id_is_made_once

((failures == 0)) || { echo "check.sh: $failures check(s) failed" >&2; exit 1; }
