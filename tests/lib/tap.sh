# tests/lib/tap.sh - the one TAP library of the shell tests.  Sourced, not run.
#
# Every test point, plan, skip and "Bail out!" of a shell test is printed
# here, so the stream is always well formed and the exit status always
# tells the truth.  The area libraries (tests/AREA/lib.sh) source this file
# and add what their tests share on top of it.  The shape is C TAP
# Harness's libtap.sh; the names and order of arguments are Test::More's
# (what the test got first, then what it expected).
#
# The plan:
#   plan N                  N points follow (else the plan is printed by finish)
#   skip_all WHY            "1..0 # SKIP WHY" and exit 0: nothing can run here
#   bail WHY                "Bail out! WHY" and exit 1: nothing more can run
#   finish                  the plan if not printed yet; exit 1 when a point
#                           failed or the count differs from the plan, else 0
# Test points (each returns 0 when it passed, 1 when not):
#   ok DESC CMD...          CMD succeeds
#   pass DESC / fail DESC [DIAG]...
#   is GOT EXPECTED DESC    the strings are equal (else both are shown)
#   like GOT ERE DESC       GOT matches the extended regular expression
#   unlike GOT ERE DESC     it does not
#   has FILE TEXT DESC      FILE holds the fixed string TEXT
#   hasnt FILE TEXT DESC    it does not
#   empty FILE DESC         FILE exists and is empty
#   skip [DESC] WHY         a point that cannot run here
#   skip_block N WHY        N of them
# Comments:
#   diag LINE...            each LINE as a "# " comment
#   diag_file FILE [LABEL]  the first 40 lines of FILE, indented
#   tap_on_fail FUNC        run FUNC (to show more) after every failed point
# Bounded waits and runs (nothing in a test may wait forever):
#   bounded CMD...          CMD, killed after $TAP_TIMEOUT (10) seconds
#   $TAP_BOUND CMD... &     the same in the background, where $! must be
#                           the process itself, not a subshell
#   wait_for SECS CMD...    poll CMD every 0.1 s until it succeeds (0) or
#                           SECS seconds have passed (1)
#   wait_file FILE [SECS]   until FILE exists and is not empty
#   wait_port tcp|udp PORT [SECS]
#                           until something listens on (TCP) or is bound to
#                           (UDP) the loopback port PORT (Linux's /proc/net)
# Files and processes:
#   T                       this test's scratch directory, under the build
#                           tree: $top_builddir/tests/AREA/NAME.tmp, made
#                           empty at the start and removed at exit (kept
#                           when a point failed, or KEEP_TMP is set)
#   test_file_path NAME     the path of tests/data/NAME in the source tree
#   tap_track PID           kill PID at exit unless tap_untrack PID first
#   tap_at_exit CMD         run the shell command CMD at exit (LIFO)
#
# The harness exports top_srcdir and top_builddir; run by hand they default
# to the source tree this file is in and a build in it.

if test -z "${top_srcdir:-}"; then
	top_srcdir=$(cd "$(dirname "$0")/../.." && pwd)
fi
: "${top_builddir:=$top_srcdir}"
NO_COLOR=1
export NO_COLOR
# The messages in English, whatever the user's locale: only the tests of
# tests/po set a language, for the commands they run.
LC_ALL=C
export LC_ALL
unset LANGUAGE

_tap_n=0
_tap_failed=0
_tap_planned=
_tap_finished=
_tap_on_fail=
_tap_pids=
_tap_at_exit=

# ---- the plan ----

plan() {
	_tap_planned=$1
	echo "1..$1"
}

skip_all() {
	if test "$_tap_n" -gt 0 || test -n "$_tap_planned"; then
		bail "skip_all after the plan or a test point: $*"
	fi
	echo "1..0 # SKIP $*"
	_tap_finished=1
	exit 0
}

bail() {
	echo "Bail out! $*"
	_tap_finished=1
	exit 1
}

