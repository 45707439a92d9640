#!/bin/sh
# eintr.sh - no line is lost when a write to stdout or stderr is
# interrupted: Ctrl-C (SIGINT, again and again) while the stream is a full
# pipe whose reader has stalled, and a non-blocking stdout that says EAGAIN.
# Each run writes numbered lines; every line it wrote must arrive, whole,
# in order, with none missing from the middle.
. "${top_srcdir:-.}/tests/hostile/lib.sh"

if test -n "${SOCKSHELL_VALGRIND:-}"; then
	skip 'interrupted writes' 'valgrind is too slow to fill a pipe in time'
	finish
fi

# numbered FILE: are the lines of FILE "line-000001 ....................",
# numbered 1, 2, 3..., each whole, ending with a newline, with nothing
# missing and nothing else?  Says what is wrong.
D='[0-9][0-9][0-9][0-9][0-9][0-9]'
numbered() {
	awk -v d="$D" '
		{
			n++
			if ($0 !~ "^line-" d " [.]+$" || length($0) != 32) {
				print "line " n " is not a whole numbered line: " substr($0, 1, 60); bad = 1; exit
			}
			num = substr($0, 6, 6) + 0
			if (num != n) {
				print "line " n " is number " num ": " (num - n) " lines are missing before it"
				bad = 1; exit
			}
		}
		END { if (!bad) print n " lines"; exit bad }' "$1" || return 1
	test "$(tail -c 1 "$1" | od -An -c | tr -d ' ')" = '\n' || { echo "the last line is cut"; return 1; }
}

# messages FILE: the same for error messages, three lines each: the
# message, the line with a caret under the handle, and the caret.
messages() {
	awk -v d="$D" '
		{
			n++
			k = int((n - 1) / 3) + 1
			if (n % 3 == 1) want = ": error: there is no open handle " (1000000 + k) "$"
			else if (n % 3 == 2) want = "^    " (1000000 + k) " recv 1 # err-" sprintf("%06d", k) " $"
			else want = "^    \\^~~~~~~$"
			if ($0 !~ want) {
				print "line " n " (message " k ") is wrong or cut: " substr($0, 1, 70); bad = 1; exit
			}
		}
		END {
			if (!bad && n % 3 != 0) { print "the last message is cut"; bad = 1 }
			if (!bad) print n / 3 " messages"
			exit bad
		}' "$1"
}

# A pipe from the shell to a reader that waits for $T/go: the shell's
# stream fills it, then blocks in write().
lines=20000
awk -v n=$lines 'BEGIN { for (i = 1; i <= n; i++) printf "echo \"line-%06d ....................\"\n", i }' >"$T/echo.sock"
awk -v n=$lines 'BEGIN { for (i = 1; i <= n; i++) printf "%d recv 1 # err-%06d \n", 1000000 + i, i }' >"$T/errors.sock"
mkfifo "$T/fifo" || bail "mkfifo failed"

# interrupted STREAM FILE: run FILE with STREAM (1 or 2) into the pipe,
# send SIGINT ten times once it blocks, then let the reader read.
interrupted() {
	rm -f "$T/go" "$T/got"
	( exec 3<"$T/fifo"
	  while ! test -e "$T/go"; do sleep 0.05; done
	  cat <&3 >"$T/got" ) &
	reader=$!
	if test "$1" = 1; then
		"$SOCKSHELL" "$2" >"$T/fifo" 2>"$T/err" &
	else
		"$SOCKSHELL" "$2" 2>"$T/fifo" >"$T/out" &
	fi
	pid=$!
	# Wait (at most 5 s) until it sleeps in the kernel, the pipe full.
	i=0
	while test $i -lt 100; do
		state=$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null)
		wchan=$(cat "/proc/$pid/wchan" 2>/dev/null)
		case $state:$wchan in
		S:*pipe*) break ;;
		S:0|S:) test $i -ge 20 && break ;;  # no wchan shown: 1 s will do
		esac
		sleep 0.05
		i=$((i + 1))
	done
	for k in 1 2 3 4 5 6 7 8 9 10; do
		kill -INT "$pid" 2>/dev/null
		sleep 0.05
	done
	touch "$T/go"
	( sleep "$limit"; kill -KILL "$pid" 2>/dev/null ) &
	watchdog=$!
	wait "$pid"
	status=$?
	kill "$watchdog" 2>/dev/null
	wait "$reader"
}

