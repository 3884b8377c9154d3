#!/usr/bin/env bash
# bench/jfr-top.sh FILE.jfr [N] — where a JFR recording's CPU samples are: the N hottest top frames, and the
# share of samples whose stack passes through each of a few suspects (RSA arithmetic, regular expressions,
# tracing/observation, logging, Spring Security, the gateway, Netty, R2DBC/PostgreSQL, JSON).
#   jcmd <pid> JFR.start duration=20s settings=profile filename=x.jfr ; bench/jfr-top.sh x.jfr
set -euo pipefail
file=${1:?usage: jfr-top.sh FILE.jfr [N]} top=${2:-12}
jfr print --events jdk.ExecutionSample --stack-depth 96 "$file" | awk -v top="$top" '
  function flush() {
    if (!n) return
    samples++
    tops[frames[1]]++
    for (c in pattern) {
      for (i = 1; i <= n; i++) if (frames[i] ~ pattern[c]) { hit[c]++; break }
    }
    n = 0
  }
  BEGIN {
    pattern["RSA/BigInteger (signature check)"] = "^java\\.math\\.BigInteger"
    pattern["JWT decode (Nimbus)"] = "^com\\.nimbusds"
    pattern["regular expressions"] = "^java\\.util\\.regex"
    pattern["observation/tracing"] = "^(io\\.micrometer\\.(observation|tracing)|io\\.opentelemetry)"
    pattern["metrics (Micrometer core)"] = "^io\\.micrometer\\.core"
    pattern["logging (Logback, JSON lines)"] = "^(ch\\.qos\\.logback|org\\.springframework\\.boot\\.logging|org\\.springframework\\.boot\\.json)"
    pattern["PII masking"] = "^io\\.mita\\.common\\.pii"
    pattern["Spring Security"] = "^org\\.springframework\\.security"
    pattern["Spring Cloud Gateway"] = "^org\\.springframework\\.cloud\\.gateway"
    pattern["Netty / Reactor Netty"] = "^(io\\.netty|reactor\\.netty)"
    pattern["R2DBC / PostgreSQL driver"] = "^(io\\.r2dbc|org\\.springframework\\.r2dbc)"
    pattern["Redis (Lettuce)"] = "^io\\.lettuce"
    pattern["JSON (Jackson)"] = "^(tools\\.jackson|com\\.fasterxml)"
  }
  /^jdk\.ExecutionSample/ { flush(); instack = 0; next }
  /stackTrace = \[/ { instack = 1; next }
  instack && /^[[:space:]]*\]/ { instack = 0; next }
  instack {
    line = $0
    sub(/^[[:space:]]+/, "", line); sub(/[[:space:]]+line:.*$/, "", line); sub(/\(.*$/, "", line)
    if (line != "" && line != "...") frames[++n] = line
  }
  END {
    flush()
    if (!samples) { print "  no execution samples"; exit }
    printf "  %d execution samples\n  top frames:\n", samples
    PROCINFO["sorted_in"] = "@val_num_desc"
    k = 0
    for (f in tops) { if (++k > top) break; printf "    %5.1f %%  %s\n", 100 * tops[f] / samples, f }
    printf "  stacks through:\n"
    for (c in hit) printf "    %5.1f %%  %s\n", 100 * hit[c] / samples, c
  }'
