#!/bin/sh
# sockopt.sh - the options that may need privilege (mark: CAP_NET_ADMIN;
# bindtodevice: CAP_NET_RAW before Linux 5.7, and to change a binding),
# the trace of an interface name and of the generic LEVEL NAME form, and
# --check accepting both forms while refusing what would fail.
. "${top_srcdir:-.}/tests/shell/lib.sh"

# cap BIT: does this process hold capability BIT (CapEff)?
cap() {
	eff=$(sed -n 's/^CapEff:[[:space:]]*//p' /proc/self/status 2>/dev/null)
	test -n "$eff" && test $(( (0x$eff >> $1) & 1 )) = 1
}

run -c 'socket inet stream
setsockopt mark 7
getsockopt mark'
if cap 12; then
	has "$T/out" "setsockopt(3, SOL_SOCKET, SO_MARK, 7) = 0" "mark with CAP_NET_ADMIN: set"
	has "$T/out" "getsockopt(3, SOL_SOCKET, SO_MARK) = 0, value 7" "  and read back"
else
	has "$T/out" "SO_MARK, 7) = -1 EPERM" "mark without CAP_NET_ADMIN: EPERM"
	has "$T/out" "getsockopt(3, SOL_SOCKET, SO_MARK) = 0, value 0" "  and it stays 0"
fi

run -c 'socket inet dgram
setsockopt bindtodevice lo
getsockopt bindtodevice
setsockopt bindtodevice ""
getsockopt bindtodevice
expect ""'
status_is 0 "bindtodevice lo, then \"\" to unbind (status 0)"
if grep -q 'SO_BINDTODEVICE, "lo", 2) = 0' "$T/out"; then
	pass "bindtodevice lo: set, its name and length on the line"
	has "$T/out" 'SO_BINDTODEVICE) = 0, value "lo"' "  getsockopt shows the name"
elif cap 13; then
	fail "bindtodevice lo with CAP_NET_RAW should succeed"
	diag_file "$T/out" stdout
	pass "  (no name to read back)"
else
	has "$T/out" 'SO_BINDTODEVICE, "lo", 2) = -1 EPERM' \
		"bindtodevice lo without CAP_NET_RAW: EPERM (a kernel before 5.7)"
	pass "  (no name to read back)"
fi
has "$T/out" 'SO_BINDTODEVICE, "", 0) = 0' "an empty name unbinds"
has "$T/out" 'SO_BINDTODEVICE) = 0, value "" (none)' "  and none is shown"

run -c 'socket inet stream
setsockopt tos 0x10
getsockopt tos
setsockopt IPPROTO_TCP TCP_NODELAY 1
setsockopt 6 1 0
getsockopt tcp 9999
setsockopt ip TCP_NODELAY 1
setsockopt tos lots'
has "$T/out" "getsockopt(3, IPPROTO_IP, IP_TOS) = 0, value 16 (0x10)" "tos shows its hex"
has "$T/out" "setsockopt(3, IPPROTO_TCP, TCP_NODELAY, 1) = 0" "the generic form by symbols"
has "$T/out" "setsockopt(3, IPPROTO_TCP, TCP_NODELAY, 0) = 0" "  by numbers, shown by symbol"
has "$T/out" "getsockopt(3, IPPROTO_TCP, 9999) = -1 ENOPROTOOPT" "  an unknown number, shown as one"
has "$T/err" "TCP_NODELAY is an option of level IPPROTO_TCP, not of IPPROTO_IP" \
	"a constant at the wrong level is refused"
has "$T/err" "bad value 'lots': write an integer" "a value that is no integer is refused"

printf '%s\n' 'socket inet stream' 'setsockopt tos 0x10' 'setsockopt tcp TCP_NODELAY 1' \
	'setsockopt 6 1 020' 'getsockopt SOL_SOCKET 9999' 'getsockopt IPPROTO_IPV6 IPV6_V6ONLY' \
	'setsockopt bindtodevice lo' 'setsockopt multicast_if 127.0.0.1' \
	'getsockopt tcp ${N:-1}' >"$T/good.sock"
run --check "$T/good.sock"
status_is 0 "--check accepts OPTION VALUE and LEVEL NAME [VALUE]"
empty "$T/err" "  with nothing on stderr"

for bad in 'setsockopt tcp TCP_NODELY 1:did you mean '\''TCP_NODELAY'\''' \
	'setsockopt ip 1:a LEVEL takes a NAME' \
	'setsockopt tcp 12345678901 1:unknown option name '\''12345678901'\''' \
	'getsockopt tcp:a LEVEL takes a NAME' \
	'setsockopt reuseaddr on 1:one word too many after the OPTION' \
	'getsockopt rcvbuf 1:one word too many after the OPTION'; do
	printf 'socketpair\n%s\n' "${bad%%:*}" >"$T/bad.sock"
	run --check "$T/bad.sock"
	status_is 2 "--check refuses '${bad%%:*}' (status 2)"
	has "$T/err" "${bad#*:}" "  saying: ${bad#*:}"
done

finish
