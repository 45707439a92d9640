#!/bin/sh
# A lesson with "#!/usr/bin/env sockshell" on its first line runs as a
# program, with its arguments as $1...
. "${top_srcdir:-.}/tests/shell/lib.sh"
# After a failed point: the output it looked at.
show_out() { printf '%s\n' "$out" | sed 's/^/#   /'; }
tap_on_fail show_out
d=$T
cat > "$d/lesson.sock" <<'LESSON'
#!/usr/bin/env sockshell
# an executable lesson
socketpair
expect 0
4 send "${1:-nothing}"
3 recv 100
expect "hello"
LESSON
chmod +x "$d/lesson.sock"
# "env sockshell" must find the shell under test (or the valgrind wrapper
# standing for it): a bin directory of the test's own, first in PATH.
mkdir -p "$d/bin"
printf '#!/bin/sh\nexec "%s" "$@"\n' "$SOCKSHELL" > "$d/bin/sockshell"
chmod +x "$d/bin/sockshell"
bindir=$(cd "$d/bin" && pwd)
out=$(PATH="$bindir:$PATH" timeout 10 "$d/lesson.sock" hello 2>&1); st=$?
is "$st" 0 "the lesson runs as a program (status 0)"
ok "its argument is \$1" eval 'printf "%s" "$out" | grep -F -q "recv(3, 100, 0) = 5 \"hello\""'
out=$(PATH="$bindir:$PATH" timeout 10 "$d/lesson.sock" other 2>&1); st=$?
is "$st" 1 "a failed expect gives status 1"
out=$(PATH="$bindir:$PATH" timeout 10 "$SOCKSHELL" --check "$d/lesson.sock" 2>&1); st=$?
is "$st" 0 "the #! line is a comment to --check"
finish
