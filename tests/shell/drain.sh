# drain.sh - drain on what a lesson cannot test itself: datagrams (an
# empty one is no EOF; drain stops when none is queued), a stream that
# never ends (the time-out stops it), a long stream (${data} keeps its
# first MiB, and the memory stays small).
. "${top_srcdir:-.}/tests/shell/lib.sh"

# 1. UDP: empty datagrams are shown as such, drain goes on past them and
# stops when nothing more is queued; expect eof fails on a datagram.
run -t 5 -c 'socket inet dgram; bind 127.0.0.1 0; socket inet dgram
sendto "" @3
sendto "one" @3
sendto "" @3
sendto "two" @3
3 drain
expect 6
expect "onetwo"
expect ok
4 sendto "" @3
3 recvfrom 16
expect 0
expect ""
echo NEXT
expect eof'
status_is 1 "UDP: the only failure is expect eof on an empty datagram"
has "$T/out" 'recv(3, 4096, 0) = 0 (empty datagram)' "UDP: the first, empty, datagram is shown as such"
has "$T/out" 'recv(3, 4096, MSG_DONTWAIT) = 3 "two"' "UDP: drain goes on past it"
has "$T/out" 'recv(3, 4096, MSG_DONTWAIT) = -1 EAGAIN' "UDP: then takes only what is queued"
has "$T/out" 'drain(3, 4096) = 6 bytes in 4 datagrams (5 recv calls), then none queued' \
	"UDP: the summary counts the datagrams and says none is queued"
hasnt "$T/out" 'EOF' "UDP: no EOF anywhere"
has "$T/out" 'recvfrom(3, 16, 0) = 0 (empty datagram) from 127.0.0.1:' \
	"UDP: recvfrom shows an empty datagram and its sender"
is "$(grep -c 'expect failed' "$T/err")" 1 "UDP: exactly one expect failed"
has "$T/err" 'recvfrom = eof' "UDP: it is expect eof"

# A datagram drain with nothing at all waits for the first one until the
# time-out, and says so.
run -t 0.3 -c 'socket inet dgram; bind 127.0.0.1 0; drain; expect timeout'
status_is 0 "UDP, nothing sent: drain times out (expect timeout holds)"
has "$T/out" '[timed out after 0.3 s]' "UDP, nothing sent: the line says so"

# The lesson's own rcvtimeo off does not defeat the script's time-out;
# a shorter rcvtimeo of its own still ends the recv first (EAGAIN).
run -t 0.3 -c 'socket inet dgram; bind 127.0.0.1 0; setsockopt rcvtimeo off; drain; expect timeout'
status_is 0 "rcvtimeo off: the script's time-out still stops drain"
run -t 5 -c 'socket inet dgram; bind 127.0.0.1 0; setsockopt rcvtimeo 0.2; drain; expect -1 EAGAIN'
status_is 0 "rcvtimeo 0.2: the lesson's time-out ends the recv (EAGAIN)"
hasnt "$T/out" 'timed out' "rcvtimeo 0.2: no note of the script's time-out"

# Unix datagrams: the same, the deadlock guard aside (all was queued).
run -t 5 -c 'socketpair dgram; 3 send ""; 3 send "a"; 4 drain; expect 1; expect "a"'
status_is 0 "unix dgram: drain takes an empty datagram and the next"

if ! have_python; then
	for i in 1 2 3 4 5 6 7; do
		skip "streams from python" "python3 is not available"
	done
	finish
fi

# 2. A stream that never ends, nor ever pauses as long as the time-out:
# drain stops at the time-out, as any call does.
python_peer '
import socket, time
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
s.settimeout(9)
c, _ = s.accept()
try:
    for i in range(1000):
        c.sendall(b"tick\n" * 200)
        time.sleep(0.01)
except OSError:
    pass
'
SS_PORT=$peer_port
export SS_PORT
run -t 1 -c 'socket inet stream; connect 127.0.0.1 ${SS_PORT}; drain; echo AFTER'
unset SS_PORT
kill "$peer_pid" 2>/dev/null
wait "$peer_pid" 2>/dev/null
status_is 1 "an endless stream: drain fails with the time-out"
if grep -E '^drain\(3, 4096\) = [0-9]+ bytes in [0-9]+ recv calls, then stopped \[timed out after 1 s\]$' \
	"$T/out" >/dev/null; then
	pass "an endless stream: the summary says it stopped at the time-out"
else
	fail "an endless stream: the summary says it stopped at the time-out"
	diag_file "$T/out" stdout
fi
has "$T/err" 'drain timed out after 1 s' "an endless stream: the failure names drain"
has "$T/out" AFTER "an endless stream: the script goes on"

# 3. A long stream (32 MiB of NULs): ${data} holds its first MiB, the
# summary says so, and the memory stays far below the stream's size.
python_peer '
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
s.settimeout(9)
c, _ = s.accept()
c.sendall(bytes(32 << 20))
c.close()
'
SS_PORT=$peer_port
export SS_PORT
timer=
if /usr/bin/time -f %M -o "$T/rss" true 2>/dev/null; then
	timer="/usr/bin/time -f %M -o $T/rss"
fi
bounded $timer "$SOCKSHELL" -t 9 -c 'socket inet stream; connect 127.0.0.1 ${SS_PORT}; drain 65536' \
	>"$T/long" 2>"$T/err"
status=$?
unset SS_PORT
wait_peer
tail -n 3 "$T/long" | cut -c 1-200 >"$T/out"
status_is 0 "a long stream: drained to EOF"
has "$T/out" 'drain(3, 65536) = 33554432 bytes in ' "a long stream: every byte counted"
has "$T/out" 'then EOF; ${data} holds the first 1048576 bytes' "a long stream: the summary says what \${data} keeps"
rss=$(tail -n 1 "$T/rss" 2>/dev/null)
if test -n "$SOCKSHELL_VALGRIND"; then
	skip "memory of a long drain" "under valgrind the process is valgrind's, not the shell's size"
elif test -n "$timer" && test -n "$rss"; then
	ok "a long stream: at most 24 MiB of memory for 32 MiB (${rss} KiB)" test "$rss" -le 24576
else
	skip "memory of a long drain" "no GNU time to measure it"
fi

finish
