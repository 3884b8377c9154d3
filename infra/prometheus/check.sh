#!/usr/bin/env bash
# infra/prometheus/check.sh — validates the monitoring configuration (called by .ci/run; runs anywhere).
#
#   promtool check config   prometheus.yml (and the rule files it lists)
#   promtool check rules    slo-rules.yml alerts.yml
#   promtool test rules     tests/*.yml (alerts fire on their symptom, after their `for`, and only then)
#   runbook links           every runbook_url names an existing infra/runbooks file and heading
#   dashboards              infra/grafana/dashboards/*.json parse as JSON (when python3 is present)
#
# promtool comes from Debian's `prometheus` package: installed here when missing and running as root.
# Exit status: 0 when everything passes, 1 otherwise.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$HERE"

fail() { echo "check.sh: $*" >&2; exit 1; }

if ! command -v promtool >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "installing promtool (Debian package prometheus)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends prometheus >/dev/null
  else
    fail "promtool is missing: install Debian's 'prometheus' package (or a Prometheus release) and run again"
  fi
fi
command -v promtool >/dev/null 2>&1 || fail "promtool is still missing after installing the prometheus package"
promtool --version 2>&1 | head -n 1

promtool check config prometheus.yml
promtool check rules slo-rules.yml alerts.yml
promtool test rules tests/*.yml

# Every runbook_url is infra/runbooks/<file>.md#<anchor>; the anchor is a "## <AlertName>" heading.
missing=0
while read -r url; do
  file=${url%%#*} anchor=${url#*#}
  [[ $url == infra/runbooks/*.md#* ]] || { echo "runbook_url not of the form infra/runbooks/<name>.md#<anchor>: $url" >&2; missing=1; continue; }
  if [[ ! -f $ROOT/$file ]]; then
    echo "runbook missing: $file" >&2; missing=1
  elif ! grep -Eqi "^## +$anchor *$" "$ROOT/$file"; then
    echo "runbook heading missing: '## $anchor' in $file" >&2; missing=1
  fi
done < <(sed -n 's/^ *runbook_url: *//p' alerts.yml | sort -u)
((missing == 0)) || fail "runbook links are broken"
echo "runbook links: SUCCESS ($(grep -c 'runbook_url:' alerts.yml) alerts)"

if command -v python3 >/dev/null 2>&1; then
  for dashboard in "$ROOT"/infra/grafana/dashboards/*.json; do
    [[ -e $dashboard ]] || continue
    python3 -m json.tool "$dashboard" >/dev/null || fail "invalid JSON: ${dashboard#"$ROOT"/}"
    echo "dashboard JSON: SUCCESS ${dashboard#"$ROOT"/}"
  done
fi
echo "check.sh: all monitoring checks passed"
