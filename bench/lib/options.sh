# bench/lib/options.sh — the one option parser of the bench scripts. Source it, set the defaults, then parse:
#
#   source "$ROOT/bench/lib/options.sh"
#   users=1000 jfr=0 extra_env=()
#   parse_options dashboard --users=users --jfr=jfr=1 --env=extra_env[] -- "$@"
#
# Each spec before `--` names an option and the variable it sets:
#   --name=var         `--name VALUE` sets var to VALUE (a missing or empty VALUE is refused)
#   --name=var=word    `--name` alone sets var to word (a switch)
#   --name=var[]       `--name VALUE` appends VALUE to the array var (the option may be given again)
#   pattern=var        an argument matching the glob pattern (e.g. [0-9]*) is itself var's value
# -h and --help print the script's header comment (its usage) and exit 0, before anything has started; any other
# argument is refused: "NAME: unknown option ARG" on stderr, exit status 2.

parse_options() {
  local _po_name=$1 _po_spec _po_pattern _po_target _po_arg _po_matched
  local -a _po_specs=()
  shift
  while (($#)) && [[ $1 != -- ]]; do
    _po_specs+=("$1")
    shift
  done
  (($#)) || { echo "parse_options: the specs end with --" >&2; exit 2; }
  shift
  while (($#)); do
    _po_arg=$1
    if [[ $_po_arg == -h || $_po_arg == --help ]]; then
      print_usage
      exit 0
    fi
    _po_matched=0
    for _po_spec in "${_po_specs[@]}"; do
      _po_pattern=${_po_spec%%=*} _po_target=${_po_spec#*=}
      # shellcheck disable=SC2053 # the pattern is a glob on purpose
      [[ $_po_arg == $_po_pattern ]] || continue
      _po_matched=1
      if [[ $_po_target == *=* ]]; then
        printf -v "${_po_target%%=*}" '%s' "${_po_target#*=}"
      elif [[ $_po_pattern != --* ]]; then
        printf -v "$_po_target" '%s' "$_po_arg"
      elif (($# < 2)) || [[ -z $2 ]]; then
        echo "$_po_name: $_po_arg needs a value" >&2
        exit 2
      elif [[ $_po_target == *'[]' ]]; then
        eval "${_po_target%'[]'}+=(\"\$2\")"
        shift
      else
        printf -v "$_po_target" '%s' "$2"
        shift
      fi
      break
    done
    ((_po_matched)) || { echo "$_po_name: unknown option $_po_arg" >&2; exit 2; }
    shift
  done
}

# print_usage: the running script's header comment, without the `#!` line and the leading "# "
print_usage() {
  awk 'NR == 1 && /^#!/ { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"
}
