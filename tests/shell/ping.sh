#!/bin/sh
# ping.sh - ping sockets (socket inet dgram icmp) in a private network
# namespace this test makes (unshare -rn), where it sets
# net.ipv4.ping_group_range: refused, the line names the sysctl; allowed,
# the lesson examples/ping.sock replays, echo replies are decoded on the
# recvfrom line (type, code, id, seq) for ICMP and ICMPv6, and
# "sendto -e SEQ" is checked by --check.  Skips where no namespace can be
# made.  Only 127.0.0.1 and ::1 are pinged.
. "${top_srcdir:-.}/tests/shell/lib.sh"
command -v unshare >/dev/null 2>&1 || skip_all "unshare is not installed"
command -v ip >/dev/null 2>&1 || skip_all "ip (iproute2) is not installed"

# The namespace: lo up, the range $1 ("-": as a new namespace has it,
# which allows nobody), then the command.
cat >"$T/ns.sh" <<'NS'
ip link set lo up || exit 97
if test "$1" = -; then
	# A new namespace's range allows nobody; say so if it does not.
	awk '{ exit !($1 > $2) }' /proc/sys/net/ipv4/ping_group_range || exit 98
else
	echo "$1" >/proc/sys/net/ipv4/ping_group_range || exit 97
fi
shift
exec "$@"
NS
# in_ns RANGE ARG...: run ARG... in a new namespace with that range.
in_ns() {
	bounded unshare -rn sh "$T/ns.sh" "$@" </dev/null >"$T/out" 2>"$T/err"
	status=$?
}
in_ns "0 0" true
test "$status" = 0 || skip_all "no private network namespace with a settable ping_group_range"

run --check -c 'socket inet dgram icmp
sendto -e 1 127.0.0.1 0 dontwait'
status_is 0 "--check: sendto -e SEQ is DATA of two words, the flags after it checked"
run -c 'socket inet dgram
sendto -e 70000 127.0.0.1 9'
like "$(cat "$T/err")" "count 70000 is over the limit of 65535" "-e: the sequence is 0..65535"

in_ns - "$SOCKSHELL" -c 'socket inet dgram icmp'
if test "$status" = 98; then
	skip_block 2 "a new namespace's ping_group_range allows ping sockets here"
else
	has "$T/out" "socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP) = -1 EACCES" "refused where the range allows nobody"
	has "$T/out" '(ping sockets need your group in net.ipv4.ping_group_range: sysctl -w net.ipv4.ping_group_range="0 2147483647")' \
	"  and the line names the sysctl"
fi

in_ns "0 0" "$SOCKSHELL" --tap --timeout 10 "$top_srcdir/examples/ping.sock"
status_is 0 "the lesson replays where the range allows (status 0)"
hasnt "$T/out" "not ok" "  every expect of it holds"
has "$T/out" 'sendto(3, "\x08\0\0\0\0\0\0\x01", 8, 0, 127.0.0.1:0) = 8 {type=8 (echo request), code=0, id=0, seq=1}' \
	"  the request built by -e 1, decoded"
like "$(cat "$T/out")" 'recvfrom\(3, 100, 0\) = 8 "([^"\\]|\\.)*" \{type=0 \(echo reply\), code=0, id=[0-9]+, seq=1\} from 127\.0\.0\.1:0' \
	"  the reply decoded: type, code, id, seq"
id=$(sed -n 's/.*echo reply), code=0, id=\([0-9]*\), seq=1}.*/\1/p' "$T/out")
has "$T/out" "getsockname(3) = 0 0.0.0.0:$id" "  the id is the socket's port"
has "$T/out" 'seq=2} from 127.0.0.1:0' "  the request written out in escapes comes back too"

in_ns "0 0" "$SOCKSHELL" -c 'socket inet6 dgram icmpv6
sendto -e 7 ::1 0
recvfrom 64'
if grep -q 'socket(AF_INET6.*= -1' "$T/out"; then
	skip_block 2 "no IPv6 in the namespace"
else
	has "$T/out" '{type=128 (echo request), code=0, id=0, seq=7}' "ICMPv6: -e builds type 128"
	like "$(cat "$T/out")" '\{type=129 \(echo reply\), code=0, id=[0-9]+, seq=7\} from \[::1\]:0' \
		"  and the reply is type 129"
fi
finish
