#!/bin/sh
# tests/term/color.sh - colour at a real terminal: an error result is
# coloured when standard output is the terminal and NO_COLOR is not set;
# never with NO_COLOR, --no-color, or with standard output a pipe.

term_name=color
. "${top_srcdir:-.}/tests/term/lib.sh"

refused='socket inet stream; bind 127.0.0.1 0; socket inet stream; connect @3'
esc=$(printf '\033')

# The ECONNREFUSED line as the screen shows it, escape sequences kept.
refused_line() {
	term_screen -e | grep 'ECONNREFUSED'
}
coloured() {
	refused_line | grep -q "$esc\\["
}
plain() {
	refused_line >/dev/null && ! coloured
}
no_escape_shown() {
	! term_screen | grep -q '\^\['
}
plain_prompt() {
	term_screen -e | grep '^sockshell' | grep -q . &&
		! term_screen -e | grep '^sockshell' | grep -q "$esc"
}
seen() {
	term_exit && term_has 'ECONNREFUSED'
}

term_start -NO_COLOR -- -c "$refused"
ok "at a terminal: the call fails with ECONNREFUSED" seen
ok "and its error is coloured" coloured

term_start NO_COLOR=1 -- -c "$refused"
ok "NO_COLOR=1: the same call" seen
ok "is not coloured" plain

term_start NO_COLOR= -- -c "$refused"
ok "NO_COLOR set but empty: the same call" seen
ok "is coloured (no-color.org: only a value that is not empty counts)" coloured

term_start -NO_COLOR -- --no-color -c "$refused"
ok "--no-color: the same call" seen
ok "is not coloured" plain

# Standard output a pipe: cat -v would show an escape as ^[.
printf '"$SOCKSHELL" -c "%s" | cat -v\n' "$refused" >"$term_dir/pipe.sh"
term_start -NO_COLOR RUN_PROGRAM=/bin/sh -- "$term_dir/pipe.sh"
ok "stdout a pipe: the same call" seen
ok "no escape sequence goes down the pipe" no_escape_shown

# At the prompt with the trace going down a pipe: the prompt is still on
# the terminal (readline writes it to stderr then), the trace plain.
printf '"$SOCKSHELL" | cat -v\n' >"$term_dir/pipe-interactive.sh"
term_start -NO_COLOR RUN_PROGRAM=/bin/sh -- "$term_dir/pipe-interactive.sh"
ok "stdout a pipe, stdin the terminal: the prompt shows" term_wait_last '^sockshell>$'
term_run "$refused"
ok "the commands run" term_wait 'ECONNREFUSED'
ok "no escape sequence goes down the pipe" no_escape_shown
# cat may write the trace while the next prompt is drawn, even in the
# middle of it: see that the prompt reads the next line instead (its
# output may land anywhere too, but it is not the typed text).
term_run 'echo "next\x2dline"'
ok "the next prompt reads a line" term_wait 'next-line'
term_keys C-d
ok "Ctrl-D leaves" term_exit

# At the prompt too; the prompt itself stays plain.
term_start -NO_COLOR --
term_prompt
term_run "$refused"
ok "at the prompt: the error is coloured" term_poll 8 coloured
ok "the prompt is plain" plain_prompt
term_keys C-d
term_exit

finish
