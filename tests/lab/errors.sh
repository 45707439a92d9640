#!/bin/sh
# errors.sh - the host command's errors name FILE:LINE, and the shell goes
# on with its hosts and handles: a bad name, a bad address, an address
# another host has, a host made twice with addresses, "host -" with one;
# the sockets of a host that exists are still made there after them.
. "${top_srcdir:-.}/tests/shell/lib.sh"

run -c 'require lab; echo lab-ok'
grep -q '^lab-ok$' "$T/out" || skip_all "no lab here: $(cat "$T/out" "$T/err" | head -1)"

cat >"$T/bad.sock" <<'LESSON'
host a
host 9lives
host b 10.0.0.999
host b 10.0.0.1
host b fd00::1/64
host b 10.0.0.2/40
host b 10.0.0.2 10.0.0.3
host a 10.0.0.9
host - x
host b
socket inet dgram
status
host
LESSON
run "$T/bad.sock"
status_is 1 "a script with errors exits 1"
has "$T/err" "bad.sock:2: error: host: bad host name '9lives'" "a name must begin with a letter"
has "$T/err" "bad.sock:3: error: host: bad address '10.0.0.999'" "an address that is none"
has "$T/err" "bad.sock:4: error: host: the address 10.0.0.1 is host a's already" \
	"an IPv4 address a host has"
has "$T/err" "bad.sock:5: error: host: the address fd00::1 is host a's already" \
	"an IPv6 address a host has"
has "$T/err" "bad.sock:6: error: host: bad address '10.0.0.2/40'" "a prefix too long"
has "$T/err" "bad.sock:7: error: host: bad address '10.0.0.3'" "two IPv4 addresses"
has "$T/err" "bad.sock:8: error: host: host a exists already" "a host made twice"
has "$T/err" "bad.sock:9: error: host -: takes no address" "host - with an address"
has "$T/out" "host b: eth0 10.0.0.2/24 fd00::2/64" "b is made after all that"
like "$(grep 'host=b' "$T/out")" '^\* 3 +inet +dgram .*host=b$' "its socket is b's"
like "$(grep '^\*' "$T/out" | tail -1)" '^\* b ' "b is the current host"
finish
