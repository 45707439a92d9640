#!/bin/sh
# cleanup.sh - the lab's helper process ends with the shell: at its exit,
# and after a SIGKILL of the shell (PR_SET_PDEATHSIG and the end of file
# on its socket), leaving no process (and so no namespace or TUN device)
# behind.  As nobody, where /dev/net/tun or user namespaces are refused,
# "host" says in one line what is missing and the shell goes on.
. "${top_srcdir:-.}/tests/shell/lib.sh"

run -c 'require lab; echo lab-ok'
if grep -q '^lab-ok$' "$T/out"; then
	# helper_of PID: the one child of PID (the helper), into $helper.
	helper_of() {
		helper=$(cat /proc/"$1"/task/*/children 2>/dev/null | tr ' ' '\n' | sed -n 1p)
		test -n "$helper"
	}
	gone() { ! kill -0 "$1" 2>/dev/null; }

	# A shell that ends by itself.
	"$SOCKSHELL" -c 'host a; host b; socket inet stream; echo made; sleep 2' \
		>"$T/out1" 2>&1 &
	shell=$!
	tap_track "$shell"
	wait_for 5 helper_of "$shell"
	ok "the shell has a helper child" test -n "$helper"
	wait_for 10 gone "$shell"
	ok "the helper is gone when the shell has ended" wait_for 5 gone "${helper:-0}"
	has "$T/out1" made "the shell made its hosts"

	# A shell killed by SIGKILL: nothing runs its exit.
	"$SOCKSHELL" -c 'host a; socket inet stream; echo made; sleep 30' >"$T/out2" 2>&1 &
	shell=$!
	tap_track "$shell"
	wait_file "$T/out2" 5
	wait_for 5 helper_of "$shell"
	ok "the second shell has a helper child" test -n "$helper"
	kill -9 "$shell"
	wait "$shell" 2>/dev/null
	ok "the helper is gone after SIGKILL of the shell" wait_for 5 gone "${helper:-0}"
else
	skip_block 5 "no lab here: $(cat "$T/out" "$T/err" | head -1)"
fi

if test "$(id -u)" = 0 && command -v setpriv >/dev/null 2>&1 &&
	setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$SOCKSHELL"; then
	bounded setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$SOCKSHELL" -c 'host a; echo still here' </dev/null >"$T/out3" 2>"$T/err3"
	if grep -q '^host a: eth0' "$T/out3"; then
		skip_block 3 "nobody may have a lab here (/dev/net/tun and user namespaces allowed)"
	else
		is "$(grep -c 'error:' "$T/err3")" 1 "as nobody: one error line"
		like "$(cat "$T/err3")" \
			'host: .*(/dev/net/tun|user namespace).*\(the lab needs' \
			"it names what the lab is missing"
		has "$T/out3" "still here" "the shell goes on"
	fi
else
	skip_block 3 "nobody cannot run $SOCKSHELL here (or we are not root)"
fi
finish
