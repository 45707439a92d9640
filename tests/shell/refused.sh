#!/bin/sh
# refused.sh - examples/refused.sock, the RST behind ECONNREFUSED (and UDP's ICMP port unreachable), checked by "expect packet" and
# "expect packets" under sockshell --private (capture needs CAP_NET_RAW,
# which the session's own namespace gives).  Skipped where no user and
# network namespace can be made.
. "${top_srcdir:-.}/tests/shell/lib.sh"
case $(uname -s) in
Linux) ;;
*) skip_all "capture reads Linux's AF_PACKET sockets" ;;
esac
lesson=${top_srcdir:-.}/examples/refused.sock

run -n "$lesson"
status_is 0 "--check accepts examples/refused.sock"

run --private -c 'capture on'
if test "$status" != 0; then
	skip_block 3 "sockshell --private cannot make a namespace here"
	finish
fi
run --private --tap "$lesson"
status_is 0 "examples/refused.sock under --private"
hasnt "$T/out" "not ok" "every expect line holds"
is "$(grep -c '^ok' "$T/out")" 24 "all 24 points ran"
finish
