#!/bin/sh
# oob-python.sh - urgent data and broadcast against Python's socket module:
# what Python sends with MSG_OOB, sockshell reads apart (recv 1 oob) after
# a recv that stops at the mark (sockatmark 1, until the bytes after the
# mark are read: taking the urgent byte does not move it), and what sockshell sends
# with oob, Python's select sees in its except set and reads with
# MSG_OOB; a broadcast to 127.255.255.255 from sockshell reaches a Python
# socket bound to the wildcard.  Skipped without python3.
. "${top_srcdir:-.}/tests/shell/lib.sh"

if ! have_python; then
	skip_all "python3 is not available"
fi

python_peer '
import select, socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
s.settimeout(8)
c, _ = s.accept()
c.settimeout(8)
c.send(b"hello")
c.send(b"!", socket.MSG_OOB)
c.send(b"world")
r, w, x = select.select([], [], [c], 8)
print("except", len(x), flush=True)
print("oob", c.recv(1, socket.MSG_OOB), flush=True)
got = b""
while len(got) < 2:
    b = c.recv(100)
    if not b:
        break
    got += b
print("data", got, flush=True)
'
if test -n "$peer_port"; then
	run -t 8 -c "socket inet stream; connect 127.0.0.1 $peer_port; expect 0
recv 100 waitall; expect \"hello\"
sockatmark; expect 1
recv 1 oob; expect \"!\"
sockatmark; expect 1
recv 5 waitall; expect \"world\"
sockatmark; expect 0
send \"ab?\" oob; expect 3"
	wait_peer
	# The expect lines hold the mark: 1 after hello, still 1 after the
	# urgent byte is taken, 0 once world is read.
	status_is 0 "sockshell reads Python's urgent byte apart, and the mark"
	has "$T/out" 'recv(3, 100, MSG_WAITALL) = 5 "hello"' "  recv stops at the mark, even with waitall"
	has "$T/out" 'sockatmark(3) = 1' "  sockatmark says 1 there"
	has "$T/out" 'recv(3, 1, MSG_OOB) = 1 "!"' "  recv 1 oob takes Python's urgent byte"
	has "$T/peer.out" "except 1" "Python's select sees sockshell's urgent byte in its except set"
	has "$T/peer.out" "oob b'?'" "  MSG_OOB reads the last byte of send \"ab?\" oob"
	has "$T/peer.out" "data b'ab'" "  and the rest came in the stream"
else
	fail "the python peer started"
fi

python_peer '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("", 0))
print(s.getsockname()[1], flush=True)
s.settimeout(8)
data, addr = s.recvfrom(100)
print("got", data, addr[0], flush=True)
'
if test -n "$peer_port"; then
	run -t 8 -c "socket inet dgram; sendto \"all\" 127.255.255.255 $peer_port; expect EACCES
setsockopt broadcast 1; sendto \"hello all\" 127.255.255.255 $peer_port; expect 9"
	wait_peer
	status_is 0 "sockshell's broadcast: EACCES first, then sent"
	has "$T/peer.out" "got b'hello all' 127.0.0.1" \
		"  a Python socket bound to the wildcard receives it, from 127.0.0.1"
else
	fail "the python peer started"
fi

finish
