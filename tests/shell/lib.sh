# lib.sh - what the shell tests share, sourced by each tests/shell/*.sh.
#
# The harness exports SOCKSHELL (the built binary), top_srcdir,
# top_builddir, PYTHON3 and NO_COLOR.  A test reports with the points of
# tests/lib/tap.sh (ok, is, like, has, hasnt, empty, skip, finish...),
# writes its files under $T, and runs sockshell and python through these,
# each bounded, so no test can hang:
#
#   run ARG...          run sockshell with stdin from /dev/null; sets
#                       $status and fills $T/out and $T/err
#   run_in TEXT ARG...  the same with TEXT (printf %s) on stdin
#   status_is WANT DESC a test point: the last run's exit status
#   have_python         is python3 here?
#   python_peer CODE    start "$PYTHON3 -c CODE" in the background; its
#                       first line of output (a port) lands in $peer_port
#   wait_peer           wait for it; its status in $peer_status

. "${top_srcdir:-.}/tests/lib/tap.sh"
if test -z "${SOCKSHELL:-}"; then
	bail "SOCKSHELL is not set: run this through make check"
fi
if test ! -x "$SOCKSHELL"; then
	bail "$SOCKSHELL is not an executable"
fi

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
	$TAP_BOUND "$PYTHON3" -c "$1" >"$T/peer.out" 2>"$T/peer.err" &
	peer_pid=$!
	tap_track "$peer_pid"
	peer_port=
	wait_for 5 peer_has_port && return 0
	diag "the python peer gave no port"
	diag_file "$T/peer.err" "peer stderr"
	return 1
}

# peer_has_port: the peer's first line is a number, now in $peer_port.
peer_has_port() {
	peer_port=$(sed -n 1p "$T/peer.out")
	case $peer_port in
	[0-9]*) return 0 ;;
	esac
	return 1
}

# wait_peer: wait for the background peer to finish; $peer_status.
wait_peer() {
	wait "$peer_pid"
	peer_status=$?
	tap_untrack "$peer_pid"
}
