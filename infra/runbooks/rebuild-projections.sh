#!/usr/bin/env bash
# infra/runbooks/rebuild-projections.sh — rebuild insights-service's projections from mita.budget.v1 (docs/insights.md,
# "Rebuild"): the command-line way to POST /api/insights/admin/projections/rebuild.
#
#   infra/runbooks/rebuild-projections.sh [--auth URL] [--insights URL]
#
# Signs in at auth-service as an ADMIN, asks insights-service to rebuild and waits for it (up to MITA_REBUILD_TIMEOUT
# seconds, 1800), then prints the rebuild's report as one JSON line on stdout:
# {"records":…,"applied":…,"ignored":…,"refused":…,"millis":…,"eventsPerSecond":…}.
# URLs (default: the services' own ports on this machine, not the gateway, whose per-route timeout would end a long
# rebuild): --auth (http://127.0.0.1:$AUTH_PORT, 8081), --insights (http://127.0.0.1:$INSIGHTS_PORT, 8084).
# Credentials: MITA_ADMIN_TOKEN (an ADMIN's access token; no sign-in then, e.g. for an admin with a second factor),
# else MITA_ADMIN_EMAIL / MITA_ADMIN_PASSWORD, else the bootstrap admin's MITA_BOOTSTRAP_ADMIN_EMAIL /
# MITA_BOOTSTRAP_ADMIN_PASSWORD (local defaults admin@mita.local / change-me-admin-password). The password
# and the token go to curl on stdin, never on a command line, and are never printed.
# Run it with one insights-service instance: the rebuild stops only the consumer of the instance it runs on, so the
# service refuses (409 INSIGHTS_REBUILD_OTHER_CONSUMERS) while another member is in its consumer group, and fails
# without swapping when one joins during the replay. Scale insights-service to one instance, rebuild, scale back.
#
# Exit status: 0 rebuilt; 1 the rebuild failed (the problem is printed on stderr); 2 usage; 3 sign-in refused or no
# access token (a second factor is asked for: use MITA_ADMIN_TOKEN); 4 the account is not an ADMIN (403);
# 5 a rebuild is running already (409); 6 a service did not answer; 7 other insights-service consumers are in the
# consumer group (409 INSIGHTS_REBUILD_OTHER_CONSUMERS; nothing was swapped); 8 Kafka could not say who consumes
# (503 INSIGHTS_REBUILD_CONSUMERS_UNKNOWN; nothing was swapped).
set -euo pipefail

die() { local status=$1; shift; echo "rebuild-projections: $*" >&2; exit "$status"; }
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print } /^set /{ exit }' "${BASH_SOURCE[0]}"; exit "${1:-0}"; }

auth=http://127.0.0.1:${AUTH_PORT:-8081}
insights=http://127.0.0.1:${INSIGHTS_PORT:-8084}
while (($#)); do
  case $1 in
    --auth) auth=${2:?--auth needs a URL}; shift ;;
    --insights) insights=${2:?--insights needs a URL}; shift ;;
    -h | --help) usage ;;
    *) echo "rebuild-projections: unknown argument $1" >&2; usage 2 >&2 ;;
  esac
  shift
done

# a JSON string member (backslash, quote and control characters escaped)
json_string() {
  local value=$1
  value=${value//\\/\\\\}
  value=${value//\"/\\\"}
  value=${value//$'\n'/\\n}
  value=${value//$'\r'/\\r}
  value=${value//$'\t'/\\t}
  printf '"%s"' "$value"
}

token=${MITA_ADMIN_TOKEN:-}
if [[ -z $token ]]; then
  email=${MITA_ADMIN_EMAIL:-${MITA_BOOTSTRAP_ADMIN_EMAIL:-admin@mita.local}}
  password=${MITA_ADMIN_PASSWORD:-${MITA_BOOTSTRAP_ADMIN_PASSWORD:-change-me-admin-password}}
  login=$(printf '{"email":%s,"password":%s}' "$(json_string "$email")" "$(json_string "$password")" \
    | curl -sS -m 60 -w '\n%{http_code}' -H 'Content-Type: application/json' --data-binary @- "$auth/api/auth/login") \
    || die 6 "auth-service at $auth did not answer"
  status=${login##*$'\n'}
  [[ $status == 200 ]] || die 3 "sign-in refused for $email (HTTP $status)"
  token=$(sed -n 's/.*"accessToken"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' <<<"${login%$'\n'*}")
  [[ -n $token ]] || die 3 "no access token for $email (a second factor? set MITA_ADMIN_TOKEN)"
fi

answer=$(printf 'Authorization: Bearer %s\n' "$token" \
  | curl -sS -m "${MITA_REBUILD_TIMEOUT:-1800}" -w '\n%{http_code}' -X POST -H @- \
    "$insights/api/insights/admin/projections/rebuild") || die 6 "insights-service at $insights did not answer"
status=${answer##*$'\n'}
body=${answer%$'\n'*}
# the problem's stable code, if the body is problem+json
code=$(sed -n 's/.*"code"[[:space:]]*:[[:space:]]*"\([A-Z_]*\)".*/\1/p' <<<"$body")
case $status:$code in
  200:*) printf '%s\n' "$body" ;;
  401:*) die 3 "insights-service refused the token (HTTP 401): $body" ;;
  403:*) die 4 "the account is not an ADMIN (HTTP 403)" ;;
  409:INSIGHTS_REBUILD_OTHER_CONSUMERS)
    die 7 "other insights-service instances consume (HTTP 409 $code); nothing was swapped." \
      "Scale insights-service to one instance, run this again, then scale it back: $body" ;;
  409:*) die 5 "a rebuild is running already (HTTP 409)" ;;
  503:INSIGHTS_REBUILD_CONSUMERS_UNKNOWN)
    die 8 "Kafka could not say who consumes (HTTP 503 $code); nothing was swapped. Try again when Kafka answers: $body" ;;
  *) die 1 "the rebuild failed (HTTP $status): $body" ;;
esac
