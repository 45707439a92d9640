#!/bin/sh
# pass-fd.sh - sendmsg and recvmsg against python's socket.send_fds and
# recv_fds over a unix socket (tests/data/fd-peer.py): a descriptor python
# passes becomes a handle that works; one sockshell passes arrives as a
# socket of the right family and type; a pipe passed is refused and
# closed; SO_PASSCRED shows python's pid, uid and gid.  Then, in one
# shell, pktinfo on IPv4 (and IPv6 where ::1 is) and MSG_CTRUNC.
. "${top_srcdir:-.}/tests/shell/lib.sh"

if have_python && "$PYTHON3" -c 'import socket; socket.send_fds' 2>/dev/null; then
	python_peer "import runpy, sys; sys.argv = ['fd-peer.py', '$T/fd.s']; runpy.run_path('$(test_file_path fd-peer.py)')"
	cat >"$T/s.sock" <<EOS
socket unix stream
connect $T/fd.s
expect 0
recvmsg 16
expect 1 "x"
4 getsockopt domain
expect "AF_UNIX"
4 send "hello python"
expect 12
socketpair
3 sendmsg "y" fd 6
expect 1
6 close
5 recv 64
expect "from python"
3 recvmsg 16
expect 1 "p"
status
3 setsockopt passcred 1
3 send "ok"
recvmsg 16
expect 1 "c"
send "end"
EOS
	run --tap "$T/s.sock"
	wait_peer
	status_is 0 "every expect line holds against python"
	is "$peer_status" 0 "the python peer ended well"
	like "$(grep -F 'recvmsg(3, 16, 0) = 1 "x"' "$T/out")" 'SCM_RIGHTS \[4\]' \
		"recv_fds's descriptor arrives as [SCM_RIGHTS [4]]"
	has "$T/out" "note: the descriptor received is handle 4 (unix stream)" \
		"a line says it is handle 4, with its family and type"
	has "$T/peer.out" "on-passed: hello python" "what was sent on handle 4 reached python"
	has "$T/out" 'sendmsg(3, {data "y", 1, [SCM_RIGHTS [6]]}, 0) = 1' "sendmsg shows the descriptor passed"
	has "$T/peer.out" "got: y 1 AF_UNIX SOCK_STREAM" "python's recv_fds got the message and a unix stream socket"
	has "$T/out" "is a pipe, not a socket: closed it" "a pipe received is refused, with a line that says what it is"
	has "$T/peer.out" "pipe: closed" "... and closed (python's write to the pipe fails with EPIPE)"
	hasnt "$T/out" "  7   " "the pipe is no handle in status"
	creds=$(sed -n 's/^creds: //p' "$T/peer.out")
	has "$T/out" "[SCM_CREDENTIALS {$creds}]" "passcred shows python's pid, uid and gid ($creds)"
else
	skip_block 12 "python3 with socket.send_fds (3.9) is not available"
fi

run -c 'socket inet dgram
setsockopt pktinfo 1
bind 127.0.0.1 0
socket inet dgram
sendmsg "to 3" @3
3 recvmsg 16
expect 4 "to 3"
socketpair
5 sendmsg "d" fd 3
6 recvmsg 8 control 0
expect 1 "d" truncated
5 sendmsg "e"
6 recvmsg 8 control 0
expect 1 "e" ok'
status_is 0 "pktinfo and control 0: every expect line holds"
has "$T/out" "setsockopt(3, IPPROTO_IP, IP_PKTINFO, 1) = 0" "pktinfo is IP_PKTINFO on an IPv4 socket"
like "$(grep '^recvmsg(3, 16' "$T/out")" '"to 3" from 127\.0\.0\.1:[0-9]+ \[IP_PKTINFO \{dst=127\.0\.0\.1, ifindex=[0-9]+' \
	"recvmsg shows the sender, then the datagram's destination and interface"
has "$T/out" 'recvmsg(6, {8, control 0}, 0) = 1 "d" [control data truncated: MSG_CTRUNC]' \
	"a descriptor with no room for it: MSG_CTRUNC, flagged"
hasnt "$T/out" "descriptor received" "no handle came of it"

run -c 'require ipv6
socket inet6 dgram
setsockopt pktinfo 1
getsockopt pktinfo
bind ::1 0
sendmsg "six" @3
recvmsg 8'
if grep -q '^1\.\.0\|skip' "$T/out" && ! grep -q 'socket(' "$T/out"; then
	skip_block 2 "no IPv6 on ::1"
else
	has "$T/out" "setsockopt(3, IPPROTO_IPV6, IPV6_RECVPKTINFO, 1) = 0" "pktinfo is IPV6_RECVPKTINFO on an IPv6 socket"
	like "$(grep '^recvmsg' "$T/out")" '\[IPV6_PKTINFO \{dst=::1, ifindex=[0-9]+' "recvmsg shows IPV6_PKTINFO"
fi

run -c 'socketpair
3 send "abcde"
4 recvmsg 3 trunc
expect 3
4 recv 8
expect "de"'
status_is 0 "trunc on a stream: every expect line holds"
has "$T/out" 'recvmsg(4, 3, MSG_TRUNC) = 3 (discarded: MSG_TRUNC)' \
	"trunc on a stream shows the count alone, as recv does"
run -c 'socketpair; 3 send "abc"; 4 recv 3; 3 send "xyz"; 4 recvmsg 3 trunc'
hasnt "$T/out" '(discarded: MSG_TRUNC) "' "no bytes of an earlier recv are shown as if received"

run -c 'socket unix stream; recvmsg 4 control'
status_is 1 "control without a size is refused"
has "$T/err" "control must be followed by a size" "with a message"
run -c 'socketpair; sendmsg "x" fd'
has "$T/err" "fd must be followed by a descriptor number" "fd without a number is refused"
finish
