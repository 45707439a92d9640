#!/bin/sh
# tests/term/source.sh - "source" and signals at a real terminal.  Ctrl-C
# during a sourced file leaves the file (and the rest of the line) and
# gives the prompt back with every handle; a sourced file with a syntax
# error, or an error of the shell in one, is reported and the session goes
# on, ending with status 0.  SIGTERM at the prompt and SIGHUP during a call
# end the shell with 128+N, the history written.

term_name=source
. "${top_srcdir:-.}/tests/term/lib.sh"

# interrupt REGEX: press Ctrl-C until the line REGEX shows up (the first
# one may come before the call blocks; see interrupt.sh).
interrupt() {
	sleep 0.3
	for try in 1 2 3 4 5; do
		term_keys C-c
		term_wait_new "$1" 2 && return 0
	done
	return 1
}
not_reached() {
	! term_new | grep -q '^never-'
}
has_line() {
	grep -F -x -q -- "$2" "$1" 2>/dev/null
}

printf 'echo in-the-file\nsleep 30\necho never-in-file\n' >"$term_dir/slow.sock"
printf 'echo one\necho "unterminated\n' >"$term_dir/bad.sock"
printf 'use 99\necho after-the-error\n' >"$term_dir/err.sock"
# RUN_PROGRAM: the shell, its process id noted first, so a signal can be
# sent to it alone.
cat >"$term_dir/pid.sh" <<'EOF'
#!/bin/sh
echo $$ >"$(dirname "$0")/pid.$1"
shift
exec "$SOCKSHELL" "$@"
EOF
chmod +x "$term_dir/pid.sh"
export SOCKSHELL

## Ctrl-C in a sourced file.
term_start
term_prompt
term_run "socket inet stream"
term_run "bind 127.0.0.1 0"
term_run "listen"
term_wait '^listen\(3, [0-9]+\) = 0$'
term_prompt
term_mark
term_run "source slow.sock; echo never-on-line"
term_wait_new '^in-the-file$'
ok "Ctrl-C in a sourced file gives the prompt back" interrupt '^sockshell\[3\]>$'
ok "the rest of the file and of the line is dropped" not_reached
term_mark
term_run "status"
term_wait_new '^sockshell\[3\]>$'
ok "status still lists the listener 3" term_has_new '^[ *]*3 +inet +stream .*LISTEN'
term_prompt
term_keys C-d
ok "Ctrl-D leaves" term_exit
ok "with status 0: an interrupted file is no failure at the prompt" \
	test "${term_status:-none}" = 0

## A syntax error in a sourced file, and an error of the shell in one.
term_start
term_prompt
term_run "socket inet stream"
term_prompt
term_mark
term_run "source bad.sock"
ok "a sourced file's syntax error is reported" term_wait_new 'bad\.sock:2: error: unterminated'
ok "and the prompt comes back" term_wait_last '^sockshell\[3\]>$'
term_mark
term_run "source err.sock"
ok "an error in a sourced file is reported" term_wait_new 'err\.sock:1: error:'
ok "and the file goes on" term_wait_new '^after-the-error$'
term_prompt
term_keys C-d
ok "Ctrl-D leaves" term_exit
ok "with status 0: errors in sourced files are only reported at the prompt" \
	test "${term_status:-none}" = 0

## SIGTERM at the prompt.
term_start RUN_PROGRAM="$term_dir/pid.sh" -- 3
term_prompt
term_run "socketpair"
term_run "echo typed-before-sigterm"
term_wait '^typed-before-sigterm$'
term_prompt
kill -TERM "$(cat "$term_dir/pid.3")"
ok "SIGTERM at the prompt ends the shell" term_exit
ok "with status 143" test "${term_status:-none}" = 143
if $term_readline; then
	ok "the history is written" has_line "$term_dir/history" "echo typed-before-sigterm"
else
	skip "the history is written" "built without readline"
fi

## SIGHUP during a call.
term_start RUN_PROGRAM="$term_dir/pid.sh" -- 4
term_prompt
term_run "sleep 30"
sleep 0.5
kill -HUP "$(cat "$term_dir/pid.4")"
ok "SIGHUP during a call ends the shell" term_exit
ok "with status 129" test "${term_status:-none}" = 129
if $term_readline; then
	ok "the history is written" has_line "$term_dir/history" "sleep 30"
else
	skip "the history is written" "built without readline"
fi

finish
