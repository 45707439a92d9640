#!/bin/sh
# tests/term/interactive.sh - "-i FILE" at a real terminal: the lesson
# sets a scene up, then the prompt stays with its handles, which status
# lists and the next commands use; only the typed lines go to history;
# -i after -c too; a lesson with a syntax error starts no prompt.

term_name=interactive
. "${top_srcdir:-.}/tests/term/lib.sh"

cat >"$term_dir/scene.sock" <<'EOF'
# A connected pair and the listener it came through.
socket inet stream
bind 127.0.0.1 0
listen
socket inet stream
connect @3
3 accept
4 send "hello from the lesson"
echo scene-ready
EOF
printf 'socket inet stream\nbind 127.0.0.1 "unterminated\n' >"$term_dir/broken.sock"

has_line() {
	grep -F -x -q -- "$2" "$1" 2>/dev/null
}
lacks_line() {
	[ -f "$1" ] && ! grep -F -x -q -- "$2" "$1"
}

term_start -i scene.sock
ok "the lesson runs" term_wait '^scene-ready$'
ok "then the prompt, on the lesson's current handle" term_wait_last '^sockshell\[4\]>$'
term_mark
term_run "status"
term_wait_new '^sockshell\[4\]>$'
ok "status lists the listener 3" term_has_new '^[ *]*3 +inet +stream .*LISTEN'
ok "and the client 4" term_has_new '^[ *]*4 +inet +stream .*ESTABLISHED'
ok "and the accepted 5" term_has_new '^[ *]*5 +inet +stream .*ESTABLISHED'
term_mark
term_run "5 recv 100"
ok "the lesson's data waits on 5" term_wait_new '^recv\(5, 100, 0\) = 21 "hello from the lesson"$'
ok "the prompt follows the handle used" term_wait_last '^sockshell\[5\]>$'
term_run "quit"
ok "quit leaves" term_exit
ok "with status 0" test "${term_status:-none}" = 0
if $term_readline; then
	ok "the typed lines are in the history" has_line "$term_dir/history" "5 recv 100"
	ok "the lesson's lines are not" lacks_line "$term_dir/history" "listen"
else
	skip "the typed lines are in the history" "built without readline"
	skip "the lesson's lines are not" "built without readline"
fi

term_start -i -c "socket inet dgram; echo set-up"
ok "-i after -c: the commands run" term_wait '^set-up$'
ok "then the prompt stays, on handle 3" term_wait_last '^sockshell\[3\]>$'
term_keys C-d
ok "Ctrl-D leaves" term_exit
ok "with status 0" test "${term_status:-none}" = 0

term_start -i broken.sock
ok "-i with a broken lesson: it leaves" term_exit
ok "with status 2, no prompt" test "${term_status:-none}" = 2
ok "the error names the file and line" term_has '^broken\.sock:2: error:'

finish
