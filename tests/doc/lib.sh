# lib.sh - TAP and man-page parsing for the documentation tests, sourced
# by each tests/doc/*.sh.
#
# The harness exports SOCKSHELL (the built binary), top_srcdir and
# top_builddir; run by hand, they default to this source tree and a build
# in it.  Test points are numbered as they come and the plan is printed at
# the end (done_testing), since how many there are depends on the command
# table.
#
#   ok DESC             a passing test point
#   not_ok DESC [DIAG]  a failing one, with DIAG as # comments
#   skip DESC WHY       a test point that cannot run here
#   check DESC CMD...   ok when CMD succeeds, else not_ok
#   man_items SECTION   the .It lines of the top-level "-tag -width Ds"
#                       lists of a section of the man page
#   done_testing        print the plan and exit 1 if a point failed

if test -z "${top_srcdir:-}"; then
	top_srcdir=$(cd "$(dirname "$0")/../.." && pwd)
fi
: "${top_builddir:=$top_srcdir}"
: "${SOCKSHELL:=$top_builddir/src/sockshell}"
NO_COLOR=1
export NO_COLOR
MANPAGE=$top_srcdir/man/sockshell.1

doc_n=0
doc_failed=0

ok() {
	doc_n=$((doc_n + 1))
	echo "ok $doc_n - $1"
}

not_ok() {
	doc_n=$((doc_n + 1))
	doc_failed=$((doc_failed + 1))
	echo "not ok $doc_n - $1"
	if test $# -gt 1 && test -n "$2"; then
		printf '%s\n' "$2" | sed 's/^/#   /'
	fi
}

skip() {
	doc_n=$((doc_n + 1))
	echo "ok $doc_n - $1 # SKIP $2"
}

check() {
	doc_desc=$1
	shift
	if "$@"; then
		ok "$doc_desc"
	else
		not_ok "$doc_desc"
	fi
}

done_testing() {
	echo "1..$doc_n"
	test "$doc_failed" -eq 0
	exit $?
}

# Stop the whole test when something it cannot do without is missing.
bail_unless() {
	if ! test "$@"; then
		echo "Bail out! missing: $*"
		exit 1
	fi
}

# The .It lines of section $1 that belong to its top-level lists written
# ".Bl -tag -width Ds": the commands or the options.  Keyword tables are
# indented lists (-offset indent) and nested lists are deeper; neither
# counts.
man_items() {
	awk -v want="$1" '
		/^\.Sh / {
			sub(/^\.Sh /, "")
			gsub(/"/, "")
			insec = ($0 == want)
			depth = 0
			next
		}
		!insec { next }
		/^\.Bl/ {
			depth++
			kind[depth] = ($0 == ".Bl -tag -width Ds")
			next
		}
		/^\.El/ { depth--; next }
		/^\.It/ && depth == 1 && kind[1] { print }
	' "$MANPAGE"
}
