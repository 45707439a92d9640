#!/bin/sh
# tests/term/interrupt.sh - Ctrl-C during a blocking call at a real
# terminal: accept, and recv on a connection whose peer is a python3
# process (the shell refuses a recv whose peer is one of its own handles),
# each show EINTR on a line of their own and give the prompt back; the
# rest of the line is dropped; the handles all stay open and usable.

term_name=interrupt
. "${top_srcdir:-.}/tests/term/lib.sh"

# interrupt REGEX: press Ctrl-C until the line REGEX shows up.  The call
# may not have started blocking when the first Ctrl-C comes (then it is
# lost), so try again a few times, two seconds apart.
interrupt() {
	sleep 0.3
	for try in 1 2 3 4 5; do
		term_keys C-c
		term_wait_new "$1" 2 && return 0
	done
	return 1
}

not_reached() {
	! term_new | grep -q '^not-reached'
}

term_start
term_prompt
term_run "socket inet stream"
term_run "bind 127.0.0.1 0"
term_run "listen"
term_wait '^listen\(3, [0-9]+\) = 0$'
term_mark
term_run "accept"
ok "Ctrl-C interrupts a blocking accept: EINTR" interrupt '^accept\(3\) = -1 EINTR'
ok "the line starts clean (no ^C in front)" term_wait_new '^accept\(3\) = -1 EINTR \(Interrupted system call\)$'
ok "and the prompt comes back" term_wait_last '^sockshell\[3\]>$'

if [ -z "$PYTHON3" ] || ! "$PYTHON3" -c 'import socket' 2>/dev/null; then
	for t in "recv EINTR" "prompt back" "rest of line dropped" "status: listener" \
		"status: connection" "connection still works"; do
		skip "$t" "python3 missing"
	done
else
	cat >"$term_dir/peer.py" <<'EOF'
# A peer that answers "ping" with "pong", then waits for EOF (20 s at most).
import os, socket, sys
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
with open(sys.argv[1] + ".new", "w") as f:
    f.write(str(s.getsockname()[1]))
os.rename(sys.argv[1] + ".new", sys.argv[1])
s.settimeout(20)
c, _ = s.accept()
c.settimeout(20)
try:
    while True:
        b = c.recv(100)
        if not b:
            break
        if b == b"ping":
            c.sendall(b"pong")
except OSError:
    pass
EOF
	"$PYTHON3" "$term_dir/peer.py" "$term_dir/port" &
	term_pids="$term_pids $!"
	term_poll 10 test -s "$term_dir/port"
	port=$(cat "$term_dir/port" 2>/dev/null)
	term_run "socket inet stream"
	term_run "connect 127.0.0.1 ${port:-1}"
	term_wait '^connect\(4, 127\.0\.0\.1:[0-9]+\) = 0$'
	term_prompt
	term_mark
	term_run "recv 10"
	ok "Ctrl-C interrupts a blocking recv: EINTR" interrupt '^recv\(4, .*\) = -1 EINTR'
	ok "and the prompt comes back" term_wait_last '^sockshell\[4\]>$'

	term_mark
	term_run "recv 10; echo not-reached"
	interrupt '^recv\(4, .*\) = -1 EINTR'
	term_prompt
	ok "Ctrl-C drops the rest of the line" not_reached

	term_mark
	term_run "status"
	term_wait_new '^sockshell\[4\]>$'
	ok "status still lists the listener 3" term_has_new '^[ *]*3 +inet +stream .*LISTEN'
	ok "status still lists the connection 4" term_has_new '^[ *]*4 +inet +stream .*ESTABLISHED'
	term_mark
	term_run "send \"ping\""
	term_run "recv 4"
	ok "the connection still works after EINTR" term_wait_new '^recv\(4, .*\) = 4 "pong"$'
fi

term_prompt
term_mark
term_run "sleep 30"
ok "Ctrl-C cuts a sleep short" interrupt '^sockshell\[[0-9]+\]>$'

term_prompt
term_keys C-d
ok "Ctrl-D leaves" term_exit
ok "with status 0: an interrupted call is no failure at the terminal" \
	test "${term_status:-none}" = 0

finish
