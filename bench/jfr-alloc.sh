#!/usr/bin/env bash
# bench/jfr-alloc.sh FILE.jfr [N] [REQUESTS] — memory side of a JFR recording (settings=profile): garbage
# collections and their pauses, the allocation rate (jdk.ObjectAllocationSample weights), the N classes and
# the N application frames that allocate most, and threads started. With REQUESTS (requests served during
# the recording) it also prints the allocation and GC pause per request.
#   bench/jfr-alloc.sh gateway-on.jfr 12 4400
set -euo pipefail
file=${1:?usage: jfr-alloc.sh FILE.jfr [N] [REQUESTS]} top=${2:-12} requests=${3:-0}
jfr print --events jdk.GarbageCollection,jdk.ObjectAllocationSample,jdk.ThreadStart,jdk.ActiveRecording \
  --stack-depth 24 "$file" | awk -v top="$top" -v requests="$requests" '
  function bytes(v, u) { return u == "bytes" ? v : u == "kB" ? v * 1024 : u == "MB" ? v * 1048576 : u == "GB" ? v * 1073741824 : v }
  function ms(v, u) { return u == "ns" ? v / 1e6 : u == "us" ? v / 1e3 : u == "ms" ? v : u == "s" ? v * 1e3 : u == "min" ? v * 6e4 : v }
  function flush() {
    if (ev == "alloc") {
      total += w; cls[klass] += w
      # the first frame outside the JDK, Reactor and Netty plumbing names who allocated
      who = ""
      for (i = 1; i <= n; i++) if (frames[i] !~ /^(java\.|jdk\.|sun\.|reactor\.core\.|io\.netty\.buffer)/) { who = frames[i]; break }
      if (who == "") who = frames[1]
      site[who] += w
    }
    ev = ""; n = 0; instack = 0
  }
  /^jdk\.ObjectAllocationSample/ { flush(); ev = "alloc"; w = 0; klass = "?"; next }
  /^jdk\.GarbageCollection/ { flush(); ev = "gc"; gcs++; next }
  /^jdk\.ThreadStart/ { flush(); ev = "thread"; threads++; next }
  /^jdk\.ActiveRecording/ { flush(); ev = "rec"; next }
  ev == "rec" && $1 == "recordingDuration" { dur = ms($3, $4) / 1000 }
  ev == "gc" && $1 == "sumOfPauses" { pauses += ms($3, $4) }
  ev == "gc" && $1 == "name" { gcname[$3]++ }
  ev == "alloc" && $1 == "objectClass" { klass = $3 }
  ev == "alloc" && $1 == "weight" { w = bytes($3, $4) }
  ev == "alloc" && /stackTrace = \[/ { instack = 1; next }
  instack && /^[[:space:]]*\]/ { instack = 0; next }
  instack {
    line = $0
    sub(/^[[:space:]]+/, "", line); sub(/[[:space:]]+line:.*$/, "", line); sub(/\(.*$/, "", line)
    if (line != "" && line != "...") frames[++n] = line
  }
  END {
    flush()
    if (!dur) dur = 20
    printf "  recording %.0f s: %d GCs (", dur, gcs
    for (g in gcname) printf "%s %d ", g, gcname[g]
    printf "), pauses %.0f ms in total = %.1f %% of the time; %d threads started\n", pauses, 100 * pauses / (dur * 1000), threads
    printf "  allocation (sampled weights): %.0f MB/s", total / 1048576 / dur
    if (requests > 0) printf ", %.1f KB and %.3f ms of GC pause per request (%d requests)", total / 1024 / requests, pauses / requests, requests
    printf "\n  top allocated classes:\n"
    PROCINFO["sorted_in"] = "@val_num_desc"
    k = 0
    for (c in cls) { if (++k > top) break; printf "    %5.1f %%  %s\n", 100 * cls[c] / total, c }
    printf "  top allocating frames (first outside java.*, jdk.*, reactor.core.*, io.netty.buffer):\n"
    k = 0
    for (s in site) { if (++k > top) break; printf "    %5.1f %%  %s\n", 100 * site[s] / total, s }
  }'
