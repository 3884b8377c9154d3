#!/usr/bin/env bash
# bench/lib/check.sh — tests of the bench scripts' stack lock (bench/lib/stack-lock.sh; called by .ci/run; runs
# anywhere, starts nothing, never touches /tmp/mita-stack.lock: a scratch lock file stands in for it).
# Exit status: 0 when every check passes, 1 otherwise.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
export MITA_STACK_LOCK="$SCRATCH/stack.lock" OTHER_LOCK="$SCRATCH/other.lock" RUNS="$SCRATCH/runs"
unset MITA_BENCH_LOCKED

failures=0
check() {
  local description=$1; shift
  : >"$RUNS"
  if "$@"; then echo "ok    $description"; else echo "FAIL  $description"; failures=$((failures + 1)); fi
}

# A bench script in miniature: takes the lock as the real ones do, then notes each start, its arguments and whether
# the lock is held when it goes on (a second open of the file cannot take it then).
readonly BENCH="$SCRATCH/bench.sh"
cat >"$BENCH" <<EOF
#!/usr/bin/env bash
set -euo pipefail
source "$HERE/stack-lock.sh"
echo start >>"\$RUNS"
run_under_stack_lock "\$0" "\$@"
if flock -n "\$MITA_STACK_LOCK" true; then echo "free \$*" >>"\$RUNS"; else echo "held \$*" >>"\$RUNS"; fi
EOF
chmod +x "$BENCH"

# ran_once_holding_the_lock / ran_twice_holding_the_lock ARGS: what $RUNS must say (a run that waits on itself is
# stopped by timeout and leaves no "held" line)
runs_are() { [[ $(<"$RUNS") == "$1" ]] || { printf '      runs: %s\n' "$(tr '\n' '|' <"$RUNS")"; return 1; }; }
ran_once_holding_the_lock() { runs_are $'start\nheld '"$1"; }
ran_twice_holding_the_lock() { runs_are $'start\nstart\nheld '"$1"; }

a_script_run_without_the_lock_runs_again_under_it_with_its_arguments() {
  timeout 20 "$BENCH" --events 10 --name 'two words' && ran_twice_holding_the_lock '--events 10 --name two words'
}

a_script_run_under_flock_of_the_lock_does_not_wait_on_itself() {
  timeout 20 flock "$MITA_STACK_LOCK" "$BENCH" --rounds 3 && ran_once_holding_the_lock '--rounds 3'
}

a_script_run_under_flock_that_closes_the_descriptor_does_not_wait_on_itself() {
  timeout 20 flock -o "$MITA_STACK_LOCK" "$BENCH" --rounds 3 && ran_once_holding_the_lock '--rounds 3'
}

a_script_run_from_a_shell_holding_the_lock_on_a_descriptor_does_not_wait_on_itself() {
  # shellcheck disable=SC2016 # expanded by the inner shell
  timeout 20 bash -c 'exec 9>"$MITA_STACK_LOCK"; flock 9; "$1"' _ "$BENCH" && ran_once_holding_the_lock ''
}

a_script_run_under_another_lock_takes_the_stack_lock() {
  timeout 20 flock "$OTHER_LOCK" "$BENCH" && ran_twice_holding_the_lock ''
}

a_script_waits_while_another_holds_the_lock() {
  flock "$MITA_STACK_LOCK" sleep 3 &
  local holder=$! started=$SECONDS
  sleep 1
  timeout 20 "$BENCH" && wait "$holder" && ((SECONDS - started >= 2)) && ran_twice_holding_the_lock ''
}

check "a script run without the lock runs again under it, with its arguments" \
  a_script_run_without_the_lock_runs_again_under_it_with_its_arguments
check "a script run under flock of the lock does not wait on itself" \
  a_script_run_under_flock_of_the_lock_does_not_wait_on_itself
check "a script run under flock -o (descriptor closed in the script) does not wait on itself" \
  a_script_run_under_flock_that_closes_the_descriptor_does_not_wait_on_itself
check "a script run from a shell holding the lock on a descriptor does not wait on itself" \
  a_script_run_from_a_shell_holding_the_lock_on_a_descriptor_does_not_wait_on_itself
check "a script run under another lock file takes the stack lock" a_script_run_under_another_lock_takes_the_stack_lock
check "a script waits while another process holds the lock" a_script_waits_while_another_holds_the_lock

((failures == 0)) || { echo "check.sh: $failures check(s) failed" >&2; exit 1; }
