#!/bin/sh
# require: a lesson skips itself, with status 0 and a TAP skip plan, where
# the machine lacks a family.  The missing case is made with a network
# namespace whose loopback is down (no ::1); skipped where unshare is not
# allowed.
: "${SOCKSHELL:?}"
n=0
check() { n=$((n + 1)); if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; fi; }

out=$(timeout 10 "$SOCKSHELL" --tap -c 'require unix; socketpair; expect 0')
check "require unix passes where unix sockets exist" 'printf "%s\n" "$out" | grep -q "^ok 1 "'
out=$(timeout 10 "$SOCKSHELL" --tap -c 'require ipx' 2>&1); st=$?
check "an unknown family is an error (a not ok point; --tap: status 0)" '[ "$st" = 0 ] && printf "%s\n" "$out" | grep -q "^not ok" && printf "%s" "$out" | grep -q "write ipv4, ipv6 or unix"'
out=$(timeout 10 "$SOCKSHELL" --tap -c 'socketpair; expect 0; require ipv4' 2>&1); st=$?
check "require after an expect is accepted when the family exists" '[ "$st" = 0 ]'

if unshare -n true 2>/dev/null; then
	out=$(timeout 10 unshare -n "$SOCKSHELL" --tap -c 'require ipv6; echo not reached; socket inet6 dgram; expect 3' 2>&1); st=$?
	check "without ::1, --tap prints a skip plan" 'printf "%s\n" "$out" | grep -q "^1\.\.0 # SKIP no IPv6"'
	check "and exits 0" '[ "$st" = 0 ]'
	check "and runs nothing after it" '! printf "%s" "$out" | grep -q "not reached"'
	check "and prints no second plan" '[ "$(printf "%s\n" "$out" | grep -c "^1\.\.")" = 1 ]'
	out=$(timeout 10 unshare -n "$SOCKSHELL" -c 'require ipv6; echo not reached' 2>&1); st=$?
	check "without --tap it says why, status 0" '[ "$st" = 0 ] && printf "%s" "$out" | grep -q "skipped: no IPv6"'
	out=$(timeout 10 unshare -n "$SOCKSHELL" --tap -c 'socketpair; expect 0; require ipv6' 2>&1); st=$?
	check "require after an expect, where it would skip, is an error" '[ "$st" = 0 ] && printf "%s\n" "$out" | grep -q "^not ok" && printf "%s" "$out" | grep -q "before the first expect"'
else
	for d in "skip plan" "exit 0" "nothing after" "one plan" "without --tap" "after an expect"; do
		n=$((n + 1)); echo "ok $n # SKIP unshare -n not allowed here ($d)"
	done
fi
echo "1..$n"
