# bench/audit-bench-lib.sh — sourced by bench/audit-query.sh and bench/audit-integrity.sh (not run on its own).
# A stack with auth-service and audit-service, a log seeded through the real ingest path (Kafka → masking → sealing
# → chain), and a COMPLIANCE user's access token.
[[ -n ${ROOT:-} ]] || { echo "audit-bench-lib: source it from a bench script that sets ROOT" >&2; exit 2; }
readonly MITA="$ROOT/infra/local/mita" AUTH="http://127.0.0.1:${AUTH_PORT:-8081}" AUDIT="http://127.0.0.1:${AUDIT_PORT:-8086}"
readonly BOOTSTRAP=${MITA_KAFKA_BOOTSTRAP:-127.0.0.1:9092}
readonly PSQL=(psql -X -q -At -v ON_ERROR_STOP=1 -h "${MITA_DB_HOST:-127.0.0.1}" -p "${MITA_DB_PORT:-5432}"
  -U "${MITA_DB_USER:-postgres}" -d "${AUDIT_DB_NAME:-mita_audit}")
# the topic the seeded events come from (the pattern mita\..+\.v1 takes it in)
readonly SEED_TOPIC=mita.auditbench.seed.v1

# audit_bench_up OUT PROFILE: refuses a running stack, starts auth-service and audit-service with the JVM options of
# PROFILE (bench/lib/profiles.sh: laptop|production), stops them on exit.
audit_bench_up() {
  local -a profile_vars
  # shellcheck source=bench/lib/profiles.sh
  source "$ROOT/bench/lib/profiles.sh"
  mapfile -t profile_vars < <(profile_env "${2:-laptop}")
  if curl -s -o /dev/null "$AUDIT/livez" || curl -s -o /dev/null "$AUTH/livez"; then
    echo "a stack is running; stop it (infra/local/mita down) so this run can start its own" >&2
    exit 1
  fi
  export MITA_READY_TIMEOUT=${MITA_READY_TIMEOUT:-900}
  trap '"$MITA" down >/dev/null 2>&1 || true' EXIT
  env ${profile_vars[@]+"${profile_vars[@]}"} "$MITA" up --detach --only auth,audit >"$1/up.log" 2>&1 || { tail -20 "$1/up.log" >&2; exit 1; }
}

# audit_bench_seed EVENTS OUT: publishes to SEED_TOPIC what the log lacks of EVENTS seeded events (their own times
# spread over 30 days, bench/AuditIngestLoad.java) and waits until audit-service stored them all.
audit_bench_seed() {
  local wanted=$1 out=$2 stored m2 clients slf4j started deadline
  stored=$("${PSQL[@]}" -c "SELECT count(*) FROM audit_event WHERE topic = '$SEED_TOPIC'")
  if ((stored < wanted)); then
    echo "seeding: $((wanted - stored)) events through Kafka and audit-service's ingest ($stored stored before)"
    m2=${MAVEN_REPO:-$HOME/.m2/repository}
    clients=$(find "$m2/org/apache/kafka/kafka-clients" -name 'kafka-clients-*.jar' ! -name '*sources*' ! -name '*test*' | sort -V | tail -1)
    slf4j=$(find "$m2/org/slf4j/slf4j-api" -name 'slf4j-api-*.jar' ! -name '*sources*' | sort -V | tail -1)
    started=$SECONDS
    java -cp "$clients:$slf4j" "$ROOT/bench/AuditIngestLoad.java" "$BOOTSTRAP" "$SEED_TOPIC" "$((wanted - stored))" 1000 30 \
      >>"$out/seed.log" 2>&1
    deadline=$((SECONDS + 3600))
    while ((stored < wanted)); do
      ((SECONDS < deadline)) || { echo "seeding: only $stored of $wanted stored after an hour" >&2; exit 1; }
      sleep 5
      stored=$("${PSQL[@]}" -c "SELECT count(*) FROM audit_event WHERE topic = '$SEED_TOPIC'")
    done
    echo "seeded in $((SECONDS - started)) s"
  fi
  "${PSQL[@]}" -c "ANALYZE audit_event" >/dev/null
  echo "log: $("${PSQL[@]}" -c "SELECT count(*) FROM audit_event") events, $stored of them seeded"
}

# audit_compliance_token: registers a user, has the bootstrap ADMIN grant it USER and COMPLIANCE, prints its token
# (valid 15 minutes).
audit_compliance_token() {
  local email password body user admin
  email="audit-bench-$(date +%s%N)@bench.mita.local"
  password="violet harbour lanterns $(head -c 9 /dev/urandom | base64 | tr -d '/+=')"
  body=$(printf '{"email":"%s","password":"%s","displayName":"bench"}' "$email" "$password")
  user=$(curl -sf -H 'Content-Type: application/json' -d "$body" "$AUTH/api/auth/register" | sed -n 's/.*"userId":"\([^"]*\)".*/\1/p')
  admin=$(curl -sf -H 'Content-Type: application/json' \
    -d "{\"email\":\"${MITA_BOOTSTRAP_ADMIN_EMAIL:-admin@mita.local}\",\"password\":\"${MITA_BOOTSTRAP_ADMIN_PASSWORD:-change-me-admin-password}\"}" \
    "$AUTH/api/auth/login" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"roles":["USER","COMPLIANCE"]}' "$AUTH/api/auth/admin/users/$user/roles"
  curl -sf -H 'Content-Type: application/json' -d "$body" "$AUTH/api/auth/login" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p'
}

# bench_stats FILE [DECIMALS]: median [min–max] of the numbers in FILE, one a line.
bench_stats() {
  sort -g "$1" | awk -v d="${2:-1}" '{v[NR] = $1} END {f = "%." d "f"; printf f " [" f "–" f "]", v[int((NR + 1) / 2)], v[1], v[NR]}'
}