finish() {
	_tap_status=0
	if test -z "$_tap_planned"; then
		echo "1..$_tap_n"
	elif test "$_tap_planned" -ne "$_tap_n"; then
		diag "planned $_tap_planned test points but ran $_tap_n"
		_tap_status=1
	fi
	if test "$_tap_failed" -gt 0; then
		diag "failed $_tap_failed of $_tap_n test points"
		_tap_status=1
	fi
	_tap_finished=1
	exit "$_tap_status"
}

# ---- test points ----

# _tap_point STATUS DESC: print point number n+1, ok when STATUS is 0.
_tap_point() {
	_tap_n=$((_tap_n + 1))
	if test "$1" -eq 0; then
		printf 'ok %d - %s\n' "$_tap_n" "$2"
		return 0
	fi
	printf 'not ok %d - %s\n' "$_tap_n" "$2"
	_tap_failed=$((_tap_failed + 1))
	return 1
}

# _tap_failed_hook: after a failed point, let the area library show more.
_tap_failed_hook() {
	if test -n "$_tap_on_fail"; then
		"$_tap_on_fail"
	fi
	return 1
}

tap_on_fail() {
	_tap_on_fail=$1
}

ok() {
	_tap_desc=$1
	shift
	"$@"
	_tap_point $? "$_tap_desc" || _tap_failed_hook
}

pass() {
	_tap_point 0 "$1"
}

fail() {
	_tap_point 1 "$1"
	shift
	if test $# -gt 0; then
		diag "$@"
	fi
	_tap_failed_hook
}

is() {
	if test "x$1" = "x$2"; then
		_tap_point 0 "$3"
	else
		_tap_point 1 "$3"
		diag "got:      '$1'" "expected: '$2'"
		_tap_failed_hook
	fi
}

like() {
	if printf '%s\n' "$1" | grep -E -q -e "$2"; then
		_tap_point 0 "$3"
	else
		_tap_point 1 "$3"
		diag "got:      '$1'" "expected to match: $2"
		_tap_failed_hook
	fi
}

unlike() {
	if printf '%s\n' "$1" | grep -E -q -e "$2"; then
		_tap_point 1 "$3"
		diag "got:      '$1'" "expected not to match: $2"
		_tap_failed_hook
	else
		_tap_point 0 "$3"
	fi
}

has() {
	if grep -F -e "$2" "$1" >/dev/null 2>&1; then
		_tap_point 0 "$3"
	else
		_tap_point 1 "$3"
		diag "missing: $2"
		diag_file "$1"
		_tap_failed_hook
	fi
}

hasnt() {
	if grep -F -e "$2" "$1" >/dev/null 2>&1; then
		_tap_point 1 "$3"
		diag "unexpected: $2"
		diag_file "$1"
		_tap_failed_hook
	else
		_tap_point 0 "$3"
	fi
}

empty() {
	if test -f "$1" && ! test -s "$1"; then
		_tap_point 0 "$2"
	else
		_tap_point 1 "$2"
		if test -f "$1"; then
			diag_file "$1"
		else
			diag "no such file: $1"
		fi
		_tap_failed_hook
	fi
}

skip() {
	_tap_n=$((_tap_n + 1))
	if test $# -lt 2; then
		printf 'ok %d # SKIP %s\n' "$_tap_n" "$1"
	else
		printf 'ok %d - %s # SKIP %s\n' "$_tap_n" "$1" "$2"
	fi
}

skip_block() {
	_tap_i=0
	while test "$_tap_i" -lt "$1"; do
		_tap_n=$((_tap_n + 1))
		printf 'ok %d # SKIP %s\n' "$_tap_n" "$2"
		_tap_i=$((_tap_i + 1))
	done
}

# ---- comments ----

diag() {
	for _tap_line in "$@"; do
		printf '%s\n' "$_tap_line" | sed 's/^/# /'
	done
}

