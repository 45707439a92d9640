#!/bin/sh
# tcpinfo.sh - status -v and tcpinfo [N]: the kernel's TCP_INFO view of
# each TCP handle on one indented line (rtt, rttvar, cwnd, ssthresh, mss,
# unacked, retransmits, the delivery rate where the kernel has it); a
# listener says it has no connection; UDP and unix handles get no line;
# tcpinfo on a handle that is no TCP socket is an error.
. "${top_srcdir:-.}/tests/shell/lib.sh"

pair='socket inet stream; bind 127.0.0.1 0; listen
socket inet stream; connect 127.0.0.1 @3; send "hello"
3 accept; recv 10; send "back"; 4 recv 10
socket inet dgram; bind 127.0.0.1 0
socketpair stream'

run -c "$pair
status -v"
status_is 0 "status -v with a listener, a connection's two ends, a UDP socket and a unix pair"
fields='^    tcp_info: rtt [0-9.]* ms rttvar [0-9.]* ms cwnd [0-9]* ssthresh [-0-9]* mss [0-9]* unacked [0-9]* retrans [0-9]*(/[0-9]*)?( delivery .*)?$'
is "$(grep -cE "$fields" "$T/out")" 2 "  both ends of the connection have a tcp_info line with rtt, cwnd, ssthresh, mss, unacked, retrans"
has "$T/out" '    tcp_info: listening: no connection of its own' "  the listener says it has no connection"
is "$(grep -c 'tcp_info' "$T/out")" 3 "  no other handle has one (UDP, unix)"
# Each tcp_info line follows a TCP row: the line before it is an inet stream row.
bad=$(awk '/^    tcp_info/ { if (prev !~ / inet +stream /) print prev } { prev = $0 }' "$T/out")
is "$bad" "" "  each follows its own TCP row"
awk '/ dgram / { getline nx; if (nx ~ /tcp_info/) exit 1 }' "$T/out"
is "$?" 0 "  the UDP row is followed by no tcp_info line"
if grep -q ' delivery ' "$T/out"; then
	like "$(grep -m1 'delivery' "$T/out")" 'delivery ([0-9.]+ [kMGT]?bit/s|-)$' "  the delivery rate is a bit rate (or - before any)"
else
	skip "  the delivery rate" "no tcpi_delivery_rate in this build or kernel"
fi

run -c "$pair
status"
status_is 0 "status without -v"
hasnt "$T/out" 'tcp_info' "  shows no tcp_info line"

run -c "$pair
tcpinfo 4"
status_is 0 "tcpinfo 4: one connected TCP handle"
like "$(cat "$T/out" | tail -n 1)" "${fields#^    }" "  its line, not indented, with the same fields"

run -c "$pair
tcpinfo 6"
status_is 1 "tcpinfo on a UDP handle fails"
has "$T/err" 'tcpinfo: handle 6 is no TCP socket' "  saying it is no TCP socket"
run -c "$pair
tcpinfo"
status_is 1 "tcpinfo of the current handle, a unix socket: fails"
run -c "$pair
tcpinfo 42"
status_is 1 "tcpinfo of no handle fails"
has "$T/err" "tcpinfo: there is no open handle '42'" "  saying so"
run -c 'tcpinfo'
status_is 1 "tcpinfo with no handle at all fails"
run -c 'socket inet stream; status -x'
status_is 1 "status -x: an error"
has "$T/err" "status: unknown option '-x'" "  naming the option"
run --check -c 'status -v; tcpinfo 3'
status_is 0 "--check takes status -v and tcpinfo N"
finish
