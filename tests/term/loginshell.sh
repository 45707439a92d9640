#!/bin/sh
# tests/term/loginshell.sh - the harness does not depend on the user's
# login shell: with $SHELL a nologin that refuses every command (as for a
# system user), tmux still runs the windows, a command given as one string
# included, because the test's tmux.conf makes /bin/sh its shell.

term_name=loginshell
. "${top_srcdir:-.}/tests/term/lib.sh"

# A login shell that lets nobody in, like /usr/sbin/nologin.
printf '#!/bin/sh\necho "This account is currently not available."\nexit 1\n' \
	>"$term_dir/nologin"
chmod +x "$term_dir/nologin"
SHELL=$term_dir/nologin
export SHELL

term_start
ok "sockshell starts at a prompt with a nologin \$SHELL" term_prompt
is "$(term_tmux show-options -gv default-shell 2>&1)" /bin/sh "tmux's default-shell is /bin/sh"
is "$(term_tmux show-options -gv default-command 2>&1)" /bin/sh "and its default-command"

# A command in one string goes through the default shell.
term_tmux new-window -t t -n one "echo ran >'$term_dir/one-string'; exec sleep 60"
ok "a command given as one string runs" wait_file "$term_dir/one-string" 8
# A window without a command runs the default command.
term_tmux new-window -t t -n bare
term_tmux send-keys -t t:bare -l "echo ran >'$term_dir/bare'"
term_tmux send-keys -t t:bare Enter
ok "a window without a command gets a working shell" wait_file "$term_dir/bare" 8

term_select 1
term_keys C-d
ok "Ctrl-D leaves" term_exit
is "$term_status" 0 "with status 0"
finish
