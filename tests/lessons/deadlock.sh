#!/bin/sh
# deadlock.sh - the guard against waiting forever on a peer in this shell.
#
# When both ends of a connection live in one sockshell, a blocking recv on
# one end with nothing queued could only be answered by this same shell, so
# it would wait forever.  sockshell says so, naming the peer handle, makes
# no call, and (in a script) exits with status 1.  A lesson cannot test this
# itself, because the refusal is an error of the script; this test does.

: "${SOCKSHELL:?SOCKSHELL must name the sockshell binary}"

. "${top_srcdir:-.}/tests/lib/tap.sh"
# Standard error goes to a scratch file in the build tree.
errfile=$T/err

# run COMMANDS: sets out (stdout), err (stderr) and status.
run() {
	out=$(bounded "$SOCKSHELL" --timeout 10 -c "$1" 2>"$errfile")
	status=$?
	err=$(cat "$errfile")
}
# expect_refused NAME COMMANDS CALL PEER: the guard refuses CALL, naming PEER.
expect_refused() {
	run "$2"
	if [ "$status" -ne 1 ]; then
		fail "$1: exit status 1" "status was $status"
	else
		pass "$1: exit status 1"
	fi
	case $err in
	*"would wait forever"*"handle $4 of this shell"*)
		pass "$1: the message names peer handle $4" ;;
	*)
		fail "$1: the message names peer handle $4" "stderr: $err" ;;
	esac
	case $out in
	*"$3("*)
		fail "$1: no $3 call was made" "stdout: $out" ;;
	*)
		pass "$1: no $3 call was made" ;;
	esac
}

# A socket pair: 3 and 4.  Nothing was sent to 4.
expect_refused "socketpair recv" 'socketpair; 4 recv 10' recv 3

# A TCP connection: 4 is the client, 5 the server's end, linked by accept.
expect_refused "TCP recv" \
	'socket inet stream; bind 127.0.0.1 0; listen; socket inet stream; connect @3; 3 accept; 5 recv 10' \
	recv 4

# recvfrom on a datagram pair, and drain, are guarded the same way.
expect_refused "dgram recvfrom" 'socketpair dgram; 4 recvfrom 10' recvfrom 3
expect_refused "drain" 'socketpair; 3 drain' recv 4

# waitall asking for more than is queued would wait for the rest.
run 'socketpair; 3 send "abcd"; 4 recv 8 waitall'
case $err in
*"waitall asks for 8 bytes, only 4 are queued"*"handle 3 of this shell"*)
	pass "waitall: the message says how much is queued and names handle 3" ;;
*)
	fail "waitall: the message says how much is queued and names handle 3" "stderr: $err" ;;
esac
[ "$status" -eq 1 ] && pass "waitall: exit status 1" || fail "waitall: exit status 1" "status was $status"

# The refusal is immediate: it does not wait for the 10 s time-out.
start=$(date +%s)
run 'socketpair; 4 recv 10'
end=$(date +%s)
if [ $((end - start)) -lt 5 ]; then
	pass "the refusal comes at once, not after the time-out"
else
	fail "the refusal comes at once, not after the time-out" "took $((end - start)) s"
fi

# dontwait, or a non-blocking socket, still makes the call: EAGAIN.
run 'socketpair; 4 recv 10 dontwait'
case $out in
*"recv(4, 10, MSG_DONTWAIT) = -1 EAGAIN"*)
	pass "dontwait makes the call: EAGAIN" ;;
*)
	fail "dontwait makes the call: EAGAIN" "stdout: $out" "stderr: $err" ;;
esac
[ "$status" -eq 0 ] && pass "dontwait: exit status 0" || fail "dontwait: exit status 0" "status was $status"
run 'socketpair; 4 nonblock on; 4 recv 10'
case $out in
*"recv(4, 10, 0) = -1 EAGAIN"*)
	pass "a non-blocking socket makes the call: EAGAIN" ;;
*)
	fail "a non-blocking socket makes the call: EAGAIN" "stdout: $out" "stderr: $err" ;;
esac

# Data queued: the recv is made and returns it.
run 'socketpair; 3 send "ping"; 4 recv 10; expect "ping"'
[ "$status" -eq 0 ] && pass "with data queued the recv is made" ||
	fail "with data queued the recv is made" "status was $status" "stdout: $out" "stderr: $err"

# After the peer closes, recv is made and returns EOF.
run 'socketpair; 3 close; 4 recv 10; expect eof'
[ "$status" -eq 0 ] && pass "after the peer closed the recv is made: EOF" ||
	fail "after the peer closed the recv is made: EOF" "status was $status" "stdout: $out" "stderr: $err"

