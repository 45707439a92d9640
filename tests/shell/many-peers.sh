# many-peers.sh - peer linking among many connections: a shell that
# accepts 2,000 connections from an outside client (python) and one from
# itself links exactly that one pair (the deadlock guard names the right
# handle, and an outside connection is not linked), and it does so with
# a constant number of getsockname calls per accept, not one per open
# handle (counted with strace -c when strace is here; never timed).
. "${top_srcdir:-.}/tests/shell/lib.sh"

if ! have_python; then
	for i in 1 2 3 4 5 6; do
		skip "many peers" "python3 is not available"
	done
	finish
fi
# Two thousand connections need descriptors on both sides.
if test "$(ulimit -n)" != unlimited && test "$(ulimit -n)" -lt 4200; then
	ulimit -n 4200 2>/dev/null
fi
if test "$(ulimit -n)" != unlimited && test "$(ulimit -n)" -lt 4200; then
	for i in 1 2 3 4 5 6; do
		skip "many peers" "fewer than 4200 descriptors allowed"
	done
	finish
fi

# The python client: a control connection from the shell tells it where
# to connect; it makes 1000 connections (each sends "x"), says "A", waits
# for "B" (the shell has connected to itself meanwhile), makes 1000 more,
# says "C", and holds them all until the shell closes the control.
peer='
import socket, sys
ctl = socket.socket()
ctl.bind(("127.0.0.1", 0))
ctl.listen(1)
print(ctl.getsockname()[1], flush=True)
ctl.settimeout(9)
c, _ = ctl.accept()
c.settimeout(9)
addr = b""
while not addr.endswith(b"\n"):
    addr += c.recv(64)
host, port = addr.decode().strip().rsplit(":", 1)
held = []
def connect(n):
    for i in range(n):
        s = socket.create_connection((host, int(port)), timeout=9)
        s.sendall(b"x")
        held.append(s)
connect(1000)
c.sendall(b"A")
c.recv(1)
connect(1000)
c.sendall(b"C")
c.recv(1)
print("held", len(held), flush=True)
'

# The lesson: handle 3 listens, 4 is the control, 5 the client in the
# shell; the accepts make 6..2006, one of them 5's peer.
{
	echo 'socket inet stream'
	echo 'bind 127.0.0.1 0'
	echo 'listen'
	echo 'getsockname'
	echo 'set L ${result}'
	echo 'socket inet stream'
	echo 'connect 127.0.0.1 ${SS_CTL}'
	printf '%s\n' 'send "${L}\n"'
	echo 'recv 1'
	echo 'expect "A"'
	echo 'socket inet stream'
	echo 'connect @3'
	echo 'getsockname'
	echo '4 send "B"'
	echo '4 recv 1'
	echo 'expect "C"'
	i=0
	while test "$i" -lt 2001; do
		echo '3 accept'
		i=$((i + 1))
	done
	echo '6 recv 16'
	echo 'expect "x"'
	echo '5 recv 16'
} >"$T/many.sock"

# run_many [PREFIX...]: run the lesson against a fresh python client.
run_many() {
	if ! python_peer "$peer"; then
		status=99
		return
	fi
	SS_CTL=$peer_port
	export SS_CTL
	bounded "$@" "$SOCKSHELL" -t 9 "$T/many.sock" </dev/null >"$T/out" 2>"$T/err"
	status=$?
	unset SS_CTL
	wait_peer
}

run_many
# The client's own port, and the accept that took it: that handle is
# its peer.
port=$(sed -n 's/^getsockname(5) = 0 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$T/out")
pair=$(sed -n "s/^accept(3) = \\([0-9]*\\) from 127\\.0\\.0\\.1:$port\$/\\1/p" "$T/out")
is "$(grep -c '^accept(3) = [0-9]* from ' "$T/out")" 2001 "2001 connections accepted"
has "$T/out" 'recv(6, 16, 0) = 1 "x"' "an outside connection is not linked: its recv is made"
if test -n "$port" && test -n "$pair"; then
	has "$T/err" "recv on 5 would wait forever: its peer is handle $pair of this shell" \
		"the guard names handle $pair, the accept that took 5's connection"
else
	fail "the guard names the accept that took 5's connection"
	diag "port: '$port', accept: '$pair'"
	diag_file "$T/out" stdout
fi
hasnt "$T/out" 'recv(5, 16, 0)' "the refused recv is not made"
is "$(sed -n 2p "$T/peer.out")" "held 2000" "the client made its 2000 connections"

# getsockname calls: a few for the whole run, never one per handle per
# accept (that was 2 million here).
if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true 2>/dev/null; then
	run_many env ASAN_OPTIONS=detect_leaks=0 strace -f -c -e trace=getsockname -o "$T/strace"
	calls=$(awk '$NF == "getsockname" { print $4 }' "$T/strace")
	if test -n "$calls" && test "$calls" -le 2001; then
		pass "getsockname is called $calls times for 2001 accepts (at most one each)"
	else
		fail "getsockname is called at most once per accept"
		diag "calls: '$calls'"
		diag_file "$T/strace" strace
		diag_file "$T/err" stderr
	fi
else
	skip "getsockname calls counted" "strace is missing or cannot trace here"
fi

finish
