#!/bin/sh
# socket-for.sh - "socket for HOST TYPE": the family comes from HOST, so a
# lesson that takes HOST from the environment works for IPv4 and IPv6
# alike.  And what follows a failed bind does not pretend: listen on a
# socket no bind succeeded on says where the kernel bound it; a refused
# connect says to start the server first.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/shell/lib.sh"

run -c 'socket for 127.0.0.1 stream; expect 3; socket for * dgram; expect 4'
status_is 0 "socket for an IPv4 address or * runs"
has "$T/out" 'socket(AF_INET, SOCK_STREAM, 0) = 3' "127.0.0.1 makes an inet socket"
has "$T/out" 'socket(AF_INET, SOCK_DGRAM, 0) = 4' "* makes an inet socket"
run -c 'socket for ::1 stream; socket for [::1] dgram udp; socket for fe80::1%lo stream'
has "$T/out" 'socket(AF_INET6, SOCK_STREAM, 0) = 3' "::1 makes an inet6 socket"
has "$T/out" 'socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP) = 4' "[::1], with a PROTO, too"
has "$T/out" 'socket(AF_INET6, SOCK_STREAM, 0) = 5' "a scoped IPv6 address too"
run -c "socket for $T/s.sock stream; bind $T/s.sock; expect 0"
status_is 0 "socket for a path makes a unix socket that binds to it"
has "$T/out" 'socket(AF_UNIX, SOCK_STREAM, 0) = 3' "a word with a / is a unix path"

# Usage errors name the word and run nothing.
run -c 'socket for ::1'
status_is 1 "socket for HOST without a TYPE is an error"
has "$T/err" 'socket: the TYPE is missing' "  which says the TYPE is missing"
hasnt "$T/out" 'socket(' "  and makes no call"
run -c 'socket inet stream tcp 7'
has "$T/err" 'socket: too many arguments' "socket FAMILY TYPE PROTO and one more is an error"
run -c 'socket for 127.0.0.1 bogus'
has "$T/err" "unknown type 'bogus'" "socket for HOST checks the TYPE"
hasnt "$T/out" 'socket(' "  and makes no call"

# A name: the first address getaddrinfo gives, from a hosts file of the
# test's own in private namespaces (nothing leaves the machine).
if unshare -m -n true 2>/dev/null; then
	printf '::1 six.test\n127.0.0.1 six.test\n127.0.0.1 four.test\n' >"$T/hosts"
	inns() {
		bounded unshare -m -n sh -c '
			ip link set lo up 2>/dev/null || exit 3
			mount --bind "$1" /etc/hosts || exit 3
			shift; exec "$@"' sh "$T/hosts" "$SOCKSHELL" -c "$1" >"$T/out" 2>&1
		status=$?
	}
	inns 'socket for four.test stream; expect 3; socket for six.test stream; expect 4; socket for none.test stream'
	if test "$status" = 3; then
		skip "socket for a name" "cannot mount a private hosts file"
	else
		status_is 0 "socket for a name runs"
		has "$T/out" 'getaddrinfo("four.test", NULL, {AF_UNSPEC, SOCK_STREAM}) = 0 (1 result)' \
			"  the lookup is shown on its own line"
		has "$T/out" 'socket(AF_INET, SOCK_STREAM, 0) = 3' "  an IPv4 name makes an inet socket"
		has "$T/out" 'socket(AF_INET6, SOCK_STREAM, 0) = 4' "  the first address of six.test is IPv6: inet6"
		hasnt "$T/out" 'socket(AF_INET, SOCK_STREAM, 0) = 5' "  an unknown name makes no socket"
	fi
else
	skip "socket for a name" "private mount and network namespaces are not allowed here"
fi

# The lesson of issue 9: HOST=::1 and no FAMILY.  bind no longer fails.
run -c 'socket for ::1 stream; bind ::1 0; expect 0; listen; expect 0'
if grep -q 'EADDRNOTAVAIL' "$T/out"; then
	skip "socket for ::1 binds ::1" "no IPv6 on the loopback"
else
	status_is 0 "socket for ::1, then bind ::1: the families agree"
	hasnt "$T/out" 'note:' "  and listen has nothing to note"
fi

# listen after a failed bind: the kernel binds the socket to the wildcard
# address and a port of its choosing, and a note says where.
run -c 'socket inet stream; bind ::1 0; listen; expect 0; getsockname'
status_is 0 "listen after a failed bind succeeds"
has "$T/out" 'note: no bind succeeded on handle 3, so listen bound it to 0.0.0.0:' \
	"  and a note says it bound 0.0.0.0, not ::1"
port=$(sed -n 's/^getsockname(3) = 0 0\.0\.0\.0:\([0-9]*\)$/\1/p' "$T/out")
has "$T/out" "listen bound it to 0.0.0.0:$port (any address, a port the kernel chose)" \
	"  the port it names is the socket's own"
run -c 'socket inet6 stream; listen'
has "$T/out" 'note: no bind succeeded on handle 3, so listen bound it to [::]:' \
	"an inet6 socket never bound: [::]"
run -c 'socket inet stream; bind 127.0.0.1 0; listen; socket unix stream; bind '"$T/u.sock"'; listen'
status_is 0 "a bound socket listens"
hasnt "$T/out" 'note:' "  without a note (nor a unix one)"
run --tap -c 'socket inet stream; listen; expect 0'
has "$T/out" '# note: no bind succeeded on handle 3' "with --tap the note is a TAP comment"

# A refused stream connect: nothing listens there.
run -c 'socket inet stream; bind 127.0.0.1 0; socket inet stream; connect @3; expect ECONNREFUSED'
status_is 0 "connect to a port nobody listens on is refused"
has "$T/out" '  (no socket listens on 127.0.0.1:' "  a line says nobody listens there"
has "$T/out" ': start the server first)' "  and to start the server first"
run -c 'socket inet stream; bind 127.0.0.1 0; dial @3; expect ECONNREFUSED'
tail -n 1 "$T/out" >"$T/last"
has "$T/last" ': start the server first)' "dial says it too, as its last line"
run -c 'socket inet stream; bind 127.0.0.1 0; listen; socket inet stream; connect @3; expect 0; dial @3; expect 0'
hasnt "$T/out" 'start the server' "no such line when the connection is made"

finish
