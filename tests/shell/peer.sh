# peer.sh - sockshell against a python3 peer over loopback: every byte
# of binary data both ways, SIGPIPE and a reset peer, EOF on stdin
# closing the connections; and EPIPE between two handles of one shell.
. "${top_srcdir:-.}/tests/shell/lib.sh"

# EPIPE with both ends in this shell: no python needed.
run -c 'socket inet stream; bind 127.0.0.1 0; listen; socket inet stream; connect @3
3 accept
5 close
4 send "x"
sleep 0.2
4 send "y"
echo STILL-ALIVE'
status_is 0 "send after the peer handle closed: status 0"
if grep -E '^send\(4, "y", 1, 0\) = -1 (EPIPE|ECONNRESET) ' "$T/out" >/dev/null; then
	pass "the second send shows EPIPE or ECONNRESET"
else
	fail "the second send shows EPIPE or ECONNRESET"
	diag_file "$T/out" stdout
fi
has "$T/out" STILL-ALIVE "the shell did not die of SIGPIPE"

if ! have_python; then
	skip_block 15 "python peer: python3 is not available"
	finish
fi

# 1. Binary data both ways.  The peer sends bytes with a NUL and 0xff,
# then records in hex every byte it receives until EOF.
python_peer '
import socket, sys
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
s.settimeout(8)
c, _ = s.accept()
c.settimeout(8)
c.sendall(b"x\x00y\xff\r\n\x01")
got = b""
while True:
    b = c.recv(4096)
    if not b:
        break
    got += b
print(got.hex(), flush=True)
'
if test -n "$peer_port"; then
	SS_PEER_PORT=$peer_port
	export SS_PEER_PORT
	run -c 'socket inet stream
connect 127.0.0.1 ${SS_PEER_PORT}
send "a\0b\xff\r\n"
recv 7 waitall
expect "x\0y\xff\r\n\x01"
close'
	unset SS_PEER_PORT
	wait_peer
	status_is 0 "binary round trip: status 0"
	has "$T/out" 'send(3, "a\0b\xff\r\n", 6, 0) = 6' "the send line shows the bytes escaped"
	has "$T/out" 'recv(3, 7, MSG_WAITALL) = 7 "x\0y\xff\r\n\x01"' \
		"the recv line shows \\0, \\xff, \\r\\n and \\x01 escaped"
	is "$(sed -n 2p "$T/peer.out")" 610062ff0d0a "the peer received exactly a NUL b 0xff CR LF"
	is "$peer_status" 0 "the python peer ended well"
else
	for i in 1 2 3 4 5; do skip "binary round trip" "the peer did not start"; done
fi

# 2. A peer that resets the connection: send shows ECONNRESET or EPIPE,
# and the shell goes on.
python_peer '
import socket, struct
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
s.settimeout(8)
c, _ = s.accept()
c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
c.close()
print("closed", flush=True)
'
if test -n "$peer_port"; then
	SS_PEER_PORT=$peer_port
	export SS_PEER_PORT
	run -c 'socket inet stream
connect 127.0.0.1 ${SS_PEER_PORT}
sleep 0.3
send "one"
sleep 0.1
send "two"
sleep 0.1
send "three"
echo NEXT-COMMAND'
	unset SS_PEER_PORT
	wait_peer
	status_is 0 "reset peer: a failed send is no failure of the script"
	if grep -E '^send\(3, "[a-z]+", [0-9], 0\) = -1 (EPIPE|ECONNRESET) ' "$T/out" >/dev/null; then
		pass "reset peer: send shows EPIPE or ECONNRESET"
	else
		fail "reset peer: send shows EPIPE or ECONNRESET"
		diag_file "$T/out" stdout
	fi
	has "$T/out" NEXT-COMMAND "reset peer: the shell survives SIGPIPE and goes on"
else
	for i in 1 2 3; do skip "reset peer" "the peer did not start"; done
fi

# 3. EOF on stdin ends the shell cleanly, and its connections are closed:
# the peer reads the data, then EOF.
python_peer '
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
s.settimeout(8)
c, _ = s.accept()
c.settimeout(8)
got = b""
while True:
    b = c.recv(4096)
    if not b:
        break
    got += b
print(repr(got), "EOF", flush=True)
'
if test -n "$peer_port"; then
	run_in "socket inet stream
connect 127.0.0.1 $peer_port
send \"bye\"
"
	wait_peer
	status_is 0 "EOF on stdin: status 0"
	is "$(sed -n 2p "$T/peer.out")" "b'bye' EOF" "EOF on stdin: the peer got the data, then EOF"
else
	for i in 1 2; do skip "EOF on stdin" "the peer did not start"; done
fi

# 4. UDP: a peer that answers each datagram in capitals, NULs kept.
python_peer '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1], flush=True)
s.settimeout(8)
data, addr = s.recvfrom(4096)
s.sendto(data.upper() + b"\xfe", addr)
print(data.hex(), flush=True)
'
if test -n "$peer_port"; then
	run -c "socket inet dgram
bind 127.0.0.1 0
sendto \"hi\\0there\" 127.0.0.1 $peer_port
recvfrom 100
expect \"HI\\0THERE\\xfe\""
	wait_peer
	status_is 0 "UDP: status 0"
	has "$T/out" "recvfrom(3, 100, 0) = 9 \"HI\\0THERE\\xfe\" from 127.0.0.1:$peer_port" \
		"UDP: the reply shown escaped, with its sender"
	is "$(sed -n 2p "$T/peer.out")" 6869007468657265 "UDP: the peer got h i NUL t h e r e"
else
	for i in 1 2 3; do skip "UDP" "the peer did not start"; done
fi

# 5. A reply longer than the recvfrom buffer is flagged as truncated.
python_peer '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1], flush=True)
s.settimeout(8)
data, addr = s.recvfrom(4096)
s.sendto(b"0123456789", addr)
'
if test -n "$peer_port"; then
	run -c "socket inet dgram
sendto \"?\" 127.0.0.1 $peer_port
recvfrom 4"
	wait_peer
	has "$T/out" '= 4 "0123"' "a long datagram: the bytes that fit"
	has "$T/out" '[truncated: the datagram had 10 bytes]' "  flagged as truncated, with its length"
else
	for i in 1 2; do skip "truncated datagram" "the peer did not start"; done
fi

finish
