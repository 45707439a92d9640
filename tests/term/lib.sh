# tests/term/lib.sh - drive sockshell at a real terminal, for tests/term/*.sh
#
# Sourced by each test after setting term_name.  Each test gets its own
# tmux server (a private socket, a configuration file of its own), a fixed window
# size, and a scratch directory under the build tree that is HOME and the
# working directory of the shell under test, with its history file in it
# and readline's init file switched off.  Every wait polls the screen with
# a deadline; nothing sleeps blindly.  The server and any helper process
# are killed on exit.
#
# Output is TAP, through tests/lib/tap.sh (ok, skip, finish...); a
# failed point shows the screen of the current window.  tmux's own shell
# is /bin/sh (default-shell and default-command in the test's tmux.conf),
# so a user whose login shell is nologin can run these tests too.

. "${top_srcdir:-.}/tests/lib/tap.sh"
: "${SOCKSHELL:?SOCKSHELL must name the sockshell binary}"
: "${term_name:?set term_name before sourcing lib.sh}"

term_cols=100
term_rows=40
# How long one wait may take, and all of them together: once a failing
# test has used up its budget, each further wait looks only once.
term_wait_secs=${TERM_TEST_WAIT:-8}
term_budget_end=$(($(date +%s) + ${TERM_TEST_BUDGET:-60}))

if ! command -v tmux >/dev/null 2>&1; then
	skip_all "tmux missing"
fi

# Built --without-readline, the shell has a plain line reader: no
# completion, history or line editing to test (plain.sh tests it).
case $("$SOCKSHELL" --version 2>/dev/null) in
*"without readline"*) term_readline=false ;;
*) term_readline=true ;;
esac
# need_readline: skip the whole test without GNU Readline.
need_readline() {
	if ! $term_readline; then
		skip_all "built without readline"
	fi
}

# The scratch directory is tap.sh's: HOME, history and the windows' scripts.
term_dir=$T
mkdir -p "$term_dir/home" || bail "cannot make $term_dir/home"
term_sock="sockshell-$term_name-$$"
term_pids=
term_socket=
unset TMUX TMUX_PANE
export LC_ALL=C

# Whatever the user's login shell (nologin, say), tmux runs each window's
# command with /bin/sh.
printf '%s\n' 'set-option -g default-shell /bin/sh' \
	'set-option -g default-command /bin/sh' >"$term_dir/tmux.conf"

term_tmux() {
	tmux -L "$term_sock" -f "$term_dir/tmux.conf" "$@"
}

term_cleanup() {
	term_tmux kill-server >/dev/null 2>&1
	[ -n "$term_socket" ] && rm -f "$term_socket"
	for p in $term_pids; do
		kill "$p" 2>/dev/null
	done
}
tap_at_exit term_cleanup

# After a failed point: the screen of the current window.
term_show_screen() {
	term_screen 2>/dev/null | sed 's/^/#   | /'
}
tap_on_fail term_show_screen

## ---- the terminal ----

term_window=0

# term_start [VAR=VALUE]... [--] [ARG]...: run sockshell ARG... in a new
# window (the first call also starts the server) with HOME, the history
# file and INPUTRC set for the test.  VAR=VALUE words (VAR in capitals)
# change the environment: VAR= empties it, -VAR unsets it, RUN_PROGRAM=PATH
# runs another program instead, such as a script.  When it ends, the window
# shows "EXIT=status" and the status is in $term_dir/status.N.
term_start() {
	term_window=$((term_window + 1))
	script="$term_dir/run.$term_window.sh"
	{
		echo "TERM_DIR='$term_dir'"
		echo 'cd "$TERM_DIR" || exit 1'
		echo 'HOME=$TERM_DIR/home; export HOME'
		echo 'SOCKSHELL_HISTORY=$TERM_DIR/history; export SOCKSHELL_HISTORY'
		echo 'INPUTRC=/dev/null; export INPUTRC'
		echo 'unset XDG_STATE_HOME'
		while [ $# -gt 0 ]; do
			case $1 in
			--) shift; break ;;
			-[A-Z_]*) echo "unset ${1#-}" ;;
			[A-Z_]*=*) echo "${1%%=*}='${1#*=}'; export ${1%%=*}" ;;
			*) break ;;
			esac
			shift
		done
		# Ctrl-C reaches this shell too: it must wait on.
		echo 'trap : INT'
		echo '"${RUN_PROGRAM:-$SOCKSHELL}" "$@"'
		echo 'rc=$?'
		echo "echo \$rc >\"\$TERM_DIR/status.$term_window\""
		echo 'echo "EXIT=$rc"'
		echo 'exec sleep 60'
	} >"$script"
	if [ "$term_window" -eq 1 ]; then
		if ! term_tmux new-session -d -s t -n "w$term_window" -x "$term_cols" \
			-y "$term_rows" sh "$script" "$@"; then
			[ "$_tap_n" -eq 0 ] && skip_all "tmux cannot start a session"
			return 1
		fi
		# kill-server leaves the socket behind: remember it for cleanup.
		term_socket=$(term_tmux display-message -p '#{socket_path}' 2>/dev/null)
	else
		term_tmux new-window -t t -n "w$term_window" sh "$script" "$@"
	fi
}

