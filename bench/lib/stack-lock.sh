# shellcheck shell=bash
# bench/lib/stack-lock.sh — sourced by the bench scripts that start their own stack: one stack at a time on this
# machine (its ports are fixed), under flock(1) on /tmp/mita-stack.lock (MITA_STACK_LOCK, for bench/lib/check.sh).
#
#   source "$ROOT/bench/lib/stack-lock.sh"
#   run_under_stack_lock "$0" --events "$events" ...     (after the options are parsed, before anything starts)

MITA_STACK_LOCK=$(realpath -m "${MITA_STACK_LOCK:-/tmp/mita-stack.lock}")

# stack_lock_held: true when this shell or one of its ancestors has the lock file open: `flock FILE CMD` (the way the
# briefs give it) leaves its locked descriptor open in CMD, `flock -o FILE CMD` keeps it in flock itself (CMD's
# parent), `exec 9>FILE; flock 9` in the shell that runs CMD. A second flock on the same file from inside would wait
# for that one forever (it did, 2026-12-02 04:12–04:33, holding every bench back).
stack_lock_held() {
  local pid=$$ fd key value
  while ((pid > 1)); do
    for fd in "/proc/$pid/fd/"*; do
      [[ $(readlink "$fd" 2>/dev/null) == "$MITA_STACK_LOCK" ]] && return 0
    done
    value=0
    while read -r key value; do
      [[ $key == PPid: ]] && break
    done 2>/dev/null <"/proc/$pid/status" || return 1
    pid=${value:-0}
  done
  return 1
}

# run_under_stack_lock SCRIPT ARG...: returns when the lock is held already (stack_lock_held, or MITA_BENCH_LOCKED
# set by whoever holds it); otherwise replaces this process with `flock LOCK SCRIPT ARG...`, which waits for the lock
# and runs the script again from the start, now holding it. ARG... must be the options the script was given.
run_under_stack_lock() {
  [[ -n ${MITA_BENCH_LOCKED:-} ]] && return 0
  stack_lock_held && return 0
  exec env MITA_BENCH_LOCKED=1 flock "$MITA_STACK_LOCK" "$@"
}
