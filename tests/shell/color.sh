# color.sh - colour only on a terminal, never with NO_COLOR, --no-color,
# --tap, or when output goes to a pipe or a file.
. "${top_srcdir:-.}/tests/shell/lib.sh"

esc=$(printf '\033')

# Something that would be coloured: a failed call, a time-out, an error.
script='socket inet stream; bind 127.0.0.1 0; socket inet stream; connect @3; 9 recv 1'
script_to='set timeout 0.2; socket inet dgram; recvfrom 1'

no_escapes() {
	if grep "$esc" "$1" >/dev/null 2>&1; then
		fail "$2"
		diag_file "$1" "$(basename "$1")"
	else
		pass "$2"
	fi
}

run -c "$script"
has "$T/out" ECONNREFUSED "NO_COLOR, a pipe: the failed call is there"
no_escapes "$T/out" "NO_COLOR, a pipe: no escape codes on stdout"
no_escapes "$T/err" "NO_COLOR, a pipe: no escape codes on stderr"

# Without NO_COLOR, and with a terminal type, a pipe is still no terminal.
bounded env -u NO_COLOR TERM=xterm-256color "$SOCKSHELL" -c "$script; $script_to" \
	</dev/null >"$T/out" 2>"$T/err"
has "$T/out" ECONNREFUSED "a pipe, no NO_COLOR: the failed call is there"
no_escapes "$T/out" "a pipe, no NO_COLOR: no escape codes on stdout"
no_escapes "$T/err" "a pipe, no NO_COLOR: no escape codes on stderr"

# On a terminal (a pseudo-terminal from python): colour, unless told not.
# pty_run [--stderr FILE] CMD...: CMD with stdout (and stderr, unless it
# goes to FILE) on a pseudo-terminal; what the terminal showed in $T/pty.
pty_run() {
	pty_err=
	if test "x$1" = x--stderr; then
		pty_err=$2
		shift 2
	fi
	PTY_STDERR=$pty_err bounded "$PYTHON3" -c '
import os, pty, subprocess, sys
m, s = pty.openpty()
path = os.environ.pop("PTY_STDERR", "")
err = open(path, "wb") if path else s
p = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=s, stderr=err)
os.close(s)
out = b""
while True:
    try:
        b = os.read(m, 4096)
    except OSError:
        break
    if not b:
        break
    out += b
p.wait()
sys.stdout.buffer.write(out)
' "$@" >"$T/pty" 2>"$T/pty.err"
}

if have_python && "$PYTHON3" -c 'import pty; pty.openpty()' >/dev/null 2>&1; then
	pty_run env -u NO_COLOR TERM=xterm "$SOCKSHELL" -c "$script"
	has "$T/pty" ECONNREFUSED "a terminal: the failed call is there"
	if grep "$esc\\[" "$T/pty" >/dev/null; then
		pass "a terminal, no NO_COLOR: coloured (so this test can see colour)"
	else
		fail "a terminal, no NO_COLOR: coloured (so this test can see colour)"
		diag_file "$T/pty" output
	fi
	pty_run env NO_COLOR=1 TERM=xterm "$SOCKSHELL" -c "$script; $script_to"
	has "$T/pty" ECONNREFUSED "a terminal, NO_COLOR=1: the failed call is there"
	no_escapes "$T/pty" "a terminal, NO_COLOR=1: no escape codes"
	pty_run --stderr "$T/stderr" env -u NO_COLOR TERM=xterm "$SOCKSHELL" -c \
		"$script; socketpair; expect 1"
	has "$T/stderr" 'there is no open handle 9' "stdout a terminal, stderr a file: the error is there"
	has "$T/stderr" 'expect failed' "  and the failed expect"
	no_escapes "$T/stderr" "  with no escape codes in the file"
	pty_run env -u NO_COLOR TERM=xterm "$SOCKSHELL" --no-color -c "$script; $script_to"
	no_escapes "$T/pty" "a terminal, --no-color: no escape codes"
	pty_run env -u NO_COLOR TERM=xterm "$SOCKSHELL" --tap -c "$script; $script_to"
	no_escapes "$T/pty" "a terminal, --tap: no escape codes"
	pty_run env -u NO_COLOR TERM=dumb "$SOCKSHELL" -c "$script"
	no_escapes "$T/pty" "a terminal, TERM=dumb: no escape codes"
else
	for i in 1 2 3 4 5 6 7 8 9 10; do
		skip "colour on a terminal" "python3 with pty is not available"
	done
fi

finish