# term_select N: the window later calls work on.
term_select() {
	term_window=$1
}

# The current window's whole screen and scrollback, wrapped lines joined,
# trailing blanks and blank lines dropped.  -e: with escape sequences.
term_screen() {
	term_tmux capture-pane -p -J ${1:+"$1"} -S - -t "t:w$term_window" |
		sed 's/[[:space:]]*$//' |
		awk '{ line[NR] = $0 } NF { last = NR } END { for (i = 1; i <= last; i++) print line[i] }'
}

# The last line on the screen (where the cursor's prompt is).
term_last() {
	term_screen | tail -n 1
}

# term_keys KEY...: tmux key names (Tab, Enter, C-c, Up, ...).
term_keys() {
	term_tmux send-keys -t "t:w$term_window" "$@"
}

# term_type TEXT: type TEXT literally.
term_type() {
	term_tmux send-keys -t "t:w$term_window" -l -- "$1"
}

# term_run TEXT: type TEXT, wait until it is on the screen, press Enter.
term_run() {
	term_type "$1"
	term_wait_fixed "$1" || return 1
	term_keys Enter
}

# term_mark: remember how far the screen is written; term_wait_new and
# term_new then look only below that (the prompt line included).
term_mark() {
	term_marked=$(term_screen | wc -l)
	[ "$term_marked" -gt 0 ] && term_marked=$((term_marked - 1))
}
term_marked=0

term_new() {
	term_screen | tail -n +"$((term_marked + 1))"
}

term_deadline() {
	echo $(($(date +%s) + ${1:-$term_wait_secs}))
}

# term_poll SECONDS COMMAND...: run COMMAND every tenth of a second until
# it succeeds (0) or SECONDS have passed (1).
term_poll() {
	secs=$1
	shift
	end=$(term_deadline "$secs")
	[ "$end" -gt "$term_budget_end" ] && end=$term_budget_end
	while :; do
		"$@" && return 0
		[ "$(date +%s)" -gt "$end" ] && return 1
		sleep 0.1 2>/dev/null || sleep 1
	done
}

term_has() { term_screen | grep -E -q -- "$1"; }
term_has_fixed() { term_screen | grep -F -q -- "$1"; }
term_has_new() { term_new | grep -E -q -- "$1"; }
term_last_is() { term_last | grep -E -q -- "$1"; }

# Wait until the screen (or the part after term_mark, or its last line)
# matches the extended regular expression, or the fixed string.
term_wait() { term_poll "${2:-$term_wait_secs}" term_has "$1"; }
term_wait_fixed() { term_poll "${2:-$term_wait_secs}" term_has_fixed "$1"; }
term_wait_new() { term_poll "${2:-$term_wait_secs}" term_has_new "$1"; }
term_wait_last() { term_poll "${2:-$term_wait_secs}" term_last_is "$1"; }

# An empty prompt, with or without a current handle.
prompt_re='^sockshell(\[[0-9]+\])?>$'

# term_prompt: wait for an empty prompt on the last line.
term_prompt() {
	term_wait_last "$prompt_re" "$@"
}

# term_exit: wait until the shell has left; its status is in $term_status.
term_exit() {
	term_status=
	term_poll "${1:-$term_wait_secs}" test -s "$term_dir/status.$term_window" || return 1
	term_status=$(cat "$term_dir/status.$term_window")
}

# term_clear: empty the line being edited and wait for the bare prompt.
term_clear() {
	term_keys C-e C-u
	term_prompt
}
