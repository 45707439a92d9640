#!/bin/sh
# tests/term/noninteractive.sh - standard input that is not a terminal,
# inside a terminal: the shell reads it as a script and never asks a
# question or waits for a key, whatever it holds (open handles at the end,
# a file saved over, tabs, -i); no prompt is shown.

term_name=noninteractive
. "${top_srcdir:-.}/tests/term/lib.sh"

# run_piped NAME SCRIPT-LINES: sockshell runs as "sh NAME.sh" in a new
# window, with its stdin from a pipe or a file as the lines say.
run_piped() {
	printf '%s\n' "$2" >"$term_dir/$1.sh"
	term_start RUN_PROGRAM=/bin/sh -- "$term_dir/$1.sh"
}
no_question() {
	! term_screen | grep -E -i -q '\?[[:space:]]*$|y/n|y or n|possibilities|--more--|press'
}
no_prompt() {
	! term_screen | grep -q '^sockshell'
}

run_piped pipe 'printf "socket inet stream\nsocket inet stream\necho piped-done\n" | "$SOCKSHELL"'
ok "a pipe with open handles at its end: it leaves by itself" term_exit
ok "with status 0" test "${term_status:-none}" = 0
ok "it ran to the end" term_has '^piped-done$'
ok "no question on the screen" no_question
ok "no prompt either" no_prompt

run_piped save 'printf "" | "$SOCKSHELL" -c "socket inet stream; save out.sock; save out.sock; echo saved-twice"'
ok "saving over a file, stdin a pipe: it leaves by itself" term_exit
ok "having gone on to the end" term_has '^saved-twice$'
ok "it says the file exists instead of asking" term_has 'exists'
ok "no question on the screen" no_question

run_piped savepipe 'printf "socket inet stream\nsave piped.sock\necho refused-done\n" | "$SOCKSHELL"'
ok "save in a script on stdin: it leaves by itself" term_exit
ok "having gone on to the end" term_has '^refused-done$'
ok "save is refused there (a piped script may be anyone's)" term_has 'save: only at the prompt'
ok "and wrote nothing" test ! -e "$term_dir/piped.sock"

run_piped devnull '"$SOCKSHELL" </dev/null'
ok "stdin /dev/null: it leaves at once" term_exit
ok "with status 0" test "${term_status:-none}" = 0
ok "no prompt" no_prompt

run_piped tabs 'printf "soc\t\t\t\nhelp s\t\t\nsocket inet stream\nquit\n" | "$SOCKSHELL"'
ok "tabs in piped input complete nothing, ask nothing" term_exit
ok "no question on the screen" no_question
ok "no prompt" no_prompt

run_piped stay 'echo "echo from-the-pipe" | "$SOCKSHELL" -i -c "echo from-c"'
ok "-i with stdin a pipe: the pipe is read as a script" term_exit
ok "after the commands" term_has '^from-c$'
ok "and the pipe's lines" term_has '^from-the-pipe$'
ok "no prompt" no_prompt

run_piped file 'printf "socket inet stream\nsocket inet stream\n" >in.txt; "$SOCKSHELL" <in.txt'
ok "stdin a file: it leaves by itself" term_exit
ok "with status 0" test "${term_status:-none}" = 0

finish
