#!/bin/sh
# multicast.sh - join and leave, IPv4 and IPv6, in a private network
# namespace this test makes (unshare -rn: only lo, a multicast route on
# it), so no multicast datagram can leave the machine: the lesson
# examples/multicast.sock replayed there, IPv6 memberships, a Python
# member receiving what sockshell sends.  Skips where no namespace can
# be made.  The argument errors need no namespace and are checked first.
. "${top_srcdir:-.}/tests/shell/lib.sh"
command -v unshare >/dev/null 2>&1 || skip_all "unshare is not installed"
command -v ip >/dev/null 2>&1 || skip_all "ip (iproute2) is not installed"

# The namespace's setup, then the command it was given.
cat >"$T/ns.sh" <<'NS'
ip link set lo up && ip link set lo multicast on &&
	ip route add 224.0.0.0/4 dev lo src 127.0.0.1 || exit 97
ip -6 route add ff00::/8 dev lo table local 2>/dev/null
exec "$@"
NS
# in_ns ARG...: run ARG... in a new namespace; output in $T/out, $T/err.
in_ns() {
	bounded unshare -rn sh "$T/ns.sh" "$@" </dev/null >"$T/out" 2>"$T/err"
	status=$?
}
in_ns true
test "$status" = 0 || skip_all "no private network namespace here (unshare -rn)"

run -c 'socket unix dgram
join 239.1.2.3'
like "$(cat "$T/err")" "only an inet or inet6 socket joins a multicast group" \
	"join on a unix socket: a clear error"
run -c 'socket inet dgram
join ff05::1:3'
like "$(cat "$T/err")" "group 'ff05::1:3' is no IPv4 address" "an IPv6 group on an inet socket: named"
run -c 'socket inet dgram
join 239.1.2.3 lo'
like "$(cat "$T/err")" "interface address 'lo' is no IPv4 address" "the IPv4 interface is an address"
run -c 'socket inet6 dgram
leave ff05::1:3 nosuchif0'
like "$(cat "$T/err")" "no interface 'nosuchif0'" "an unknown IPv6 interface: named"

in_ns "$SOCKSHELL" --tap --timeout 10 "$top_srcdir/examples/multicast.sock"
status_is 0 "the lesson replays in the namespace (status 0)"
hasnt "$T/out" "not ok" "  every expect of it holds"
has "$T/out" "setsockopt(3, IPPROTO_IP, IP_ADD_MEMBERSHIP, {imr_multiaddr=239.1.2.3, imr_address=127.0.0.1}) = 0" \
	"  the membership traced as C writes it"
like "$(grep -c '^ok' "$T/out")" '^2[0-9]$' "  its 20-odd points ran"

in_ns "$SOCKSHELL" -c 'socket inet6 dgram
bind :: 0
join ff05::1:3 1
join ff02::1:3 lo
leave ff05::1:3 1
leave ff05::1:3 1
expect EADDRNOTAVAIL'
if grep -q 'socket(AF_INET6.*= -1' "$T/out"; then
	skip_block 3 "no IPv6 in the namespace"
else
	status_is 0 "IPv6: join and leave by interface index or name"
	has "$T/out" "setsockopt(3, IPPROTO_IPV6, IPV6_JOIN_GROUP, {ipv6mr_multiaddr=ff02::1:3, ipv6mr_interface=1}) = 0" \
		"  the name lo is index 1"
	has "$T/out" "IPV6_LEAVE_GROUP, {ipv6mr_multiaddr=ff05::1:3, ipv6mr_interface=1}) = -1 EADDRNOTAVAIL" \
		"  leaving twice fails"
fi

if have_python; then
	in_ns "$PYTHON3" -c '
import socket, subprocess, sys
r = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
r.bind(("0.0.0.0", 0))
r.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP,
             socket.inet_aton("239.1.2.3") + socket.inet_aton("127.0.0.1"))
r.settimeout(5)
port = r.getsockname()[1]
subprocess.run([sys.argv[1], "-c", "socket inet dgram\nsetsockopt multicast_ttl 0\n"
                "sendto hi 239.1.2.3 %d" % port], check=True)
print("python got", r.recv(100))' "$SOCKSHELL"
	has "$T/out" "python got b'hi'" "a Python member (IP_ADD_MEMBERSHIP) gets sockshell's datagram"
else
	skip "python3 is not installed"
fi
finish
