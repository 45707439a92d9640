#!/bin/sh
# lint.sh - the man page is clean mdoc: groff -ww has nothing to say, and
# mandoc -Tlint reports no warning or error.  Each tool that is not
# installed is skipped.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/doc/lib.sh"

bail_unless -r "$MANPAGE"

if command -v groff >/dev/null 2>&1; then
	out=$(groff -ww -mandoc -z "$MANPAGE" 2>&1)
	if test -z "$out"; then
		pass "groff -ww -mandoc -z is silent"
	else
		fail "groff -ww -mandoc -z is silent" "$out"
	fi
else
	skip "groff -ww -mandoc -z is silent" "groff is not installed"
fi

if command -v mandoc >/dev/null 2>&1; then
	# -Wwarning: warnings and worse.  Style notes, and mandoc's remarks on
	# its own whatis database, depend on the mandoc version and the host.
	out=$(mandoc -Tlint -Wwarning "$MANPAGE" 2>&1)
	rc=$?
	if test "$rc" -eq 0 && test -z "$out"; then
		pass "mandoc -Tlint reports no warnings or errors"
	else
		fail "mandoc -Tlint reports no warnings or errors" "exit $rc: $out"
	fi
	# It also renders: NAME and every section this manual promises.
	# (without the backspaces of overstruck bold)
	text=$(mandoc -Tascii "$MANPAGE" 2>/dev/null | awk '{ gsub(".\b", ""); print }')
	for s in NAME SYNOPSIS DESCRIPTION OPTIONS "THE LANGUAGE" OUTPUT COMMANDS \
		 "LESSON FILES" "BLOCKING, SIGNALS AND TIME-OUTS" ENVIRONMENT FILES \
		 "EXIT STATUS" EXAMPLES "SEE ALSO" CAVEATS; do
		if printf '%s\n' "$text" | grep -qx "$s"; then
			pass "section $s is rendered"
		else
			fail "section $s is rendered"
		fi
	done
else
	skip "mandoc -Tlint reports no warnings or errors" "mandoc is not installed"
fi

finish
