# lib.sh - helpers for the hostile-input tests, sourced by tests/hostile/*.sh.
#
# The harness exports SOCKSHELL, top_srcdir, top_builddir, PYTHON3 and
# NO_COLOR.  Each test feeds sockshell something hostile and checks that it
# answers with a clear error and a sane exit status, and never crashes,
# hangs or reports a sanitizer error.  Its TAP is tests/lib/tap.sh's (ok,
# skip, finish...); a failed point shows the last run's stdout and stderr.
#
#   try ARG...             run sockshell, stdin from /dev/null
#   try_in FILE ARG...     the same with FILE on stdin
#                          (both set $status and fill $T/out and $T/err)
#   verdict DESC STATUS [TEXT]...
#                          one TAP point: the last run ended with STATUS
#                          (a list like "1 2" allows either), stderr holds
#                          every TEXT (a fixed string), and nothing
#                          crashed, hung or was reported by a sanitizer
#   out_has TEXT DESC, err_has TEXT DESC
#   lesson NAME FORMAT [ARG]...
#
# Every run is bounded (10 s, HOSTILE_TIMEOUT to change it; $bound CMD
# runs CMD so): a hang is a failure, never a stuck suite.

. "${top_srcdir:-.}/tests/lib/tap.sh"
if test -z "${SOCKSHELL:-}"; then
	bail "SOCKSHELL is not set: run this through make check"
fi
name=$(basename "$0" .sh)

# After a failed point: what the last run wrote.
show() {
	if test -s "$1"; then
		printf '# --- %s:\n' "$2"
		head -c 2000 "$1" | head -n 20 | sed 's/^/#   /'
	fi
}
hostile_show() {
	show "$T/out" stdout
	show "$T/err" stderr
}
tap_on_fail hostile_show

limit=${HOSTILE_TIMEOUT:-10}
if command -v timeout >/dev/null 2>&1; then
	bound="timeout -k 2 $limit"
else
	bound=
fi

try() {
	$bound "$SOCKSHELL" "$@" </dev/null >"$T/out" 2>"$T/err"
	status=$?
}

try_in() {
	tin=$1
	shift
	$bound "$SOCKSHELL" "$@" <"$tin" >"$T/out" 2>"$T/err"
	status=$?
}

# Did the last run crash, hang or trip a sanitizer?  Prints why.
broken() {
	case $status in
	124|137) echo "it hung (killed after $limit s)"; return 0 ;;
	1[3-9][0-9]|2[0-9][0-9]) echo "it died of a signal (status $status)"; return 0 ;;
	esac
	if grep -E 'ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer' "$T/err" >/dev/null; then
		echo "a sanitizer reported an error"
		return 0
	fi
	return 1
}

verdict() {
	vdesc=$1
	vwant=$2
	shift 2
	why=
	if b=$(broken); then
		why=$b
	else
		vok=
		for s in $vwant; do
			test "$status" = "$s" && vok=1
		done
		test -n "$vok" || why="exit status $status, want $vwant"
		for text in "$@"; do
			if ! grep -F -e "$text" "$T/err" >/dev/null 2>&1; then
				why="${why:+$why; }stderr lacks: $text"
			fi
		done
	fi
	if test -z "$why"; then
		pass "$vdesc"
	else
		fail "$vdesc" "$why"
	fi
}

out_has() {
	if grep -F -e "$1" "$T/out" >/dev/null 2>&1; then
		pass "$2"
	else
		fail "$2" "stdout lacks: $1"
	fi
}

err_has() {
	if grep -F -e "$1" "$T/err" >/dev/null 2>&1; then
		pass "$2"
	else
		fail "$2" "stderr lacks: $1"
	fi
}

# A lesson file under $T from printf FORMAT [ARG]...; its path in $f.
lesson() {
	f=$T/$1
	shift
	printf "$@" >"$f"
}
