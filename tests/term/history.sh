#!/bin/sh
# tests/term/history.sh - the history file at a real terminal: the lines
# of one run are in it afterwards (mode 0600, no empty or blank lines, no
# line abandoned with Ctrl-C, a repeated line once), the next run recalls
# them with Up; two shells open at once both keep their lines; the
# fallbacks $XDG_STATE_HOME/sockshell/history, ~/.local/state/sockshell/
# history and the older ~/.sockshell_history; inputrc's history-size; and
# a FIFO as the history file, which must not hang start-up.

term_name=history
. "${top_srcdir:-.}/tests/term/lib.sh"
need_readline

hist=$term_dir/history

mode_is() {
	[ "$(ls -lnd "$2" 2>/dev/null | cut -c1-10)" = "$1" ]
}
has_line() {
	grep -F -x -q -- "$2" "$1" 2>/dev/null
}
lacks_line() {
	[ -f "$1" ] && ! grep -F -x -q -- "$2" "$1"
}
count_is() {
	[ "$(grep -F -x -c -- "$2" "$1" 2>/dev/null)" = "$3" ]
}
no_blank_lines() {
	[ -s "$1" ] && ! grep -q '^[[:space:]]*$' "$1"
}
# leave: Ctrl-D at an empty prompt, and wait until the shell has gone.
leave() {
	term_clear
	term_keys C-d
	term_exit
}

## One run.
term_start
term_prompt
term_run "echo first-line"
term_wait '^first-line$'
term_keys Enter
term_type "   "
term_keys Enter
term_run "echo second-line"
term_run "echo second-line"
term_type "echo abandoned"
term_wait_fixed "echo abandoned"
term_keys C-c
term_prompt
ok "the first run ends" leave
ok "the history file is written" test -s "$hist"
ok "with mode 0600" mode_is -rw------- "$hist"
ok "it holds the first line" has_line "$hist" "echo first-line"
ok "and the second, once (a repeat is not stored)" count_is "$hist" "echo second-line" 1
ok "no empty or blank lines" no_blank_lines "$hist"
ok "no line abandoned with Ctrl-C" lacks_line "$hist" "echo abandoned"

## The next run recalls them.
term_start
term_prompt
term_keys Up
ok "Up recalls the last line of the run before" term_wait_last '^sockshell> echo second-line$'
term_keys Up
ok "Up again, the one before" term_wait_last '^sockshell> echo first-line$'
term_mark
term_keys Enter
ok "and it runs" term_wait_new '^first-line$'
ok "the second run ends" leave
ok "the recalled line is stored again" count_is "$hist" "echo first-line" 2

## Two shells at once: the one that leaves last keeps the other's lines.
term_start
a=$term_window
term_prompt
term_start
b=$term_window
term_prompt
term_select "$a"
term_run "echo from-shell-a"
term_wait '^from-shell-a$'
term_select "$b"
term_run "echo from-shell-b"
term_wait '^from-shell-b$'
term_select "$a"
leave
term_select "$b"
leave
ok "two shells at once: the first one's line is kept" has_line "$hist" "echo from-shell-a"
ok "and the second one's" has_line "$hist" "echo from-shell-b"
ok "and the earlier runs' lines" has_line "$hist" "echo first-line"

## Without SOCKSHELL_HISTORY: $XDG_STATE_HOME/sockshell/history, the
## directories made as needed.
term_start -SOCKSHELL_HISTORY "XDG_STATE_HOME=$term_dir/state/deeper" --
term_prompt
term_run "echo xdg-line"
term_wait '^xdg-line$'
leave
xdg=$term_dir/state/deeper/sockshell/history
ok "XDG_STATE_HOME: the file is made there" has_line "$xdg" "echo xdg-line"
ok "with mode 0600" mode_is -rw------- "$xdg"
ok "in a private directory" mode_is drwx------ "$term_dir/state/deeper/sockshell"
ok "SOCKSHELL_HISTORY's file is not touched" lacks_line "$hist" "echo xdg-line"

## Without either: XDG's default, ~/.local/state/sockshell/history.
term_start -SOCKSHELL_HISTORY --
term_prompt
term_run "echo default-line"
term_wait '^default-line$'
leave
default=$term_dir/home/.local/state/sockshell/history
ok "no XDG_STATE_HOME: ~/.local/state/sockshell/history is made" has_line "$default" "echo default-line"
ok "with mode 0600" mode_is -rw------- "$default"
ok "in a private directory" mode_is drwx------ "$term_dir/home/.local/state/sockshell"

## Only the file of older versions there: ~/.sockshell_history, an
## existing one made private.
rm -r "$term_dir/home/.local"
home=$term_dir/home/.sockshell_history
echo "echo preexisting" >"$home"
chmod 644 "$home"
term_start -SOCKSHELL_HISTORY --
term_prompt
term_keys Up
ok "~/.sockshell_history: its line is recalled" term_wait_last '^sockshell> echo preexisting$'
term_clear
term_run "echo home-line"
term_wait '^home-line$'
leave
ok "the new line is added to it" has_line "$home" "echo home-line"
ok "the old line is kept" has_line "$home" "echo preexisting"
ok "and it is now mode 0600" mode_is -rw------- "$home"
ok "the XDG file is not touched" lacks_line "$xdg" "echo home-line"

## inputrc's history-size sets how many lines are kept, in the file too.
printf 'set history-size 3\n' >"$term_dir/inputrc"
small=$term_dir/small
printf 'echo old-%s\n' 1 2 3 4 5 >"$small"
term_start "INPUTRC=$term_dir/inputrc" "SOCKSHELL_HISTORY=$small" --
term_prompt
term_run "echo small-a"
term_wait '^small-a$'
term_run "echo small-b"
term_wait '^small-b$'
leave
ok "history-size 3: the file keeps 3 lines" test "$(wc -l <"$small")" -eq 3
ok "the last ones" sh -c "tail -n 1 '$small' | grep -q -x 'echo small-b' &&
	head -n 1 '$small' | grep -q -x 'echo old-5'"

## A FIFO as the history file: start-up does not wait for a writer, and
## the FIFO is neither written nor made a file.
mkfifo "$term_dir/fifo"
term_start "SOCKSHELL_HISTORY=$term_dir/fifo" --
ok "a FIFO history file: the prompt comes" term_prompt
term_run "echo fifo-line"
ok "the shell runs" term_wait '^fifo-line$'
ok "and leaves" leave
ok "the FIFO is still a FIFO" test -p "$term_dir/fifo"

finish
