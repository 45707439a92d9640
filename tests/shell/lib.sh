# lib.sh - TAP for the shell tests, sourced by each tests/shell/*.sh.
#
# The harness exports SOCKSHELL (the built binary), top_srcdir,
# top_builddir, PYTHON3 and NO_COLOR.  A test sources this file, calls
# plan (or done_testing at the end), and reports with ok, is, has,
# hasnt, empty, status_is and skip.
# Every run of sockshell or python goes through `bounded`, so no test can
# hang: the whole suite stays fast even when the shell misbehaves.
#
#   run ARG...          run sockshell with stdin from /dev/null; sets
#                       $status and fills $T/out and $T/err
#   run_in TEXT ARG...  the same with TEXT (printf %s) on stdin
#   ok DESC CMD...      a test point: CMD succeeds
#   is GOT WANT DESC    a test point: GOT = WANT
#   has FILE TEXT DESC  a test point: FILE holds the fixed string TEXT
#   hasnt FILE TEXT DESC
#   skip DESC WHY       a test point that cannot run here
#   python_peer CODE    start "$PYTHON3 -c CODE" in the background; its
#                       first line of output (a port) lands in $peer_port

tap_n=0
tap_failed=0
tap_planned=

if test -z "${SOCKSHELL:-}"; then
	echo "Bail out! SOCKSHELL is not set: run this through make check"
	exit 1
fi
if test ! -x "$SOCKSHELL"; then
	echo "Bail out! $SOCKSHELL is not an executable"
	exit 1
fi
NO_COLOR=1
export NO_COLOR

# A private scratch directory under the build tree, removed at the end.
tap_name=$(basename "$0" .sh)
T=${top_builddir:-.}/tests/shell/$tap_name.tmp
rm -rf "$T"
mkdir -p "$T" || { echo "Bail out! cannot make $T"; exit 1; }
T=$(cd "$T" && pwd)
tap_pids=

tap_cleanup() {
	for p in $tap_pids; do
		kill "$p" 2>/dev/null
	done
	if test "$tap_failed" -eq 0 && test -z "${KEEP_TMP:-}"; then
		rm -rf "$T"
	fi
}
trap tap_cleanup 0
trap 'exit 130' INT TERM

# bounded CMD...: run CMD, killed after 10 seconds.
if command -v timeout >/dev/null 2>&1; then
	tap_timeout="timeout 10"
else
	tap_timeout=
fi
bounded() { $tap_timeout "$@"; }

plan() {
	tap_planned=$1
	echo "1..$1"
}

diag() {
	printf '%s\n' "$@" | sed 's/^/# /'
}

# Show a file as TAP comments (after a failure).
diag_file() {
	if test -s "$1"; then
		printf '# --- %s:\n' "$2"
		sed 's/^/#   /' "$1" | head -n 40
	fi
}

tap_point() {
	tap_n=$((tap_n + 1))
	if test "$1" -eq 0; then
		printf 'ok %d - %s\n' "$tap_n" "$2"
	else
		printf 'not ok %d - %s\n' "$tap_n" "$2"
		tap_failed=$((tap_failed + 1))
	fi
	return "$1"
}

# ok DESC CMD...: CMD must succeed.
ok() {
	tap_desc=$1
	shift
	"$@"
	tap_point $? "$tap_desc"
}

# is GOT WANT DESC
is() {
	if test "x$1" = "x$2"; then
		tap_point 0 "$3"
	else
		tap_point 1 "$3"
		diag "got:  '$1'" "want: '$2'"
		return 1
	fi
}

# has FILE TEXT DESC: FILE holds TEXT (fixed string, one line of it).
has() {
	if grep -F -e "$2" "$1" >/dev/null 2>&1; then
		tap_point 0 "$3"
	else
		tap_point 1 "$3"
		diag "missing: $2"
		diag_file "$1" "$(basename "$1")"
		return 1
	fi
}

# hasnt FILE TEXT DESC: FILE does not hold TEXT.
hasnt() {
	if grep -F -e "$2" "$1" >/dev/null 2>&1; then
		tap_point 1 "$3"
		diag "unexpected: $2"
		diag_file "$1" "$(basename "$1")"
		return 1
	else
		tap_point 0 "$3"
	fi
}

# empty FILE DESC: FILE exists and is empty.
empty() {
	if test -f "$1" && ! test -s "$1"; then
		tap_point 0 "$2"
	else
		tap_point 1 "$2"
		diag_file "$1" "$(basename "$1")"
		return 1
	fi
}

skip() {
	tap_n=$((tap_n + 1))
	printf 'ok %d - %s # SKIP %s\n' "$tap_n" "$1" "$2"
}

done_testing() {
	if test -z "$tap_planned"; then
		echo "1..$tap_n"
	fi
	test "$tap_failed" -eq 0
	exit $?
}

# run ARG...: sockshell, stdin /dev/null, output in $T/out and $T/err.
run() {
	bounded "$SOCKSHELL" "$@" </dev/null >"$T/out" 2>"$T/err"
	status=$?
}

# run_in TEXT ARG...: sockshell with TEXT on stdin.
run_in() {
	tap_text=$1
	shift
	printf '%s' "$tap_text" >"$T/stdin"
	bounded "$SOCKSHELL" "$@" <"$T/stdin" >"$T/out" 2>"$T/err"
	status=$?
}

# status_is WANT DESC: the last run's exit status.
status_is() {
	if ! is "$status" "$1" "$2"; then
		diag_file "$T/out" stdout
		diag_file "$T/err" stderr
		return 1
	fi
}

# Python peers: is python3 here?
have_python() {
	test -n "${PYTHON3:-}" && "$PYTHON3" -c 'import socket' >/dev/null 2>&1
}

# python_peer CODE: run CODE in the background under `bounded`, its
# output in $T/peer.out; wait (at most 5 s) for its first line, which must
# be the port it listens on, and put it in $peer_port.  Returns 1 when no
# port came.
python_peer() {
	: >"$T/peer.out"
	# Not through the function: $! must be the process itself.
	$tap_timeout "$PYTHON3" -c "$1" >"$T/peer.out" 2>"$T/peer.err" &
	peer_pid=$!
	tap_pids="$tap_pids $peer_pid"
	peer_port=
	tap_i=0
	while test "$tap_i" -lt 100; do
		peer_port=$(sed -n 1p "$T/peer.out")
		case $peer_port in
		[0-9]*) return 0 ;;
		esac
		sleep 0.05
		tap_i=$((tap_i + 1))
	done
	diag "the python peer gave no port"
	diag_file "$T/peer.err" "peer stderr"
	return 1
}

# wait_peer: wait for the background peer to finish; $peer_status.
wait_peer() {
	wait "$peer_pid"
	peer_status=$?
}
