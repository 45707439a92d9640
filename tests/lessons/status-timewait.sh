#!/bin/sh
# status-timewait.sh: how status tells a connection in TIME_WAIT from one
# that was reset, and what it costs.
#
# Linux marks the socket a descriptor holds CLOSED both when its
# connection was reset and when it ended in TIME_WAIT (the TIME_WAIT is
# then held by a separate, smaller socket).  status looks the connection
# up in the kernel's table of TIME_WAIT sockets by both its ends: a reset
# connection from a port that another connection, in TIME_WAIT, also used
# must show CLOSED.  And one status asks the kernel once (one sock_diag
# netlink socket, or one read of /proc/net/tcp where netlink is not
# there), and not at all for sockets that have no port yet (counted with
# strace, when it can trace here).  Linux only (TCP_INFO).
. "${top_srcdir:-.}/tests/lib/tap.sh"
: "${SOCKSHELL:?}"

if [ "$(uname -s)" != Linux ]; then
	skip_all "TCP states come from Linux's TCP_INFO"
fi

# 4 connects from a port it bound (with reuseaddr) to listener 3, closes
# first and ends in TIME_WAIT.  5 binds the same port (reuseaddr again),
# connects to another listener, 6; 7 accepts and closes, 5 sends: reset.
script='
socket inet stream; bind 127.0.0.1 0; listen 5
socket inet stream; setsockopt reuseaddr on; bind 127.0.0.1 0; connect @3
3 accept
4 shutdown wr; 5 recv 10; 5 close; sleep 0.2
socket inet stream; setsockopt reuseaddr on; bind @4
echo == bound; status
socket inet stream; bind 127.0.0.1 0; listen 5
5 connect @6
6 accept
7 close; 5 send "hello?"; sleep 0.2
echo == ends; status
'
out=$(bounded "$SOCKSHELL" -c "$script" 2>&1)
st=$?

# The row of handle $2 in the status block named $1.
row() {
	printf '%s\n' "$out" | awk -v blk="== $1" -v fd="$2" '
		$0 == blk { on = 1; next }
		/^== / { on = 0 }
		on { sub(/^[* ] /, ""); if ($1 == fd) { print; exit } }'
}
col() { row "$1" "$2" | awk -v c="$3" '{ print $c }'; }

ok "the session ran (status 0)" eval '[ "$st" = 0 ]' || diag "status $st" "$out"
ok "the two clients share a local port" \
	eval '[ -n "$(col ends 4 4)" ] && [ "$(col ends 4 4)" = "$(col ends 5 4)" ]' ||
	diag "$(row ends 4)" "$(row ends 5)"
is "$(col bound 5 6)" CLOSED "a socket only bound to that port is CLOSED" || diag "$(row bound 5)"
is "$(col ends 4 6)" TIME_WAIT "the one that closed first is in TIME_WAIT" || diag "$(row ends 4)"
is "$(col ends 5 6)" CLOSED "the reset one, from the same port, is CLOSED" || diag "$(row ends 5)"

# The same over IPv6, when ::1 is there: an end in TIME_WAIT, the other
# CLOSED, and a connection refused, CLOSED too.
out=$(bounded "$SOCKSHELL" -c '
socket inet6 stream; bind ::1 0; listen 5
socket inet6 stream; connect @3; 3 accept
4 shutdown wr; 5 shutdown wr
socket inet6 stream; bind ::1 0
socket inet6 stream; connect @6
sleep 0.2; echo == six; status' 2>&1)
if printf '%s\n' "$out" | grep -q '^bind(3, \[::1\]:0) = 0'; then
	is "$(col six 4 6)" TIME_WAIT "IPv6: the end that closed first is in TIME_WAIT" || diag "$(row six 4)"
	is "$(col six 5 6)" CLOSED "IPv6: the end that closed last is CLOSED" || diag "$(row six 5)"
	is "$(col six 7 6)" CLOSED "IPv6: a refused connection is CLOSED" || diag "$(row six 7)"
else
	skip_block 3 "no IPv6 on this machine (::1 cannot be bound)"
fi

# How often one status asks the kernel: sock_diag netlink sockets (strace
# names the protocol SOCK_DIAG, older ones INET_DIAG) plus opens of
# /proc/net/tcp and tcp6.
reads() {
	grep -c -e 'socket(AF_NETLINK.*NETLINK_\(SOCK\|INET\)_DIAG' -e 'open.*/proc/net/tcp' "$1"
}
asked() {
	grep -e NETLINK -e /proc/net/tcp "$1"
}
if command -v strace >/dev/null 2>&1 &&
   strace -f -o /dev/null -e trace=socket true 2>/dev/null; then
	# Six fresh sockets: no port, nothing to look up.
	bounded env ASAN_OPTIONS=detect_leaks=0 strace -f -o "$T/fresh" -e trace=socket,open,openat "$SOCKSHELL" -c '
socket inet stream; socket inet stream; socket inet stream
socket inet6 stream; socket inet6 stream; socket inet6 stream; status' >/dev/null 2>&1
	is "$(reads "$T/fresh")" 0 "fresh sockets: status asks the kernel nothing" ||
		diag "$(asked "$T/fresh")"
	# Four finished connections, eight CLOSED handles, a listener.
	bounded env ASAN_OPTIONS=detect_leaks=0 strace -f -o "$T/done" -e trace=socket,open,openat "$SOCKSHELL" -c '
socket inet stream; bind 127.0.0.1 0; listen 5
socket inet stream; connect @3; 3 accept
socket inet stream; connect @3; 3 accept
socket inet stream; connect @3; 3 accept
socket inet stream; connect @3; 3 accept
4 shutdown wr; 5 shutdown wr; 6 shutdown wr; 7 shutdown wr
8 shutdown wr; 9 shutdown wr; 10 shutdown wr; 11 shutdown wr
sleep 0.2; echo == done; status' >"$T/done.out" 2>&1
	out=$(cat "$T/done.out")
	is "$(reads "$T/done")" 1 "finished connections: status asks the kernel once" ||
		diag "$(asked "$T/done")"
	ok "and the ends that closed first are in TIME_WAIT" \
		eval '[ "$(col done 4 6)" = TIME_WAIT ] && [ "$(col done 10 6)" = TIME_WAIT ]' ||
		diag "$(row done 4)" "$(row done 10)"
	ok "and the ends that closed last are CLOSED" \
		eval '[ "$(col done 5 6)" = CLOSED ] && [ "$(col done 11 6)" = CLOSED ]' ||
		diag "$(row done 5)" "$(row done 11)"
else
	skip_block 4 "strace cannot trace here"
fi
finish
