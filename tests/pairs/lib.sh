# tests/pairs/lib.sh - what the pair tests share.  Sourced, not run.
#
# Hides TAP numbering, free ports, running a lesson half or a Python peer
# in the background with every wait bounded, and the cleanup of whatever
# was started.  The harness exports SOCKSHELL, top_srcdir, top_builddir,
# PYTHON3 and NO_COLOR; a test sets "name" before sourcing this file.

ex=$top_srcdir/examples
peers=$top_srcdir/tests/pairs/peers.py

# The halves read these; a user's shell may have set HOST or PORT.
unset HOST PORT FAMILY
TIMEOUT=10
export TIMEOUT

n=0
pids=
tmp=
py_count=0	# numbers the output files

tap_ok() { n=$((n + 1)); echo "ok $n - $1"; }
tap_not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }
tap_skip() { n=$((n + 1)); echo "ok $n # SKIP $1"; }
tap_done() { echo "1..$n"; }
# A file's lines as TAP comments, for a failed test.
tap_show() { sed 's/^/#   /' "$1"; }

# Only processes still ours are killed: reap takes a pid off the list
# when it has been waited for, before the system can give it to another.
cleanup() {
	for p in $pids; do
		kill "$p" 2>/dev/null
	done
	wait 2>/dev/null
	[ -n "$tmp" ] && rm -rf "$tmp"
}

# reap PID: wait for a background process (its own timeout bounds the
# wait) and return its exit status.
reap() {
	wait "$1"
	_status=$?
	_left=
	for p in $pids; do
		[ "$p" = "$1" ] || _left="$_left $p"
	done
	pids=$_left
	return $_status
}
trap cleanup EXIT
trap 'exit 130' HUP INT TERM

if [ -z "$SOCKSHELL" ] || [ ! -x "$SOCKSHELL" ]; then
	echo "1..0 # SKIP SOCKSHELL is not set (run by make check)"
	exit 0
fi
if [ -z "$PYTHON3" ] || ! "$PYTHON3" -c 'import socket' 2>/dev/null; then
	echo "1..0 # SKIP python3 not found"
	exit 0
fi
if ! command -v timeout >/dev/null 2>&1; then
	echo "1..0 # SKIP timeout(1) not found"
	exit 0
fi

mkdir -p "${top_builddir:-.}/tests/pairs"
tmp=$(mktemp -d "${top_builddir:-.}/tests/pairs/$name.XXXXXX") || exit 1
# Python's temporary files (http.server's directory) go there too.
TMPDIR=$tmp
export TMPDIR

py() { timeout 30 "$PYTHON3" "$peers" "$@"; }

have_ipv6() { py ipv6 >/dev/null 2>&1; }
have_nc() { command -v nc >/dev/null 2>&1 && nc -h 2>&1 | grep -qi 'shutdown.*EOF'; }
have_curl() { command -v curl >/dev/null 2>&1; }

# check_tap FILE STATUS DESCRIPTION: one test point for a lesson half run
# with --tap: its exit status 0, a plan, no "not ok".
check_tap() {
	if [ "$2" -eq 0 ] && grep -q '^1\.\.[1-9]' "$1" && ! grep -q '^not ok' "$1"; then
		tap_ok "$3 ($(grep -c '^ok' "$1") expect lines passed)"
	else
		tap_not_ok "$3 (exit status $2)"
		tap_show "$1"
	fi
}

# check_run FILE STATUS DESCRIPTION: one test point for any other program.
check_run() {
	if [ "$2" -eq 0 ]; then
		tap_ok "$3"
	else
		tap_not_ok "$3 (exit status $2)"
		tap_show "$1"
	fi
}

# start_half FILE PROTO 4|6 [VAR=VALUE]...: run the lesson half
# examples/FILE with --tap in the background on a free port, and wait
# until it listens (TCP) or is bound (UDP).  Sets port, half_pid and
# half_out.  A port taken between the choice and the bind is chosen
# again.  Returns 1 (its output in half_out) if it never got ready.
start_half() {
	_file=$1 _proto=$2 _fam=$3
	shift 3
	_try=0
	while [ $_try -lt 3 ]; do
		_try=$((_try + 1))
		port=$(py freeport "$_proto" "$_fam") || return 1
		py_count=$((py_count + 1))
		half_out=$tmp/${_file%.sock}.$py_count.out
		env PORT="$port" "$@" timeout 30 "$SOCKSHELL" --tap --timeout 10 \
			"$ex/$_file" >"$half_out" 2>&1 &
		half_pid=$!
		pids="$pids $half_pid"
		if py waitport "$_proto" "$_fam" "$port" 10 "$half_pid" >>"$half_out.wait" 2>&1; then
			return 0
		fi
		kill "$half_pid" 2>/dev/null
		reap "$half_pid" 2>/dev/null
		grep -q EADDRINUSE "$half_out" || return 1
	done
	return 1
}

# finish_half DESCRIPTION: wait for the half started last (bounded by its
# timeout) and check its TAP.
finish_half() {
	reap "$half_pid"
	check_tap "$half_out" $? "$1"
}

# run_half FILE DESCRIPTION [VAR=VALUE]...: run a lesson half in the
# foreground against the server on $port, and check its TAP.
run_half() {
	_file=$1 _desc=$2
	shift 2
	_out=$tmp/${_file%.sock}.run.out
	env PORT="$port" "$@" timeout 30 "$SOCKSHELL" --tap --timeout 10 "$ex/$_file" >"$_out" 2>&1
	check_tap "$_out" $? "$_desc"
	last_out=$_out
}

# start_py NAME [ARG]...: a Python server from peers.py in the background;
# it chooses its own port and says so.  Sets port, py_pid and py_out.
start_py() {
	py_count=$((py_count + 1))
	py_out=$tmp/py.$1.$py_count.out
	: >"$py_out"
	timeout 30 "$PYTHON3" "$peers" "$@" >"$py_out" 2>&1 &
	py_pid=$!
	pids="$pids $py_pid"
	_i=0
	while [ $_i -lt 100 ]; do
		port=$(sed -n 's/^PORT //p' "$py_out" | head -n 1)
		[ -n "$port" ] && return 0
		kill -0 "$py_pid" 2>/dev/null || break
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}

# finish_py DESCRIPTION: wait for the Python server and check its verdict.
finish_py() {
	reap "$py_pid"
	check_run "$py_out" $? "$1"
}

# check_output FILE STATUS WANT DESCRIPTION: a program that must exit 0
# and write exactly WANT (a printf format: \n for newlines).
check_output() {
	printf "$3" >"$1.want"
	if [ "$2" -eq 0 ] && cmp -s "$1" "$1.want"; then
		tap_ok "$4"
	else
		tap_not_ok "$4 (exit status $2)"
		tap_show "$1"
	fi
}

# not_ready DESCRIPTION FILE: a server that never got ready.
not_ready() {
	tap_not_ok "$1 gets ready"
	tap_show "$2"
}
