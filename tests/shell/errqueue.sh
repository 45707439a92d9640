#!/bin/sh
# errqueue.sh - setsockopt recverr 1 and recvmsg N errqueue: the ICMP
# port unreachable that a connected UDP socket gets from a closed port of
# 127.0.0.1 (and ::1), decoded from IP_RECVERR's struct
# sock_extended_err; an empty error queue fails at once, never "timed
# out".  Linux only (the error queue is).
. "${top_srcdir:-.}/tests/shell/lib.sh"
test "$(uname -s)" = Linux || skip_all "the error queue (IP_RECVERR) is Linux's"

run -c 'socket inet dgram
bind 127.0.0.1 0
socket inet dgram
setsockopt recverr 1
connect 127.0.0.1 @3
3 close
4 send "x"
recv 10
expect ECONNREFUSED
recvmsg 100 errqueue
expect "x"
recvmsg 100 errqueue
expect EAGAIN'
status_is 0 "recverr, a refused datagram and the error queue (status 0)"
has "$T/out" "setsockopt(4, IPPROTO_IP, IP_RECVERR, 1) = 0" "recverr is IP_RECVERR on an inet socket"
like "$(cat "$T/out")" 'recvmsg\(4, 100, MSG_ERRQUEUE\) = 1 "x" from 127\.0\.0\.1:[0-9]+ \[IP_RECVERR \{ee_errno=ECONNREFUSED, ee_origin=SO_EE_ORIGIN_ICMP, ee_type=3 \(destination unreachable\), ee_code=3 \(port unreachable\), offender=127\.0\.0\.1\}\]' \
	"  the error decoded: errno, origin, type, code, offender, with the datagram and its destination"
has "$T/out" "recvmsg(4, 100, MSG_ERRQUEUE) = -1 EAGAIN (Resource temporarily unavailable)" \
	"  an empty error queue: EAGAIN at once"
hasnt "$T/out" "MSG_ERRQUEUE) = -1 EAGAIN (Resource temporarily unavailable) [timed out" \
	"  which is no time-out"

run -c 'socket inet6 dgram
bind ::1 0
socket inet6 dgram
setsockopt recverr 1
connect ::1 @3
3 close
4 send "x"
recv 10
recvmsg 100 errqueue'
if grep -q 'bind(3, \[::1\]:0) = -1' "$T/out"; then
	skip_block 2 "no IPv6 on ::1"
else
	has "$T/out" "setsockopt(4, IPPROTO_IPV6, IPV6_RECVERR, 1) = 0" "recverr is IPV6_RECVERR on an inet6 socket"
	has "$T/out" "[IPV6_RECVERR {ee_errno=ECONNREFUSED, ee_origin=SO_EE_ORIGIN_ICMP6, ee_type=1 (destination unreachable), ee_code=4 (port unreachable), offender=::1}]" \
		"  ICMPv6 destination unreachable, code 4"
fi

run --check -c 'socket inet dgram
recvmsg 10 errqueue'
status_is 0 "--check knows the errqueue flag"
finish
