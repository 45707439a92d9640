#!/bin/sh
# output.sh - standard streams that are closed, full or gone: the shell
# says that its output is lost and exits 1; a socket never takes the place
# of stdin, stdout or stderr.
. "${top_srcdir:-.}/tests/hostile/lib.sh"

cmds='socket inet stream; socket inet stream; getsockopt type; status; echo done'

# valgrind opens its log on the lowest free descriptor, which here is the
# closed stream itself: these need the shell without it.
if test -n "${SOCKSHELL_VALGRIND:-}"; then
	skip 'closed and full standard streams' 'valgrind takes the closed descriptor for its log'
	finish
fi

$bound "$SOCKSHELL" -c "$cmds" </dev/null >&- 2>"$T/err"
status=$?
verdict 'stdout closed: an error, status 1' 1 'sockshell: cannot write standard output: Bad file descriptor'

if test -w /dev/full; then
	$bound "$SOCKSHELL" -c "$cmds" </dev/null >/dev/full 2>"$T/err"
	status=$?
	verdict 'stdout on a full device' 1 'sockshell: cannot write standard output: No space left on device'
else
	skip 'stdout on a full device' 'no /dev/full'
fi

# A reader that goes away: EPIPE, not death by SIGPIPE.
cat >"$T/pipe.sh" <<'EOF'
"$SOCKSHELL" -c 'socketpair; send -n 100000; 4 recv 100000; echo after' 2>"$T/err"
echo $? >"$T/status"
EOF
(T=$T; export T; $bound sh "$T/pipe.sh" | head -c 100 >/dev/null)
status=$(cat "$T/status" 2>/dev/null || echo missing)
verdict 'stdout to a pipe whose reader has gone' 1 'sockshell: cannot write standard output: Broken pipe'

# A full pipe that is read later: nothing is lost.
$bound "$SOCKSHELL" -c 'socketpair; send -n 100000; 4 recv 100000' 2>"$T/err" | (sleep 1; cat) >"$T/out"
status=$?
verdict 'stdout to a pipe that fills, then drains' 0
ok '... and every byte arrives' test "$(wc -c <"$T/out" | tr -d ' ')" -gt 100000

# stdin and stderr closed: the first socket is still 3, and no error text
# is ever written into a socket.
$bound "$SOCKSHELL" -c 'socket inet stream; getsockopt type' <&- >"$T/out" 2>"$T/err"
status=$?
verdict 'stdin closed' 0
out_has 'socket(AF_INET, SOCK_STREAM, 0) = 3' '... the first socket is 3'

$bound "$SOCKSHELL" -c 'socket inet stream; getsockopt type; frob' </dev/null >"$T/out" 2>&-
status=$?
verdict 'stderr closed, and an error to report' 2
$bound "$SOCKSHELL" -c 'socketpair; 4 nonblock on; 4 recv 10; 99 recv 1; 4 recv 100 dontwait' </dev/null >"$T/out" 2>&-
status=$?
verdict 'stderr closed: the error is lost, not sent' 1
out_has 'socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0' '... the pair is 3 and 4'
out_has 'recv(4, 100, MSG_DONTWAIT) = -1 EAGAIN' '... and nothing arrived on it'

$bound "$SOCKSHELL" -c "$cmds" <&- >&- 2>&-
status=$?
verdict 'all three closed' 1

finish