diag_file() {
	if test -s "$1"; then
		printf '# --- %s:\n' "${2:-$(basename "$1")}"
		head -c 4000 "$1" | head -n 40 | sed 's/^/#   /'
	fi
}

# ---- bounded waits and runs ----

: "${TAP_TIMEOUT:=10}"
if command -v timeout >/dev/null 2>&1; then
	TAP_BOUND="timeout -k 2 $TAP_TIMEOUT"
else
	TAP_BOUND=
fi

bounded() {
	$TAP_BOUND "$@"
}

wait_for() {
	_tap_end=$(($(date +%s) + $1))
	shift
	while :; do
		"$@" && return 0
		test "$(date +%s)" -gt "$_tap_end" && return 1
		sleep 0.1 2>/dev/null || sleep 1
	done
}

wait_file() {
	wait_for "${2:-$TAP_TIMEOUT}" test -s "$1"
}

# _tap_port_in PROTO PORT: is PORT listening (tcp) or bound (udp) in
# /proc/net?  The port is the 4 hex digits after the local address's
# colon; a TCP listener is in state 0A.
_tap_port_in() {
	_tap_hex=$(printf '%04X' "$2")
	for _tap_f in /proc/net/"$1" /proc/net/"$1"6; do
		test -r "$_tap_f" || continue
		awk -v port="$_tap_hex" -v tcp="$([ "$1" = tcp ] && echo 1)" '
			NR > 1 {
				split($2, a, ":")
				if (toupper(a[2]) == port && (!tcp || $4 == "0A"))
					found = 1
			}
			END { exit !found }' "$_tap_f" && return 0
	done
	return 1
}

wait_port() {
	if ! test -r /proc/net/tcp; then
		diag "wait_port: no /proc/net here"
		return 1
	fi
	wait_for "${3:-$TAP_TIMEOUT}" _tap_port_in "$1" "$2"
}

# ---- files and processes ----

test_file_path() {
	printf '%s\n' "$top_srcdir/tests/data/$1"
}

tap_track() {
	_tap_pids="$_tap_pids $1"
}

tap_untrack() {
	_tap_left=
	for _tap_p in $_tap_pids; do
		test "$_tap_p" = "$1" || _tap_left="$_tap_left $_tap_p"
	done
	_tap_pids=$_tap_left
}

# _tap_gone PID: no such process, or only a zombie not reaped yet.
_tap_gone() {
	case $(ps -o stat= -p "$1" 2>/dev/null) in
	"" | Z*) return 0 ;;
	esac
	return 1
}

tap_at_exit() {
	_tap_at_exit="$1
$_tap_at_exit"
}

# At exit: the hooks, then the tracked processes, then the scratch
# directory.  A test that ends without finish (or skip_all, or bail) has
# not said everything it meant to: that is a failure too.
_tap_exit() {
	_tap_st=$?
	trap - 0
	eval "$_tap_at_exit"
	for _tap_p in $_tap_pids; do
		kill "$_tap_p" 2>/dev/null
	done
	# A TERM that lands between a fork and its exec can be lost: what
	# still runs after a moment gets KILL.
	for _tap_p in $_tap_pids; do
		wait_for 1 _tap_gone "$_tap_p" || kill -KILL "$_tap_p" 2>/dev/null
	done
	if test "$_tap_failed" -eq 0 && test -z "${KEEP_TMP:-}"; then
		rm -rf "$T"
	else
		diag "scratch files kept in $T"
	fi
	if test -z "$_tap_finished"; then
		diag "the test ended (status $_tap_st) without calling finish"
		test "$_tap_st" -ne 0 || _tap_st=1
	fi
	exit "$_tap_st"
}

_tap_area=$(basename "$(dirname "$0")")
_tap_name=$(basename "$0" .sh)
T=$top_builddir/tests/$_tap_area/$_tap_name.tmp
rm -rf "$T"
mkdir -p "$T" || bail "cannot make $T"
T=$(cd "$T" && pwd)
trap _tap_exit 0
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
