#!/bin/sh
# handshake.sh - examples/handshake.sock, the packets of one TCP
# connection checked by "expect packet" and "expect packets", run under
# sockshell --private (capture needs CAP_NET_RAW, which the session's own
# namespace gives); and expect packet(s) failing when the packets differ,
# refused when capture is off, and checked before a script runs.
# Skipped where no user and network namespace can be made.
. "${top_srcdir:-.}/tests/shell/lib.sh"
case $(uname -s) in
Linux) ;;
*) skip_all "capture reads Linux's AF_PACKET sockets" ;;
esac
lesson=${top_srcdir:-.}/examples/handshake.sock

# Where no namespace can be made, only what needs none.
run -n "$lesson"
status_is 0 "--check accepts expect packet \"TEXT\" and expect packets N"
run -c 'capture off; socket inet stream; expect packets 1'
status_is 1 "expect packets with capture off fails"
has "$T/err" "expect: packets: capture is off (capture on first)" "and says why"
printf 'expect packets bogus\n' >"$T/bad.sock"
run -n "$T/bad.sock"
status_is 2 "--check refuses expect packets WORD that is no count"

run --private -c 'capture on'
if test "$status" != 0; then
	skip_block 6 "sockshell --private cannot make a namespace here"
	finish
fi

run --private --tap "$lesson"
status_is 0 "examples/handshake.sock under --private"
hasnt "$T/out" "not ok" "every expect line holds"
is "$(grep -c '^ok' "$T/out")" 21 "all 21 points ran"

run --private -c 'capture on; socket inet stream; listen; socket inet stream; connect @3
expect packets 2'
status_is 1 "expect packets 2 after a handshake's 3 packets fails"
has "$T/err" "got: 3 packets" "and says how many came"
run --private -c 'capture on; socket inet stream; listen; socket inet stream; connect @3
expect packet "[R]"'
status_is 1 "expect packet \"[R]\" fails where no reset was sent"
finish
