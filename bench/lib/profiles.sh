# bench/lib/profiles.sh — sourced by the benchmarks that start their own stack with a chosen JVM profile.
#
# laptop      the JVM options infra/local/mita uses by default (C1 only for the data services, for start-up and
#             idle memory; full JIT for the gateway and auth-service)
# production  what docker-compose.yml and infra/docker/service.Dockerfile run (full JIT, heap sized for throughput);
#             keep in step with them
readonly PRODUCTION_JVM_OPTS="-XX:+UseSerialGC -Xss512k -Xms128m -Xmx384m -XX:MaxMetaspaceSize=192m \
-XX:ReservedCodeCacheSize=128m -XX:+ExitOnOutOfMemoryError \
-XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000"

# profile_env PROFILE: prints the environment assignments (one per line) infra/local/mita needs for PROFILE;
# fails on an unknown profile
profile_env() {
  case $1 in
    laptop) ;;
    production) printf '%s\n' "MITA_JVM_OPTS=$PRODUCTION_JVM_OPTS" "MITA_FULL_JIT_JVM_OPTS=$PRODUCTION_JVM_OPTS" ;;
    *) echo "unknown profile $1 (laptop|production)" >&2; return 2 ;;
  esac
}
