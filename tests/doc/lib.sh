# lib.sh - man-page parsing for the documentation tests, sourced by each
# tests/doc/*.sh; their TAP is tests/lib/tap.sh's (pass, fail, ok, skip,
# bail, finish).
#
# The harness exports SOCKSHELL (the built binary), top_srcdir and
# top_builddir; run by hand, they default to this source tree and a build
# in it.  The plan is printed at the end (finish), since how many points
# there are depends on the command table.
#
#   bail_unless TEST...  bail out unless test(1) TEST... holds
#   man_items SECTION [PAGE]
#                        the .It lines of the top-level "-tag -width Ds"
#                        lists of a section of the man page (or of PAGE)

if test -z "${top_srcdir:-}"; then
	top_srcdir=$(cd "$(dirname "$0")/../.." && pwd)
fi
. "$top_srcdir/tests/lib/tap.sh"
: "${SOCKSHELL:=$top_builddir/src/sockshell}"
MANPAGE=$top_srcdir/man/sockshell.1
MANPAGE_ES=$top_srcdir/man/es/sockshell.1

# Stop the whole test when something it cannot do without is missing.
bail_unless() {
	test "$@" || bail "missing: $*"
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
	' "${2:-$MANPAGE}"
}
