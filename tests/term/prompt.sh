#!/bin/sh
# tests/term/prompt.sh - the prompt at a real terminal: it names the
# current handle; Ctrl-C clears the line being typed (also in a history
# search); a resized window is redrawn right; Ctrl-Z gives the terminal
# back and fg redraws the line; a pasted block of lines runs line by line
# (bracketed paste or not); Ctrl-D leaves with status 0, the prompt's
# line ended once.

term_name=prompt
. "${top_srcdir:-.}/tests/term/lib.sh"
need_readline

last_two_are() {
	[ "$(term_screen | tail -n 2 | tr '\n' '|')" = "$1|$2|" ]
}
line_before_last_is() {
	[ "$(term_screen | tail -n 2 | head -n 1)" = "$1" ]
}
resize() {
	term_tmux resize-window -t "t:w$term_window" -x "$1" >/dev/null 2>&1
}
width_is() {
	[ "$(term_tmux display-message -p -t "t:w$term_window" '#{window_width}')" = "$1" ]
}
no_error_since_mark() {
	! term_new | grep -q 'error'
}
# paste TEXT: paste TEXT as a terminal does (bracketed when the
# program asked for it).
paste() {
	term_tmux set-buffer -b t -- "$1"
	term_tmux paste-buffer -p -d -b t -t "t:w$term_window"
}
long=aaaaaaaaaabbbbbbbbbbccccccccccddddddddddeeeeeeeeeeffffffffff

term_start
ok "the first prompt is 'sockshell>'" term_wait_last '^sockshell>$'
term_run "socket inet stream"
ok "socket inet stream makes handle 3" term_wait '^socket\(AF_INET, SOCK_STREAM, 0\) = 3$'
ok "the prompt becomes 'sockshell[3]>'" term_wait_last '^sockshell\[3\]>$'
term_run "socket inet dgram"
ok "a second socket: 'sockshell[4]>'" term_wait_last '^sockshell\[4\]>$'
term_run "3"
ok "'3' alone selects handle 3" term_wait_last '^sockshell\[3\]>$'
term_run "close"
ok "after close the last used handle, 4" term_wait_last '^sockshell\[4\]>$'
term_run "close"
ok "none left: 'sockshell>'" term_wait_last '^sockshell>$'

# Ctrl-C while typing.
term_type "socket inet"
term_wait_last '^sockshell> socket inet$'
term_keys C-c
ok "Ctrl-C shows ^C and gives a fresh prompt" term_prompt
ok "the abandoned line stays above, with ^C" line_before_last_is "sockshell> socket inet^C"
term_mark
term_run "echo after-ctrl-c"
ok "the next line starts empty" term_wait_new '^after-ctrl-c$'
ok "nothing of the abandoned line ran" no_error_since_mark

# Ctrl-C during a reverse history search, and twice in a row.
term_keys C-r
term_type "after"
ok "Ctrl-R searches the history" term_wait_last 'reverse-i-search.*after'
term_keys C-c
ok "Ctrl-C leaves the search for an empty prompt" term_wait_last '^sockshell>$'
ok "with ^C shown at the end of the line left" line_before_last_is "sockshell> echo after-ctrl-c^C"
term_keys C-c C-c
term_mark
term_run "echo still-here"
ok "Ctrl-C twice at an empty prompt does no harm" term_wait_new '^still-here$'

# A window resized at the prompt: readline must know the new width, or
# moving along a long line draws it wrong.
term_prompt
resize 40
term_poll 5 width_is 40
term_type "cho $long"
term_wait_fixed "ffffffffff"
term_keys C-a
term_type "e"
term_keys C-e
term_type "Z"
ok "resized at the prompt: a long line edited in place" \
	term_wait_last "^sockshell> echo ${long}Z\$"
term_mark
term_keys Enter
ok "and it runs as typed" term_wait_new "^${long}Z\$"

# A window resized while a command runs.
term_prompt
term_run "sleep 1"
resize 60
term_poll 5 width_is 60
term_prompt
term_type "cho $long"
term_wait_fixed "ffffffffff"
term_keys C-a
term_type "e"
term_keys C-e
term_type "Y"
ok "resized during a command: the next prompt knows the width" \
	term_wait_last "^sockshell> echo ${long}Y\$"
term_keys C-e C-u
resize 100
term_poll 5 width_is 100

# A block of lines pasted at the prompt runs line by line, each behind
# its own prompt, like a transcript.
term_prompt
term_mark
paste "socket inet dgram
echo pasted-two # a comment
echo pasted-three
"
ok "a pasted block: each line behind its own prompt" \
	term_wait_new '^sockshell\[3\]> echo pasted-three$'
ok "and each one runs" term_wait_new '^pasted-three$'
ok "the comment stays on its line" term_has_new '^pasted-two$'
term_run "close"

# Ctrl-D on a line with text deletes; on an empty line it leaves.
term_prompt
term_type "xecho one"
term_wait_last '^sockshell> xecho one$'
term_keys C-a C-d
ok "Ctrl-D on a line with text deletes a character" term_wait_last '^sockshell> echo one$'
term_clear
term_keys C-d
ok "Ctrl-D on an empty line leaves" term_exit
ok "with status 0" test "${term_status:-none}" = 0
ok "after ending the prompt's line, once" last_two_are "sockshell>" "EXIT=0"

# Ctrl-Z at the prompt, under a job-control shell: the terminal is given
# back as it was (the shell's own typing is echoed), and fg redraws the
# prompt and the line being typed, which goes on being edited.
term_start RUN_PROGRAM=/bin/sh "PS1=$ " ENV= -- -i
term_wait_last '^\$$'
term_run '"$SOCKSHELL"'
term_prompt
term_type "echo abc"
term_wait_last '^sockshell> echo abc$'
term_keys C-z
ok "Ctrl-Z stops the shell" term_wait 'Stopped'
term_type "fg"
ok "the terminal echoes again while it is stopped" term_wait_last '^\$ fg$'
term_keys Enter
ok "fg redraws the prompt and the line" term_wait_last '^sockshell> echo abc$'
term_mark
term_type "d"
term_keys Enter
ok "and the line goes on being edited" term_wait_new '^abcd$'
term_prompt
term_keys C-d
term_wait_last '^\$$'
term_type "exit"
term_keys Enter
term_exit

# With bracketed paste switched on in the init file, a pasted block is
# edited as one, and Enter runs each of its lines in turn.
printf 'set enable-bracketed-paste on\n' >"$term_dir/inputrc"
term_start "INPUTRC=$term_dir/inputrc" --
term_prompt
term_mark
paste "echo bp-one
echo bp-two"
term_wait_new '^echo bp-two$'
term_keys Enter
ok "bracketed paste: Enter runs the first line" term_wait_new '^bp-one$'
ok "and the second" term_wait_new '^bp-two$'
term_prompt
term_keys C-d
ok "Ctrl-D leaves" term_exit
ok "ending the prompt's line once, with bracketed paste on" last_two_are "sockshell>" "EXIT=0"

finish
