#!/bin/sh
# signals.sh - SIGTERM and SIGHUP during a script end it the orderly way:
# the output so far is flushed (with --tap, the plan too), and the exit
# status is 128+N; Ctrl-C stops a script reading stdin with 130.
. "${top_srcdir:-.}/tests/shell/lib.sh"

# signal_run SIG FILE: run lesson FILE with its output through a pipe (so
# stdout is not line buffered), send SIG to the shell itself once the
# lesson has printed "started", and wait.  Sets $status; output in $T/out.
signal_run() {
	rm -f "$T/fifo" "$T/out"
	mkfifo "$T/fifo" || return 1
	cat "$T/fifo" >"$T/out" &
	cat_pid=$!
	$tap_timeout "$SOCKSHELL" --tap "$2" >"$T/fifo" 2>"$T/err" </dev/null &
	sh_pid=$!
	i=0
	while ! grep -q started "$T/out" 2>/dev/null && test $i -lt 100; do
		sleep 0.05
		i=$((i + 1))
	done
	kill -"$1" "$sh_pid"
	wait "$sh_pid"
	status=$?
	wait "$cat_pid"
}

printf 'socketpair\nexpect 0\necho started\nsleep 20\necho never\n' >"$T/slow.sock"

signal_run TERM "$T/slow.sock"
status_is 143 "SIGTERM during a call: status 128+15"
has "$T/out" "ok 1 - " "the output before it is there"
has "$T/out" "1..1" "and the shell ended the orderly way: the plan is printed"
hasnt "$T/out" "never" "nothing after the call runs"

signal_run HUP "$T/slow.sock"
status_is 129 "SIGHUP during a call: status 128+1"
has "$T/out" "1..1" "the plan is printed"

# A script on stdin that waits for its next line.
rm -f "$T/in"
mkfifo "$T/in"
( printf 'echo started\n'; sleep 20 ) >"$T/in" &
feeder=$!
tap_pids="$tap_pids $feeder"
$tap_timeout "$SOCKSHELL" - <"$T/in" >"$T/out" 2>"$T/err" &
sh_pid=$!
i=0
while ! grep -q started "$T/out" 2>/dev/null && test $i -lt 100; do
	sleep 0.05
	i=$((i + 1))
done
kill -TERM "$sh_pid"
wait "$sh_pid"
status=$?
status_is 143 "SIGTERM while a script on stdin waits for a line: status 143"
kill "$feeder" 2>/dev/null

finish