interrupted 1 "$T/echo.sock"
ok "SIGINT while stdout is a full pipe: the lesson stops (status $status, want 130)" test "$status" = 130
why=$(numbered "$T/got"); r=$?
ok "... and every line it wrote arrived, whole, in order ($why)" test "$r" = 0
ok '... at least one 64 KiB buffer of them' test "$(wc -c <"$T/got")" -gt 65536
ok '... and no sanitizer spoke' sh -c '! grep -E "Sanitizer|runtime error:" "$1"' sh "$T/err"

interrupted 2 "$T/errors.sock"
# (stderr is the stream here: look for sanitizer reports in it)
cp "$T/got" "$T/err"
ok "SIGINT while stderr is a full pipe: the lesson stops (status $status, want 130)" test "$status" = 130
ok '... and no sanitizer spoke' sh -c '! grep -E "Sanitizer|runtime error:" "$1"' sh "$T/err"
why=$(messages "$T/got"); r=$?
ok "... and every message arrived, whole, in order ($why)" test "$r" = 0

# SIGTERM while stdout is a pipe whose reader never reads again: the shell
# still ends (after a grace of 2 s for the pipe to drain), 128 + 15.
rm -f "$T/go"
( exec 3<"$T/fifo"; while ! test -e "$T/go"; do sleep 0.05; done ) &
reader=$!
"$SOCKSHELL" "$T/echo.sock" >"$T/fifo" 2>"$T/err" &
pid=$!
sleep 1
kill -TERM "$pid" 2>/dev/null
( sleep "$limit"; kill -KILL "$pid" 2>/dev/null ) &
watchdog=$!
wait "$pid"
status=$?
kill "$watchdog" 2>/dev/null
touch "$T/go"
wait "$reader"
ok "SIGTERM while stdout is stalled for ever: the shell ends (status $status, want 143)" \
	test "$status" = 143
err_has 'sockshell: cannot write standard output' '... and says that output was lost'

# A non-blocking stdout: write() says EAGAIN while the reader stalls.
if test -n "${PYTHON3:-}" && "$PYTHON3" -c 'import os' 2>/dev/null; then
	lines=5000
	awk -v n=$lines 'BEGIN { for (i = 1; i <= n; i++) printf "echo \"line-%06d ....................\"\n", i }' >"$T/echo.sock"
	"$PYTHON3" - "$SOCKSHELL" "$T/echo.sock" "$T/got" "$limit" >"$T/py" 2>&1 <<'EOF'
import os, subprocess, sys, time
shell, lesson, got, limit = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
r, w = os.pipe()
os.set_blocking(w, False)
p = subprocess.Popen([shell, lesson], stdout=w, stdin=subprocess.DEVNULL)
os.close(w)
time.sleep(0.5)  # the pipe fills: the shell meets EAGAIN
with open(got, "wb") as f:
    while True:
        b = os.read(r, 65536)
        if not b:
            break
        f.write(b)
try:
    print(p.wait(timeout=limit))
except subprocess.TimeoutExpired:
    p.kill()
    print("hung")
EOF
	status=$(tail -n 1 "$T/py")
	cp "$T/py" "$T/err"
	verdict 'a non-blocking stdout that fills: status 0' 0
	why=$(numbered "$T/got")
	ok "... and all $lines lines arrived, whole, in order ($why)" test "$why" = "$lines lines"
else
	skip 'a non-blocking stdout that fills' 'no python3'
	skip '... and all lines arrived' 'no python3'
fi

finish
