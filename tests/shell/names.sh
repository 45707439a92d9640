#!/bin/sh
# Names with several addresses, from a hosts file of the test's own, in
# private mount and network namespaces (nothing can leave the machine):
# connect tries each address in turn and prints each attempt; dial does
# getaddrinfo, then socket+connect per result, closing the failures;
# getaddrinfo lists IPv4 and IPv6 results.  Skipped where the namespaces
# are not allowed.
. "${top_srcdir:-.}/tests/shell/lib.sh"
if ! unshare -m -n true 2>/dev/null; then
	skip_all "private mount and network namespaces are not allowed here"
fi
d=$T
printf '127.0.0.1 multi.test\n127.0.0.2 multi.test\n::1 dual.test\n127.0.0.1 dual.test\n' > "$d/hosts"

# Run sockshell -c "$1" with the hosts file above, in the namespaces.
inns() {
	timeout 20 unshare -m -n sh -c '
		ip link set lo up 2>/dev/null || exit 3
		mount --bind "$1" /etc/hosts || exit 3
		shift; exec "$@"' sh "$d/hosts" "$SOCKSHELL" -c "$1" 2>&1
}
# After a failed point: the output it looked at.
show_out() { printf '%s\n' "$out" | sed 's/^/#   /'; }
tap_on_fail show_out

out=$(inns 'getaddrinfo multi.test 1 inet stream'); st=$?
if [ "$st" = 3 ]; then
	skip_all "cannot set up the private hosts file"
fi
first=$(printf '%s\n' "$out" | awk '$1 == "AF_INET" { sub(/:1$/, "", $4); print $4; exit }')
ok "getaddrinfo lists both addresses of multi.test" eval '[ "$(printf "%s\n" "$out" | grep -c "^  AF_INET SOCK_STREAM")" = 2 ]'
case $first in
127.0.0.1) second=127.0.0.2 ;;
*) second=127.0.0.1 ;;
esac

# A listener on the second address only: the first attempt is refused.
out=$(inns "socket inet stream; bind $second 0; listen; socket inet stream; connect multi.test @3; expect 0; 3 accept; expect 5")
st=$?
is "$st" 0 "connect by name reaches the listener (status 0)"
ok "the first address is tried and refused, on its own line" eval 'printf "%s\n" "$out" | grep -q "^connect(4, $first:[0-9]*) = -1 ECONNREFUSED"'
ok "then the second address connects" eval 'printf "%s\n" "$out" | grep -q "^connect(4, $second:[0-9]*) = 0"'

# dial: IPv6 first for dual.test; with only an IPv4 listener, the IPv6
# socket is refused and closed, then an IPv4 one connects.
out=$(inns "socket inet stream; bind 127.0.0.1 0; listen; dial dual.test @3; expect 0")
st=$?
is "$st" 0 "dial by name connects (status 0)"
ok "getaddrinfo for dual.test shows both families" eval 'printf "%s\n" "$out" | grep -q "^  AF_INET6 " && printf "%s\n" "$out" | grep -q "^  AF_INET "'
ok "an IPv6 attempt is refused and its socket closed" eval 'printf "%s\n" "$out" | grep -q "^connect(4, \[::1\]:[0-9]*) = -1 ECONNREFUSED" && printf "%s\n" "$out" | grep -q "^close(4) = 0"'
ok "then an IPv4 socket connects" eval 'printf "%s\n" "$out" | grep -q "^connect(4, 127.0.0.1:[0-9]*) = 0"'

# A name the hosts file does not hold fails inside the namespace, at once.
# (EAI_NONAME, or EAI_AGAIN where the resolver has a DNS server it cannot
# reach: that is what getaddrinfo answers.)
out=$(inns 'socket inet stream; connect nosuch.test 80; expect ENOENT')
st=$?
ok "an unknown name fails on a getaddrinfo line" eval 'printf "%s\n" "$out" | grep -E -q "^getaddrinfo\(\"nosuch.test\", \"80\", AF_INET\) = EAI_(NONAME|AGAIN) "'
ok "and no connect is made" eval '! printf "%s\n" "$out" | grep -q "^connect("'
ok "the lookup's failure is the result expect checks" eval '[ "$st" = 1 ] && printf "%s\n" "$out" | grep -q "got: EAI_"'
finish
