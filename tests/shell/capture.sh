#!/bin/sh
# capture: the packets of the shell's own sockets, each once, after the
# call that caused them, with tcpdump's flags and relative seq/ack; the
# pcap file that tcpdump and tshark read; nothing of another program's
# traffic; and the one line that says how to get CAP_NET_RAW.  The
# packets are seen in a user and network namespace of the test's own
# (unshare -rn), so no root is needed; the test skips where one cannot be
# made.
. "${top_srcdir:-.}/tests/shell/lib.sh"
case $(uname -s) in
Linux) ;;
*) skip_all "capture reads Linux's AF_PACKET sockets" ;;
esac
command -v unshare >/dev/null 2>&1 || skip_all "unshare(1) is not installed"
command -v ip >/dev/null 2>&1 || skip_all "ip(8) is not installed"
unshare -rn sh -c 'ip link set lo up' >/dev/null 2>&1 ||
	skip_all "no user and network namespace can be made here"

# private ARG...: sockshell ARG... alone in a network of its own, with
# loopback up; output in $T/out and $T/err.
private() {
	bounded unshare -rn sh -c 'ip link set lo up && exec "$@"' sh "$SOCKSHELL" "$@" \
		</dev/null >"$T/out" 2>"$T/err"
	status=$?
}

# count PATTERN: how many lines of $T/out hold the fixed string.
count() {
	grep -c -F -e "$1" "$T/out"
}

# line_of PATTERN: the number of the first line of $T/out holding it.
line_of() {
	grep -n -F -e "$1" "$T/out" | sed -n '1s/:.*//p'
}

private -c 'capture on; socket inet stream; bind 127.0.0.1 0; listen; socket inet stream
connect @3; 3 accept; 4 send "hello, world"; 5 recv 100; 4 close; 5 close; capture off'
status_is 0 "a handshake, data and FIN both ways under capture"
has "$T/out" "socket(AF_INET, SOCK_STREAM, 0) = 3" "the first handle is still 3"
is "$(count 'TCP [S] seq 0, win')" 1 "the SYN is shown once, seq 0"
is "$(count 'TCP [S.] seq 0, ack 1, win')" 1 "the SYN-ACK once, seq 0 ack 1"
has "$T/out" "options [mss 65495,sackOK,TS,wscale" "with the options in short form"
like "$(grep -F 'TCP [P.]' "$T/out")" '^  [0-9]+\.[0-9]{6} 127\.0\.0\.1:[0-9]+ > 127\.0\.0\.1:[0-9]+ TCP \[P\.\] seq 1:13, ack 1, win [0-9]+, options \[TS\], length 12$' \
	"the data: time, source > destination, seq 1:13, length 12"
is "$(count 'TCP [F.]')" 2 "a FIN each way"
connect=$(line_of 'connect(4,')
syn=$(line_of 'TCP [S]')
accept=$(line_of 'accept(3)')
ok "the SYN comes after connect's line and before accept's" \
	test "$connect" -lt "$syn" -a "$syn" -lt "$accept"
is "$(grep -c '^  [0-9]' "$T/out")" "$(grep -c ' TCP \[' "$T/out")" "every indented line is a packet"
has "$T/out" "capture off" "capture off says so"

private -c 'capture on; socket inet6 dgram; bind ::1 0; sendto hi @3; recvfrom 10
socket inet dgram; sendto x 127.0.0.1 9'
status_is 0 "UDP over IPv6, and to a closed port"
like "$(grep -F 'UDP, length 2' "$T/out")" '^  [0-9.]+ \[::1\]:([0-9]+) > \[::1\]:\1 UDP, length 2$' \
	"an IPv6 datagram: [::1]:PORT > [::1]:PORT UDP, length 2"
has "$T/out" "127.0.0.1 > 127.0.0.1 ICMP type 3 code 3 (port unreachable)" \
	"the ICMP error a closed UDP port sends"

# Another program's datagrams on the same loopback are not shown.
noise='socket inet dgram; bind 127.0.0.1 0'
i=0
while test $i -lt 40; do
	noise="$noise; sendto noise @3; sleep 0.01"
	i=$((i + 1))
done
bounded unshare -rn sh -c 'ip link set lo up && { "$0" -c "$1" >/dev/null 2>&1 & sleep 0.05;
	exec "$0" -c "capture on; socket inet dgram; bind 127.0.0.1 0; sendto mine @3; sleep 0.2; recv 10"; }' \
	"$SOCKSHELL" "$noise" </dev/null >"$T/out" 2>"$T/err"
status=$?
status_is 0 "capture while another program sends on loopback"
is "$(count 'UDP, length 4')" 1 "this shell's datagram is shown"
is "$(count 'UDP, length 5')" 0 "the other program's are not"

# The pcap file.
if command -v tcpdump >/dev/null 2>&1 || command -v tshark >/dev/null 2>&1; then
	private -c "capture $T/hs.pcap; socket inet stream; bind 127.0.0.1 0; listen
socket inet stream; connect @3; 3 accept; 4 send \"hello, world\"; 4 close; 5 close; capture off"
	status_is 0 "capture FILE.pcap"
	shown=$(grep -c ' TCP \[' "$T/out")
	ok "the pcap file starts with the 24-byte header, magic a1b2c3d4, link type 101" \
		test "$(od -An -tx1 -N24 "$T/hs.pcap" | tr -d ' \n')" = \
		"d4c3b2a10200040000000000000000000000040065000000"
else
	skip_block 2 "neither tcpdump nor tshark is installed"
fi
if command -v tcpdump >/dev/null 2>&1 && test -s "$T/hs.pcap"; then
	n=$(tcpdump -n -r "$T/hs.pcap" 2>/dev/null | grep -c ' Flags \[')
	is "$n" "$shown" "tcpdump -r reads every packet shown ($shown)"
	is "$(tcpdump -n -r "$T/hs.pcap" 2>/dev/null | grep -c 'Flags \[S\.\]')" 1 "one SYN-ACK in it"
else
	skip_block 2 "tcpdump is not installed"
fi
if command -v tshark >/dev/null 2>&1 && test -s "$T/hs.pcap"; then
	n=$(tshark -r "$T/hs.pcap" 2>/dev/null | grep -c 'TCP')
	is "$n" "$shown" "tshark -r reads every packet shown ($shown)"
else
	skip "tshark -r reads every packet shown" "tshark is not installed"
fi

# Without CAP_NET_RAW: one line saying how to get it.
if test "$(id -u)" -ne 0; then
	run -c 'capture on'
elif command -v setpriv >/dev/null 2>&1 && setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$SOCKSHELL"; then
	bounded setpriv --reuid=65534 --regid=65534 --clear-groups "$SOCKSHELL" -c 'capture on' \
		</dev/null >"$T/out" 2>"$T/err"
	status=$?
else
	status=skip
fi
if test "$status" = skip || grep -q '^capture on' "$T/out"; then
	skip_block 2 "capture runs here without a namespace (CAP_NET_RAW)"
else
	status_is 1 "capture without CAP_NET_RAW fails"
	has "$T/err" "capture: needs CAP_NET_RAW: run sockshell --private, or as root: setcap cap_net_raw+ep \$(command -v sockshell)" \
		"and says how to get it"
fi
finish
