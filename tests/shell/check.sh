#!/bin/sh
# check.sh - the check before a lesson runs finds wrong keywords: a
# family, type, protocol, shutdown direction, on/off (of nonblock, set
# and a boolean option), flag, option name, display mode or expect word
# that the command would refuse, and a HOST without its PORT.  Each is reported as
# FILE:LINE: error: with a caret under the word and a did-you-mean hint,
# before line 1 runs (status 2); ${...} words are left to run time, and
# every right keyword passes.
. "${top_srcdir:-.}/tests/shell/lib.sh"

# bad NAME LINE ERROR [HINT]: a lesson "echo first-line" then LINE fails
# the check with ERROR at line 2 (and HINT), runs nothing, status 2; so
# does --check.
bad() {
	printf 'echo first-line\n%s\n' "$2" >"$T/$1.sock"
	run --check "$T/$1.sock"
	status_is 2 "$2: --check fails (status 2)"
	has "$T/err" "$1.sock:2: error: $3" "  $2: FILE:LINE: error: $3"
	if test -n "${4:-}"; then
		has "$T/err" "$4" "  $2: the hint $4"
	fi
	run "$T/$1.sock"
	status_is 2 "  $2: the lesson fails its check"
	hasnt "$T/out" "first-line" "  $2: and line 1 never ran"
}

bad expect 'socketpair; expect ECONREFUSED' "expect: unknown errno name 'ECONREFUSED'" \
	"did you mean 'ECONNREFUSED'?"
bad eai 'getaddrinfo localhost; expect EAI_NONAM' "expect: unknown getaddrinfo error 'EAI_NONAM'" \
	"did you mean 'EAI_NONAME'?"
bad eof 'socketpair; expect eoff' "expect: cannot check 'eoff'" "did you mean 'eof'?"
bad cmp 'socketpair; expect <x' "expect: bad comparison '<x'"
bad type 'socket inet bogus' "unknown type 'bogus'" \
	"one of: stream, dgram, seqpacket, raw"
bad type2 'socket inet strem' "unknown type 'strem'" "did you mean 'stream'?"
bad family 'socket inet5 stream' "unknown family 'inet5'" "did you mean 'inet6'?"
bad proto 'socket inet stream tcpp' "unknown protocol 'tcpp'" "did you mean 'tcp'?"
bad how 'socketpair; shutdown write' "unknown direction 'write'" "did you mean 'wr'?"
bad noport 'socket inet stream; connect 127.0.0.1' \
	"a PORT must follow the host '127.0.0.1'" "./name"
bad noport2 'socket inet stream; connect localhost' "a PORT must follow the host 'localhost'"
bad noport3 'socket inet stream; bind *' "a PORT must follow the host '*'"
bad onoff 'socketpair; nonblock maybe' "nonblock: bad value 'maybe'" 'write on or off'
bad flag 'socketpair; recv 10 peek dontwiat' "unknown flag 'dontwiat'" "did you mean 'dontwait'?"
bad sflag 'socketpair; send -n 10 mroe' "unknown flag 'mroe'" "did you mean 'more'?"
bad option 'socketpair; setsockopt reuseadr on' "unknown option 'reuseadr'" \
	"did you mean 'reuseaddr'?"
bad optval 'socketpair; setsockopt reuseaddr maybe' "setsockopt: bad value 'maybe'" 'write on or off'
bad display 'set display hexx' "set display: unknown mode 'hexx'" "did you mean 'hex'?"
bad echo 'set echo maybe' "set: bad value 'maybe'"

# The caret is under the bad word.
printf 'socket inet bogus\n' >"$T/caret.sock"
run --check "$T/caret.sock"
has "$T/err" "    socket inet bogus" "the line is shown"
has "$T/err" "                ^~~~~" "with the caret under the bad word"

# Right keywords, every form, and ${...} words pass; so does a unix path.
cat >"$T/good.sock" <<'EOF'
socket inet stream tcp
socket inet6 dgram udp
socket unix seqpacket 0
socket AF_INET SOCK_STREAM
socket ${FAMILY:-inet} ${TYPE:-stream}
socketpair dgram
bind 127.0.0.1 0
bind ./good.s
connect @3
connect 127.0.0.1 @3
connect localhost http
connect ${HOST:-127.0.0.1}
sendto "x" @3 peek
sendto -n 10 127.0.0.1 9 dontwait
send -f /dev/null more nosignal
send -n 5
recv 10 peek waitall dontwait
shutdown wr
shutdown SHUT_RDWR
nonblock on
nonblock off
nonblock yes
nonblock 0
setsockopt reuseaddr yes
setsockopt reuseaddr on
setsockopt SO_KEEPALIVE 1
setsockopt linger off
setsockopt rcvtimeo 0.5
setsockopt rcvbuf 65536
setsockopt ${OPT:-rcvbuf} ${VAL:-1}
getsockopt error
getaddrinfo localhost 80 inet stream
getaddrinfo localhost stream inet6
getaddrinfo localhost
dial localhost 80 dgram
set display both
set timeout 2.5
set echo off
set errexit no
set echo false
set PORT 10000
set rc
expect 0 -1 <5 <=5 >0 >=0 !=3 "data" 'text' eof ok timeout truncated EAGAIN EAI_NONAME
expect ${WANT:-0}
help connect
help conn
recv ${N:-10}
setsockopt rcvbuf lots
recv -1
bind 127.0.0.1 70000
set timeout soon
EOF
run --check "$T/good.sock"
status_is 0 "every right keyword, the expansions, a unix path and values (their range is for run time) pass --check"
empty "$T/err" "  with nothing on stderr"

finish
