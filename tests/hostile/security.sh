#!/bin/sh
# security.sh - what a lesson file can do: socket calls, printing, reading
# the files it names.  It never runs a program (shell syntax is just text
# to it) and never writes a file; the history file is private (0600).
. "${top_srcdir:-.}/tests/hostile/lib.sh"

cd "$T" || exit 1

# Shell syntax everywhere a lesson could put it.  None of it may run.
cat >evil.sock <<'EOF'
echo $(touch pwned1) `touch pwned2`
echo "$(touch pwned3)" "`touch pwned4`" '$(touch pwned5)'
set x "$(touch pwned6)"
echo ${x} ${HOME:-$(touch pwned7)}
socketpair
send "|touch pwned8"
send -f "|touch pwned9"
source "|touch pwned10"
source "touch pwned11|"
socket unix stream
connect "|touch pwned12"
getaddrinfo '$(touch pwned13)' '`touch pwned14`'
help '$(touch pwned15)'
EOF
try "$T/evil.sock"
verdict 'a lesson full of shell syntax runs' 1
ok '... and none of it ran a program' sh -c '! ls pwned* 2>/dev/null | grep -q .'
out_has '$(touch pwned1) `touch pwned2`' '... it is shown as text'

# The same, traced: sockshell makes no execve of its own.
if test -n "${SOCKSHELL_VALGRIND:-}"; then
	skip 'strace: one execve, sockshell itself' 'SOCKSHELL is the valgrind wrapper'
elif command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true 2>/dev/null; then
	ASAN_OPTIONS=detect_leaks=0 $bound strace -f -e trace=execve,execveat -o "$T/trace" \
		"$SOCKSHELL" "$T/evil.sock" </dev/null >/dev/null 2>&1
	ok 'strace: one execve, sockshell itself' \
		sh -c "test \"\$(grep -c 'execve' '$T/trace')\" -eq 1"
else
	skip 'strace: one execve, sockshell itself' 'no usable strace'
fi

# Lessons read only what they name; a missing name reads nothing.
echo 'secret' >secret.txt
printf 'socketpair\nsend -f %s/secret.txt\n4 recv 100\nexpect "secret\\n"\n' "$T" >reader.sock
try --tap reader.sock
verdict 'send -f reads the file it names' 0

# save: refused in a lesson file (see files.sh), allowed with -c, 0644
# before the umask, never over an existing file or symlink without -f.
(umask 022 && $bound "$SOCKSHELL" -c 'socketpair; save s1.sock' </dev/null >"$T/out" 2>"$T/err")
status=$?
verdict 'save with umask 022' 0
ok '... gives mode 644' sh -c 'ls -l s1.sock | grep -q "^-rw-r--r--"'
(umask 077 && $bound "$SOCKSHELL" -c 'socketpair; save s2.sock' </dev/null >"$T/out" 2>"$T/err")
status=$?
verdict 'save with umask 077' 0
ok '... gives mode 600 (the umask is respected)' sh -c 'ls -l s2.sock | grep -q "^-rw-------"'

# The history file: 0600, created so, and made so when it existed.
if "$SOCKSHELL" --version | grep -q 'without readline'; then
	skip 'the history file is created 0600' 'built without readline: no history'
	skip 'an existing history file is made 0600' 'built without readline: no history'
	skip 'a symlinked history file' 'built without readline: no history'
elif test -z "${PYTHON3:-}" || ! "$PYTHON3" -c 'import pty' 2>/dev/null; then
	skip 'the history file is created 0600' 'no python3 with pty'
	skip 'an existing history file is made 0600' 'no python3 with pty'
	skip 'a symlinked history file' 'no python3 with pty'
else
	cat >onterm.py <<'EOF'
import os, pty, sys, time, select
# Run sockshell on a terminal, type one line and Ctrl-D, wait for the end.
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1]])
out = b""
def read_for(secs):
    global out
    end = time.time() + secs
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                return False
            if not data:
                return False
            out += data
    return True
read_for(1.0)
os.write(fd, b"echo typed\r")
read_for(1.0)
os.write(fd, b"\x04")
read_for(3.0)
_, st = os.waitpid(pid, 0)
sys.exit(0 if os.WIFEXITED(st) and os.WEXITSTATUS(st) == 0 and b"typed" in out else 1)
EOF
	SOCKSHELL_HISTORY=$T/hist1
	export SOCKSHELL_HISTORY
	$bound "$PYTHON3" onterm.py "$SOCKSHELL" >/dev/null 2>&1
	ok 'the history file is created 0600' sh -c 'ls -l hist1 | grep -q "^-rw-------" && grep -q "echo typed" hist1'
	echo 'old line' >hist2
	chmod 644 hist2
	SOCKSHELL_HISTORY=$T/hist2
	$bound "$PYTHON3" onterm.py "$SOCKSHELL" >/dev/null 2>&1
	ok 'an existing history file is made 0600' sh -c 'ls -l hist2 | grep -q "^-rw-------" && grep -q "echo typed" hist2'
	# Only a regular file of our own is touched: not a link's target,
	# not a device (as root, /dev/null was made 0600), not another's file.
	printf 'keep me\n' >target
	chmod 644 target
	ln -s target hist3
	SOCKSHELL_HISTORY=$T/hist3
	$bound "$PYTHON3" onterm.py "$SOCKSHELL" >/dev/null 2>&1
	ok 'a symlinked history file: its target is neither chmod-ed nor written' \
		sh -c 'ls -l target | grep -q "^-rw-r--r--" && test "$(cat target)" = "keep me"'
	if test "$(id -u)" = 0 && mknod null4 c 1 3 2>/dev/null && chmod 666 null4; then
		SOCKSHELL_HISTORY=$T/null4
		$bound "$PYTHON3" onterm.py "$SOCKSHELL" >/dev/null 2>&1
		ok 'a device as the history file (as root): its mode is left alone' \
			sh -c 'ls -l null4 | grep -q "^crw-rw-rw-"'
		printf 'theirs\n' >hist5
		chmod 644 hist5
		chown 65534 hist5
		SOCKSHELL_HISTORY=$T/hist5
		$bound "$PYTHON3" onterm.py "$SOCKSHELL" >/dev/null 2>&1
		ok "another user's history file (as root): neither chmod-ed nor written" \
			sh -c 'ls -l hist5 | grep -q "^-rw-r--r--" && test "$(cat hist5)" = theirs'
	else
		skip 'a device as the history file (as root): its mode is left alone' 'not root'
		skip "another user's history file (as root): neither chmod-ed nor written" 'not root'
	fi
	unset SOCKSHELL_HISTORY
fi

finish
