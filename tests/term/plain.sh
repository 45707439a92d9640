#!/bin/sh
# tests/term/plain.sh - the plain line reader (configure --without-readline)
# at a real terminal: the prompt, Ctrl-C while typing and during a blocking
# call, Ctrl-D twice to end a line without a newline, Ctrl-D to leave.
# Skipped when the shell was built with GNU Readline.

term_name=plain
. "${top_srcdir:-.}/tests/term/lib.sh"
if $term_readline; then
	skip_all "built with readline: no plain line reader to test"
fi

line_before_last_is() {
	[ "$(term_screen | tail -n 2 | head -n 1)" = "$1" ]
}
last_two_are() {
	[ "$(term_screen | tail -n 2 | tr '\n' '|')" = "$1|$2|" ]
}
interrupt() {
	sleep 0.3
	for try in 1 2 3 4 5; do
		term_keys C-c
		term_wait_new "$1" 2 && return 0
	done
	return 1
}

term_start
ok "the first prompt" term_wait_last '^sockshell>$'
term_run "socket inet stream"
ok "the prompt names the handle" term_wait_last '^sockshell\[3\]>$'

term_type "bind 127.0.0.1"
term_wait_last '^sockshell\[3\]> bind 127\.0\.0\.1$'
term_keys C-c
ok "Ctrl-C while typing: a fresh prompt" term_wait_last '^sockshell\[3\]>$'
ok "the abandoned line stays above, with ^C" line_before_last_is "sockshell[3]> bind 127.0.0.1^C"
term_mark
term_run "echo after-ctrl-c"
ok "the next line starts empty" term_wait_new '^after-ctrl-c$'

term_run "bind 127.0.0.1 0"
term_run "listen"
term_wait '^listen\(3, [0-9]+\) = 0$'
term_mark
term_run "accept"
ok "Ctrl-C interrupts a blocking accept: EINTR" interrupt '^accept\(3\) = -1 EINTR'
ok "and the prompt comes back" term_wait_last '^sockshell\[3\]>$'

term_type "echo partial"
term_wait_last '^sockshell\[3\]> echo partial$'
term_mark
term_keys C-d C-d
ok "Ctrl-D twice ends a line that has text: it runs" term_wait_new '^partial$'
ok "and the shell stays" term_wait_last '^sockshell\[3\]>$'

term_keys C-d
ok "Ctrl-D on an empty line leaves" term_exit
ok "with status 0" test "${term_status:-none}" = 0
ok "after ending the prompt's line, once" last_two_are "sockshell[3]>" "EXIT=0"

finish
