#!/bin/sh
# tests/term/capture.sh - packets that arrive while a line is half typed
# (issue 12): under sockshell --private with capture on, a second process
# joins the session's network (--join PID) and connects to its listener;
# the SYN, SYN-ACK, ACK and the joiner's FIN are printed above the prompt,
# the half-typed line is drawn again intact after them, and the command,
# finished, runs.  Skipped where --private cannot make a namespace.

term_name=capture
. "${top_srcdir:-.}/tests/term/lib.sh"
# The half-typed line is redrawn by readline; the plain line reader of a
# --without-readline build leaves the terminal's line as it is.
need_readline

case $(uname -s) in
Linux) ;;
*) skip_all "capture reads Linux's AF_PACKET sockets" ;;
esac
if ! "$SOCKSHELL" --private -c 'capture on' >/dev/null 2>&1; then
	skip_all "sockshell --private cannot make a namespace here"
fi

term_start --private
ok "--private says how to join" term_wait '--join [0-9]+'
pid=$(term_screen | sed -n 's/.*--join \([0-9][0-9]*\).*/\1/p' | head -n 1)
term_prompt
term_run "capture on"
term_run "socket inet stream"
term_run "bind 127.0.0.1 0"
term_run "listen"
term_run "getsockname"
ok "the listener's port" term_wait '^getsockname\(3\) = 0 127\.0\.0\.1:[0-9]+$'
port=$(term_screen | sed -n 's/^getsockname(3) = 0 127\.0\.0\.1:\([0-9][0-9]*\)$/\1/p' | tail -n 1)
term_mark
term_type "getsockop"
ok "half a command typed" term_wait_last '^sockshell\[3\]> getsockop$'

# Another process in the session's network connects and closes.
bounded "$SOCKSHELL" --join "$pid" -c "socket inet stream; connect 127.0.0.1 $port" \
	>"$term_dir/join.out" 2>&1
is "$?" 0 "sockshell --join PID connects to the listener"
ok "its SYN is printed above the prompt" term_wait_new ' > 127\.0\.0\.1:'"$port"' TCP \[S\] seq 0,'
ok "and the listener's SYN-ACK" term_wait_new '127\.0\.0\.1:'"$port"' > .* TCP \[S\.\] seq 0, ack 1,'
ok "and its FIN" term_wait_new ' > 127\.0\.0\.1:'"$port"' TCP \[F\.\]'
ok "the half-typed line is drawn again, intact, on the last line" \
	term_wait_last '^sockshell\[3\]> getsockop$'
term_new >"$term_dir/new"
is "$(grep -c 'getsockop' "$term_dir/new")" 1 "once, below the packets (no copy left above them)"
is "$(sed -n '$=' "$term_dir/new")" "$(($(grep -c ' TCP ' "$term_dir/new") + 1))" \
	"nothing but the packet lines and the prompt"
term_mark
term_type "t reuseaddr"
term_keys Enter
ok "the finished command runs" term_wait_new '^getsockopt\(3, SOL_SOCKET, SO_REUSEADDR\) = 0'
term_prompt
term_run "quit"
ok "the shell leaves" term_exit
finish
