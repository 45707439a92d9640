#!/bin/sh
# stream.sh - examples/stream.sock, one 42-byte segment read back as 16+16+10, and Nagle with and without nodelay, checked by "expect packet" and
# "expect packets" under sockshell --private (capture needs CAP_NET_RAW,
# which the session's own namespace gives).  Skipped where no user and
# network namespace can be made.
. "${top_srcdir:-.}/tests/shell/lib.sh"
case $(uname -s) in
Linux) ;;
*) skip_all "capture reads Linux's AF_PACKET sockets" ;;
esac
lesson=${top_srcdir:-.}/examples/stream.sock

run -n "$lesson"
status_is 0 "--check accepts examples/stream.sock"

run --private -c 'capture on'
if test "$status" != 0; then
	skip_block 3 "sockshell --private cannot make a namespace here"
	finish
fi
run --private --tap "$lesson"
status_is 0 "examples/stream.sock under --private"
hasnt "$T/out" "not ok" "every expect line holds"
is "$(grep -c '^ok' "$T/out")" 64 "all 64 points ran"
finish
