#!/bin/sh
# capture.sh - capture with a lab shows the packets crossing the link, each
# once, with the hosts' addresses: a TCP connect from b to a gives [S],
# [S.] and [.] once each, a UDP datagram to a closed port its ICMP answer;
# the pcap file gets the same packets; it works without CAP_NET_RAW (the
# helper has the frames, no packet socket is opened).  Skipped where the
# lab cannot be had.
. "${top_srcdir:-.}/tests/shell/lib.sh"

run -c 'require lab; echo lab-ok'
grep -q '^lab-ok$' "$T/out" || skip_all "no lab here: $(cat "$T/out" "$T/err" | head -1)"

cat >"$T/tcp.sock" <<LESSON
host a
host b
capture $T/lab.pcap
host a
socket inet stream
bind * 8000
listen
host b
socket inet stream
bind * 7000
connect a 8000
host a
accept
host b
socket inet dgram
connect a 9
send "x"
set timeout 5
recv 10
expect ECONNREFUSED
capture off
LESSON
run "$T/tcp.sock"
status_is 0 "the lesson runs"
has "$T/out" "capture on: the lab's link, writing $T/lab.pcap" "capture says it shows the link"
count() { grep -cF -- "$1" "$T/out"; }
is "$(count '10.0.0.2:7000 > 10.0.0.1:8000 TCP [S] seq 0,')" 1 "the SYN from b to a, once"
is "$(count '10.0.0.1:8000 > 10.0.0.2:7000 TCP [S.] seq 0, ack 1,')" 1 "the SYN-ACK, once"
is "$(count '10.0.0.2:7000 > 10.0.0.1:8000 TCP [.] seq 1, ack 1,')" 1 "the ACK, once"
is "$(count ' > 10.0.0.1:9 UDP, length 1')" 1 "the datagram, once"
is "$(count '10.0.0.1 > 10.0.0.2 ICMP type 3 code 3 (port unreachable)')" 1 "its ICMP answer"
is "$(count 'dropped')" 0 "a perfect link drops nothing"
# The pcap file: header and five records (3 TCP, UDP, ICMP), LINKTYPE_RAW.
pcap_n=$(od -An -tu4 -j20 -N4 "$T/lab.pcap" 2>/dev/null | tr -d ' ')
is "$pcap_n" 101 "the pcap file is raw IP"
size=$(wc -c <"$T/lab.pcap")
ok "the pcap file has the packets ($size bytes)" test "$size" -gt $((24 + 5 * 16 + 5 * 20))

if setpriv --bounding-set -net_raw --inh-caps -net_raw true 2>/dev/null; then
	cat >"$T/noraw.sock" <<'LESSON'
capture on
host a
host b
capture on
socket inet dgram
connect a 9
send "x"
set timeout 5
recv 10
expect ECONNREFUSED
capture off
LESSON
	bounded setpriv --bounding-set -net_raw --inh-caps -net_raw "$SOCKSHELL" "$T/noraw.sock" \
		</dev/null >"$T/out" 2>"$T/err"
	has "$T/err" "capture: needs CAP_NET_RAW" "without CAP_NET_RAW and no lab, capture says so"
	has "$T/out" "capture on: the lab's link" "with a lab, capture needs no CAP_NET_RAW"
	is "$(count ' > 10.0.0.1:9 UDP, length 1')" 1 "and shows the datagram"
else
	for d in "no CAP_NET_RAW, no lab" "no CAP_NET_RAW, a lab" "its datagram"; do
		skip "$d" "setpriv cannot drop CAP_NET_RAW here"
	done
fi
finish
