#!/bin/sh
# args.sh - bad counts, bad ports, unknown and ambiguous commands, handles
# that do not exist, and calls that the kernel refuses: each gets a clear
# error (FILE:LINE: for the shell's own, the errno on the trace line for
# the kernel's), and the script goes on to its end.
. "${top_srcdir:-.}/tests/hostile/lib.sh"

# Each case once in a lesson file and once as a line piped to stdin.
both() {
	bdesc=$1
	bline=$2
	bwant=$3
	shift 3
	printf 'socketpair\n%s\necho survived\n' "$bline" >"$T/case.sock"
	try "$T/case.sock"
	verdict "$bdesc" "$bwant" "$@"
	# A file is checked whole first: after a syntax error (2) nothing
	# runs; after any other error the script goes on.
	if test "$bwant" != 2; then
		out_has survived "$bdesc: the script went on"
	fi
	try_in "$T/case.sock"
	if test "$bwant" = 0; then
		verdict "$bdesc (stdin)" 0
	else
		verdict "$bdesc (stdin)" "$bwant" '<stdin>:2: '
	fi
	out_has survived "$bdesc (stdin): the script went on"
}

both 'recv 0 is a count (dontwait: no wait)' 'recv 0 dontwait' 0
both 'recv -1' 'recv -1' 1 "case.sock:2: error: bad count '-1'"
both 'recv 99999999999999999999' 'recv 99999999999999999999' 1 \
	'case.sock:2: error: count 99999999999999999999 is over the limit'
both 'recv 0x10' 'recv 0x10' 1 "case.sock:2: error: bad count '0x10'"
both 'recv with no count' 'recv' 2 'case.sock:2: error: recv: too few arguments'
both 'listen -1' 'listen -1' 1 "case.sock:2: error: bad count '-1'"
both 'sleep -1' 'sleep -1' 1 "case.sock:2: error: bad duration '-1'"
both 'sleep 1e99' 'sleep 1e99' 1 "case.sock:2: error: bad duration '1e99'"
both 'sleep nan' 'sleep nan' 1 "case.sock:2: error: bad duration 'nan'"
both 'quit 256' 'quit 256' 1 'case.sock:2: error: count 256 is over the limit of 255'

both 'port 70000' 'socket inet stream; connect 127.0.0.1 70000' 1 "case.sock:2: error: bad port '70000'"
both 'port 80abc' 'socket inet stream; bind 127.0.0.1 80abc' 1 "case.sock:2: error: bad port '80abc'"
both 'port -1' 'socket inet dgram; sendto x 127.0.0.1 -1' 1 "case.sock:2: error: bad port '-1'"
both 'port 0x50' 'socket inet stream; connect 127.0.0.1 0x50' 1 "case.sock:2: error:"
both 'an unknown service' 'socket inet stream; connect 127.0.0.1 no-such-service-x' 1 \
	"case.sock:2: error: unknown service 'no-such-service-x'"
both 'a unix path too long' \
	"socket unix stream; bind /tmp/$(printf '%0200d' 0)" 1 'case.sock:2: error: a unix socket path must be'

both 'an unknown command' 'frobnicate 1 2' 2 'case.sock:2: error: unknown command "frobnicate"'
both 'a misspelt command' 'sokcet inet stream' 2 "did you mean 'socket'?"
both 'an ambiguous prefix' 're 10' 2 'case.sock:2: error: ambiguous command "re": it could be recv, recvfrom'
# A wrong keyword is found by the check of the file (2: nothing runs), or
# when its line runs on stdin (1: the script goes on).
keyword() {
	printf 'socketpair\n%s\necho survived\n' "$2" >"$T/case.sock"
	try "$T/case.sock"
	verdict "$1: the check finds it" 2 "case.sock:2: error: $3"
	try_in "$T/case.sock"
	verdict "$1 (stdin)" 1 "<stdin>:2: error: $3"
	out_has survived "$1 (stdin): the script went on"
}
keyword 'an unknown flag' 'recv 1 peeek' "unknown flag 'peeek'"
keyword 'an unknown family' 'socket inet7 stream' "unknown family 'inet7'"

both 'handle 0 (stdin) is not ours' '0 recv 1' 1 'case.sock:2: error: there is no open handle 0'
both 'handle 1 alone' '1' 1 'case.sock:2: error: there is no open handle 1'
both 'handle 2 alone' '2' 1 'case.sock:2: error: there is no open handle 2'
both 'a handle that never existed' '99 send x' 1 'case.sock:2: error: there is no open handle 99'
both 'a huge handle number' '4294967299 send x' 1 'case.sock:2: error: there is no open handle'
both 'a closed handle' '3 close; 3 recv 1' 1 'case.sock:2: error: there is no open handle 3'
both 'use a closed handle' '4 close; use 4' 1 "case.sock:2: error: use: there is no open handle '4'"
both 'poll a handle that is not open' 'poll 3 77 0' 1 "error: poll: '77' is not an open handle"
both '@N past the largest int is no handle' 'socket inet stream; connect @4294967299' 1 \
	'case.sock:2: error: @4294967299: there is no handle 4294967299'
both 'a port @N past the largest int' 'socket inet stream; connect 127.0.0.1 @4294967299' 1 \
	'case.sock:2: error: @4294967299: there is no handle'
both 'no current handle' '3 close; 4 close; send x' 1 'case.sock:2: error: no current handle'

# Calls the kernel refuses: the trace line shows the errno, the shell goes on.
both 'recv on a listener' \
	'socket inet stream; bind 127.0.0.1 0; listen; recv 1' 0
out_has 'recv(5, 1, 0) = -1 ENOTCONN' 'recv on a listener shows ENOTCONN'
both 'accept on a UDP socket' 'socket inet dgram; accept' 0
out_has 'accept(5) = -1 EOPNOTSUPP' 'accept on UDP shows EOPNOTSUPP'
both 'connect twice' \
	'socket inet stream; bind 127.0.0.1 0; listen; socket inet stream; connect @5; connect @5' 0
out_has '= -1 EISCONN' 'the second connect shows EISCONN'
both 'an IPv4 address on an inet6 socket' 'socket inet6 stream; connect 127.0.0.1 9' 0
out_has 'connect(5, 127.0.0.1:9) = -1' 'the call is made and fails'
both 'listen on a datagram socket' 'socket inet dgram; listen' 0
out_has 'listen(5, ' 'listen on UDP is traced'
both 'shutdown of an unconnected socket' 'socket inet stream; shutdown wr' 0
out_has 'shutdown(5, SHUT_WR) = -1 ENOTCONN' 'shutdown shows ENOTCONN'
both 'a call on a socket pair after its peer closed' '4 close; 3 send x' 0
out_has 'send(3, "x", 1, 0) = -1 EPIPE' 'send shows EPIPE, the shell does not die of SIGPIPE'

# With -e the first failed call ends the script with status 1.
printf 'socket inet stream\nshutdown wr\necho not reached\n' >"$T/errexit.sock"
try -e "$T/errexit.sock"
verdict '-e: a failed call ends the script' 1
ok '... before the next line' sh -c "! grep -q 'not reached' '$T/out'"

finish
