# tests/pairs/lib.sh - what the pair tests share.  Sourced, not run.
#
# Hides free ports, running a lesson half or a Python peer (tests/data/
# peers.py) in the background with every wait bounded, and the cleanup of
# whatever was started.  The TAP is tests/lib/tap.sh's (pass, fail, skip,
# finish...); the scratch directory is its $T, here also $tmp.  The
# harness exports SOCKSHELL, top_srcdir, top_builddir, PYTHON3 and
# NO_COLOR; a test sets "name" before sourcing this file.

. "${top_srcdir:-.}/tests/lib/tap.sh"
ex=$top_srcdir/examples
peers=$(test_file_path peers.py)

# The halves read these; a user's shell may have set HOST or PORT.
unset HOST PORT FAMILY
TIMEOUT=10
export TIMEOUT

py_count=0	# numbers the output files

# show_lines FILE: a file's lines as TAP comments, for a failed test.
show_lines() { sed 's/^/#   /' "$1"; }

# reap PID: wait for a background process (its own timeout bounds the
# wait) and return its exit status.  Only processes still ours are killed
# at exit: reap takes a pid off tap.sh's list when it has been waited for,
# before the system can give it to another.
reap() {
	wait "$1"
	_status=$?
	tap_untrack "$1"
	return $_status
}

if [ -z "$SOCKSHELL" ] || [ ! -x "$SOCKSHELL" ]; then
	skip_all "SOCKSHELL is not set (run by make check)"
fi
if [ -z "$PYTHON3" ] || ! "$PYTHON3" -c 'import socket' 2>/dev/null; then
	skip_all "python3 not found"
fi
if ! command -v timeout >/dev/null 2>&1; then
	skip_all "timeout(1) not found"
fi

tmp=$T
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
		pass "$3 ($(grep -c '^ok' "$1") expect lines passed)"
	else
		fail "$3 (exit status $2)"
		show_lines "$1"
	fi
}

# check_run FILE STATUS DESCRIPTION: one test point for any other program.
check_run() {
	if [ "$2" -eq 0 ]; then
		pass "$3"
	else
		fail "$3 (exit status $2)"
		show_lines "$1"
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
		tap_track "$half_pid"
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
	tap_track "$py_pid"
	port=
	wait_for 10 py_said_port
	[ -n "$port" ]
}

# py_said_port: the server said its port (now in $port), or it is gone.
py_said_port() {
	port=$(sed -n 's/^PORT //p' "$py_out" | head -n 1)
	[ -n "$port" ] || ! kill -0 "$py_pid" 2>/dev/null
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
		pass "$4"
	else
		fail "$4 (exit status $2)"
		show_lines "$1"
	fi
}

# not_ready DESCRIPTION FILE: a server that never got ready.
not_ready() {
	fail "$1 gets ready"
	show_lines "$2"
}
