#!/bin/sh
# examples-i.sh - "sockshell -i LESSON" leaves the student at the prompt
# with something to look at: every one-process lesson in examples/ ends
# with sockets still open (and says which), so that status after it shows
# them; examples/echo.sock shows its listener and the server's end in
# CLOSE_WAIT.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/shell/lib.sh"

ex=$top_srcdir/examples
for l in echo udp-upper tcp-upper http web partial halfclose errors udp6 dualstack; do
	run_in 'status
' -i "$ex/$l.sock"
	if grep -q '^require ipv6' "$ex/$l.sock" && grep -q 'skip' "$T/out" && ! grep -q ' FD ' "$T/out"; then
		skip "examples/$l.sock leaves sockets open for -i" "no IPv6 here"
		continue
	fi
	rows=$(awk '/^  FD  FAMILY/ { n = 0; next } /^[* ] [0-9]+ / { n++ } END { print n + 0 }' "$T/out")
	if test "$status" -eq 0 && test "$rows" -gt 0 && grep -q '^The lesson leaves ' "$T/out"; then
		pass "examples/$l.sock leaves $rows socket(s) open for -i, and says so"
	else
		fail "examples/$l.sock leaves sockets open for -i, and says so (status $status)"
		diag_file "$T/out" stdout
		diag_file "$T/err" stderr
	fi
done

run_in 'status
' -i "$ex/echo.sock"
tail -n 3 "$T/out" >"$T/last"
has "$T/last" 'LISTEN' "after echo.sock, status shows the listener"
has "$T/last" 'CLOSE_WAIT' "  and the server's end in CLOSE_WAIT"

finish
