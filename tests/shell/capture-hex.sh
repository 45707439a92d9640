#!/bin/sh
# capture-hex.sh - set capture text|hex: off by default; hex shows each
# captured packet's payload under its line as the hex dump set display
# hex shows (the same rows), marked > the way the connection's SYN (or a
# first datagram) went and < the way back; the rows count for expect
# packet; set capture text goes back.  The words are checked by --check.
# The packets need sockshell --private: skipped where no user and network
# namespace can be made.
. "${top_srcdir:-.}/tests/shell/lib.sh"

run -c 'set capture'
has "$T/out" "capture text" "set lists capture text: off by default"
run -c 'set capture hex; set capture'
has "$T/out" "capture hex" "set capture hex takes"
run -c 'set capture hex; set capture text; set capture'
has "$T/out" "capture text" "set capture text goes back"
printf 'set capture hx\n' >"$T/bad.sock"
run -n "$T/bad.sock"
status_is 2 "--check refuses set capture hx"
has "$T/err" "bad.sock:1: error: set capture: unknown mode" "naming FILE:LINE and the setting"
has "$T/err" "did you mean 'hex'" "with the nearest mode"
run -c 'set capture on'
status_is 2 "set capture on is no mode (its values are text and hex)"
has "$T/err" "unknown mode 'on' (write text or hex)" "and says what to write"
run -c 'set M on; set capture ${M}'
status_is 1 "nor when it comes from a variable"
has "$T/err" "set capture: write text or hex" "which the handler refuses"

case $(uname -s) in
Linux) ;;
*) skip_block 9 "capture reads Linux's AF_PACKET sockets"; finish ;;
esac
run --private -c 'capture on'
if test "$status" != 0; then
	skip_block 9 "sockshell --private cannot make a namespace here"
	finish
fi

run --private --tap -c 'set capture hex; capture on
socket inet stream; listen; socket inet stream; connect @3; 3 accept
4 send "hello world, this is more than sixteen"
expect packet "    > 000000  68 65 6c 6c 6f 20 77 6f  72 6c 64 2c 20 74 68 69  |hello world, thi|"
expect packet "    > 000020  69 78 74 65 65 6e "
5 send "back"
expect packet "    < 000000  62 61 63 6b "
expect packet "|back|"
set capture text
5 send "more"
expect packet "length 4"
socket inet dgram; bind 127.0.0.1 0; socket inet dgram; connect @6
set capture hex
7 send "udp!"
expect packet "UDP, length 4"
expect packet "    > 000000  75 64 70 21 "'
status_is 0 "set capture hex under --private"
hasnt "$T/out" "not ok" "rows under TCP and UDP data, > out and < back"
is "$(grep -c '^ok' "$T/out")" 7 "all 7 points ran"
has "$T/out" "#     > 000010  73 20 69 73 20 6d 6f 72  65 20 74 68 61 6e 20 73  |s is more than s|" \
	"the second row, as a TAP comment"
hasnt "$T/out" "|more|" "set capture text: no dump"
is "$(grep -c '^#     [<>] ' "$T/out")" 5 "rows only under packets with data (3 + 1 + 1)"

# The rows are set display hex's, after the mark.
run -c 'set display hex; socketpair; 3 send "hello world, this is more than sixteen"; 4 recv 100'
grep '^  0000' "$T/out" | sed 's/^  //' >"$T/display"
run --private -c 'set capture hex; capture on; socket inet stream; listen; socket inet stream
connect @3; 4 send "hello world, this is more than sixteen"'
grep '^    > 0000' "$T/out" | sed 's/^    > //' >"$T/capture"
is "$(cat "$T/capture")" "$(cat "$T/display")" "the same rows as set display hex"
is "$(wc -l <"$T/capture")" 3 "three of them for 38 bytes"
hasnt "$T/out" "    < " "a bare ACK back has no row"
finish
