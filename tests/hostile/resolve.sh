#!/bin/sh
# resolve.sh - names that do not resolve.  Only ever inside a private
# network namespace (unshare -n, loopback up), so no lookup leaves the
# machine; skipped where unshare is not allowed.
. "${top_srcdir:-.}/tests/hostile/lib.sh"

# As root unshare -n; otherwise a user namespace may allow unshare -rn.
if unshare -n true 2>/dev/null; then
	unshare='unshare -n'
elif unshare -rn true 2>/dev/null; then
	unshare='unshare -rn'
else
	for d in 'connect to a name that does not resolve' 'dial a name that does not resolve' \
		 'getaddrinfo of a name that does not resolve' 'sendto a name that does not resolve'; do
		skip "$d" 'unshare -n is not allowed here'
	done
	finish
fi

# isolated ARG...: sockshell ARG... in a network namespace of its own.
isolated() {
	$bound $unshare sh -c 'ip link set lo up 2>/dev/null; exec "$@"' sh "$SOCKSHELL" "$@" \
		</dev/null >"$T/out" 2>"$T/err"
	status=$?
}

lesson names.sock 'socket inet stream\nconnect no-such-host.invalid 80\necho after\n'
isolated "$f"
verdict 'connect to a name that does not resolve' 0
out_has 'getaddrinfo("no-such-host.invalid", "80", AF_INET) = EAI_' 'the failed lookup is traced, with its EAI_ name'
out_has after '... and the script goes on'

lesson dial.sock 'dial no-such-host.invalid 80\necho after\n'
isolated "$f"
verdict 'dial a name that does not resolve' 0
out_has 'getaddrinfo("no-such-host.invalid", "80", {AF_UNSPEC, SOCK_STREAM}) = EAI_' 'dial shows the lookup failing'

isolated -c 'getaddrinfo no-such-host.invalid http; echo after'
verdict 'getaddrinfo of a name that does not resolve' 0
out_has 'getaddrinfo("no-such-host.invalid", "http", {AF_UNSPEC, 0}) = EAI_' 'getaddrinfo shows the failure'

isolated -c 'socket inet dgram; sendto x no-such-host.invalid 53; expect ok; echo after'
verdict 'sendto a name that does not resolve' 1
out_has after '... the script goes on after it'

finish
