#!/bin/sh
# limits.sh - a script on stdin cannot make the shell grow without bound:
# a line longer than 4 MiB (with or without a newline) is an error naming
# <stdin>:LINE, skipped in constant memory, and the shell goes on;
# "--check -" reads at most 64 MiB.
. "${top_srcdir:-.}/tests/shell/lib.sh"

# A 5 MiB line of x, then a line that must still run.
head -c 5242880 /dev/zero | tr '\0' x >"$T/long"
{ echo 'echo first'; cat "$T/long"; echo; echo 'echo after'; } >"$T/in"
bounded "$SOCKSHELL" - <"$T/in" >"$T/out" 2>"$T/err"
status=$?
status_is 2 "a line longer than 4 MiB on stdin: status 2"
has "$T/err" "<stdin>:2: error: line longer than 4 MiB: skipped" "the error names <stdin>:2"
has "$T/out" "first" "the line before it ran"
has "$T/out" "after" "the shell goes on after it"
hasnt "$T/out" "xxxx" "nothing of the long line runs"

# No newline at all: 5 MiB then the end of input.
{ echo 'echo first'; cat "$T/long"; } >"$T/in2"
bounded "$SOCKSHELL" - <"$T/in2" >"$T/out" 2>"$T/err"
status=$?
status_is 2 "a last line of 5 MiB without a newline: status 2"
has "$T/err" "<stdin>:2: error: line longer than 4 MiB" "reported too"

# Memory stays small while an endless line streams in (2 s of it).
if test -r /proc/self/status; then
	rm -f "$T/endless"
	mkfifo "$T/endless"
	( yes | tr -d '\n' >"$T/endless" ) 2>/dev/null &
	tap_pids="$tap_pids $!"
	"$SOCKSHELL" - <"$T/endless" >/dev/null 2>"$T/err" &
	pid=$!
	tap_pids="$tap_pids $pid"
	sleep 2
	peak=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$pid/status" 2>/dev/null)
	# SIGTERM must end it even while it reads without ever waiting.
	kill -TERM "$pid" 2>/dev/null
	i=0
	while kill -0 "$pid" 2>/dev/null && test $i -lt 50; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	status=$?
	status_is 143 "SIGTERM ends it in the middle of the endless line: status 143"
	if test -n "$SOCKSHELL_VALGRIND"; then
		skip "an endless line: memory stays bounded" "under valgrind the process is valgrind's, not the shell's size"
	elif test -n "$peak"; then
		ok "an endless line on stdin: the shell stays under 32 MB (peak $peak kB)" test "$peak" -lt 32768
	else
		skip "an endless line: memory stays bounded" "the shell had already gone"
	fi
else
	skip "an endless line: memory stays bounded" "no /proc"
fi

# In a file, such a line is an error of the check: nothing runs.
{ echo 'echo first'; printf 'echo '; cat "$T/long"; echo; } >"$T/long.sock"
run "$T/long.sock"
status_is 2 "a line longer than 4 MiB in a file: status 2"
has "$T/err" "long.sock:2: error: line longer than 4 MiB" "the check names FILE:LINE"
empty "$T/out" "and nothing runs"

# --check on stdin: at most 64 MiB.
yes 'echo y' | head -c 70000000 >"$T/big"
bounded "$SOCKSHELL" -n - <"$T/big" >"$T/out" 2>"$T/err"
status=$?
status_is 2 "--check - of more than 64 MiB: status 2"
has "$T/err" "cannot read standard input: larger than 64 MiB" "says why"

finish
