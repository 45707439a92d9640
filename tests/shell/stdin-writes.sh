# stdin-writes.sh - a script on stdin writes its output when it must,
# not once per line: before a read of stdin that could wait, and every
# 64 KiB (issue 10: no more system calls per call than the C floor).
# The writes are counted by strace; without it (or where ptrace is not
# allowed) the test skips.
. "${top_srcdir:-.}/tests/shell/lib.sh"

if ! command -v strace >/dev/null 2>&1; then
	skip_all "strace is not installed"
fi
if ! bounded strace -o /dev/null true >/dev/null 2>&1; then
	skip_all "strace cannot trace here"
fi

# 2,000 lines of 16-byte send/recv pairs: about 75 KiB of trace.
awk 'BEGIN { print "socketpair"
	for (i = 0; i < 1000; i++) {
		print "3 send \"0123456789abcdef\""; print "4 recv 16"
	} }' >"$T/pairs.sock"

# writes FILE: the write(2) calls to stdout that strace logged in FILE.
writes() {
	grep -c '^[0-9]* *write(1,' "$1"
}

bounded env ASAN_OPTIONS=detect_leaks=0 strace -f -o "$T/trace" "$SOCKSHELL" - <"$T/pairs.sock" >"$T/out" 2>"$T/err"
status=$?
status_is 0 "a lesson of 1,000 pairs on stdin runs"
is "$(grep -c '^recv(4, 16, 0) = 16 ' "$T/out")" 1000 "  all of its trace is there"
n=$(writes "$T/trace")
ok "  written in a few writes, not one per line ($n)" test "$n" -le 8

# Read from a pipe, stdin can wait: the output is written before each
# read, so a peer sees each line first; still not one write per line.
awk '{ print }' "$T/pairs.sock" | bounded env ASAN_OPTIONS=detect_leaks=0 strace -f -o "$T/trace2" "$SOCKSHELL" - \
	>"$T/out" 2>"$T/err"
is "$(grep -c '^send(3, ' "$T/out")" 1000 "from a pipe: all of the trace is there"
n=$(writes "$T/trace2")
ok "  in fewer writes than lines ($n)" test "$n" -lt 1000

finish