# A drain that has read something and would then wait forever still
# prints its summary, with what it got, before the refusal.
run 'socketpair; 4 send "hello"; 3 drain'
case $out in
*'drain(3, 4096) = 5 bytes in 1 recv call, then stopped: the next would wait forever'*)
	[ "$status" -eq 1 ] && pass "a drain stopped by the guard keeps its summary (status 1)" ||
		fail "a drain stopped by the guard keeps its summary (status 1)" "status was $status" ;;
*)	fail "a drain stopped by the guard keeps its summary (status 1)" "stdout: $out" "stderr: $err" ;;
esac

# A client whose connection waits in the accept queue of a listener of
# this shell (no accept yet): nothing can come, the guard names the
# listener.  After the accept it names the peer; a closed listener
# resets the connection, and the recv is made.
tcp='socket inet stream; bind 127.0.0.1 0; listen; socket inet stream; connect @3'
expect_queued() {
	run "$2"
	case $status:$err in
	1:*"$3 on 4 would wait forever: its connection is still in the accept queue of listener 3 of this shell"*)
		pass "$1: refused, naming listener 3" ;;
	*)	fail "$1: refused, naming listener 3" "status $status" "stderr: $err" ;;
	esac
	case $out in
	*"recv(4"*) fail "$1: no recv call was made" "stdout: $out" ;;
	*)	pass "$1: no recv call was made" ;;
	esac
}
expect_queued "TCP, no accept: recv" "$tcp; 4 recv 16" recv
expect_queued "TCP, no accept: drain" "$tcp; 4 drain" drain
run "$tcp; 3 close; 4 recv 16; expect ECONNRESET"
[ "$status" -eq 0 ] && pass "TCP, listener closed: the recv is made (ECONNRESET)" ||
	fail "TCP, listener closed: the recv is made (ECONNRESET)" "status $status" "stdout: $out" "stderr: $err"

# Unix-domain connections made by accept, both ends in this shell: each
# end's peer is the other.  Handles: 3 listens, 4 and 5 connect, 6 and 7
# are accepted (in connect order).
sockdir=$T
path=$sockdir/s
unix="socket unix stream; bind $path; listen; socket unix stream; connect $path"
expect_queued "unix, no accept: recv" "$unix; 4 recv 16" recv
rm -f "$path"
expect_refused "unix accept: the client" "$unix; 3 accept; 4 recv 16" recv 5
rm -f "$path"
expect_refused "unix accept: the accepted end" "$unix; 3 accept; 5 recv 16" recv 4
rm -f "$path"
two="$unix; socket unix stream; connect $path; 3 accept; 3 accept"
expect_refused "unix, two clients: the second" "$two; 5 recv 16" recv 7
rm -f "$path"
expect_refused "unix, two clients: the second's accept" "$two; 7 recv 16" recv 5
rm -f "$path"
expect_refused "unix seqpacket accept" \
	"socket unix seqpacket; bind $path; listen; socket unix seqpacket; connect $path; 3 accept; 4 recv 16" recv 5
rm -f "$path"
# A client that closes before the accept leaves its connection queued:
# the accept takes it (EOF, not linked), and the next is linked to 5.
run "$unix; socket unix stream; connect $path; 4 close; 3 accept; 3 accept; 4 recv 16; expect eof; 5 recv 16"
case $status:$err in
1:*"recv on 5 would wait forever: its peer is handle 6 of this shell"*)
	pass "unix, a client closed before accept: the next is linked right" ;;
*)	fail "unix, a client closed before accept: the next is linked right" "status $status" "stdout: $out" "stderr: $err" ;;
esac
rm -f "$path"

# A unix connection from another process, queued before ours, is not
# linked: the accepts take it first (5), then ours (6).
if [ -n "${PYTHON3:-}" ] && "$PYTHON3" -c 'import socket' 2>/dev/null; then
	"$PYTHON3" -c '
import os, socket, sys, time
for i in range(100):
    if os.path.exists(sys.argv[1]): break
    time.sleep(0.05)
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(b"x")
s.settimeout(8)
s.recv(1)
' "$path" &
	pypid=$!
	run "socket unix stream; bind $path; listen; sleep 1; socket unix stream; connect $path; 3 accept; 3 accept; 5 recv 16; expect \"x\"; 4 recv 16"
	wait "$pypid"
	case $status:$err in
	1:*"recv on 4 would wait forever: its peer is handle 6 of this shell"*)
		pass "unix, an outside client first: ours is linked, the outside one not" ;;
	*)	fail "unix, an outside client first: ours is linked, the outside one not" "status $status" "stdout: $out" "stderr: $err" ;;
	esac
	rm -f "$path"
else
	skip "unix, an outside client first" "python3 is not available"
fi

finish
