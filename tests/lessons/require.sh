#!/bin/sh
# require: a lesson skips itself, with status 0 and a TAP skip plan, where
# the machine lacks a family.  The missing case is made with a network
# namespace whose loopback is down (no ::1); skipped where unshare is not
# allowed.
. "${top_srcdir:-.}/tests/lib/tap.sh"
: "${SOCKSHELL:?}"

out=$(bounded "$SOCKSHELL" --tap -c 'require unix; socketpair; expect 0')
ok "require unix passes where unix sockets exist" eval 'printf "%s\n" "$out" | grep -q "^ok 1 "'
out=$(bounded "$SOCKSHELL" --tap -c 'require ipx' 2>&1); st=$?
ok "an unknown family is an error (a not ok point; --tap: status 0)" eval '[ "$st" = 0 ] && printf "%s\n" "$out" | grep -q "^not ok" && printf "%s" "$out" | grep -q "write ipv4, ipv6, unix or lab"'
out=$(bounded "$SOCKSHELL" --tap -c 'socketpair; expect 0; require ipv4' 2>&1); st=$?
ok "require after an expect is accepted when the family exists" eval '[ "$st" = 0 ]'

if unshare -n true 2>/dev/null; then
	out=$(bounded unshare -n "$SOCKSHELL" --tap -c 'require ipv6; echo not reached; socket inet6 dgram; expect 3' 2>&1); st=$?
	ok "without ::1, --tap prints a skip plan" eval 'printf "%s\n" "$out" | grep -q "^1\.\.0 # SKIP no IPv6"'
	ok "and exits 0" eval '[ "$st" = 0 ]'
	ok "and runs nothing after it" eval '! printf "%s" "$out" | grep -q "not reached"'
	ok "and prints no second plan" eval '[ "$(printf "%s\n" "$out" | grep -c "^1\.\.")" = 1 ]'
	out=$(bounded unshare -n "$SOCKSHELL" -c 'require ipv6; echo not reached' 2>&1); st=$?
	ok "without --tap it says why, status 0" eval '[ "$st" = 0 ] && printf "%s" "$out" | grep -q "skipped: no IPv6"'
	out=$(bounded unshare -n "$SOCKSHELL" --tap -c 'socketpair; expect 0; require ipv6' 2>&1); st=$?
	ok "require after an expect, where it would skip, is an error" eval '[ "$st" = 0 ] && printf "%s\n" "$out" | grep -q "^not ok" && printf "%s" "$out" | grep -q "before the first expect"'
else
	for d in "skip plan" "exit 0" "nothing after" "one plan" "without --tap" "after an expect"; do
		skip "$d" "unshare -n not allowed here"
	done
fi
finish
