#!/bin/sh
# tests/term/completion.sh - Tab completion at a real terminal: command
# names, argument keywords from the command table, open handles, file
# names (quoted when they hold a blank), expect's words (truncated,
# EAI_*, the comparisons), "socket for HOST", the list of candidates that
# a second Tab shows for an ambiguous prefix, and keywords typed in any
# case when inputrc sets completion-ignore-case.

term_name=completion
. "${top_srcdir:-.}/tests/term/lib.sh"
need_readline

printf 'echo from-the-lesson\n' >"$term_dir/lesson-abc.sock"
printf 'echo spaced-lesson-ran\n' >"$term_dir/my lesson.sock"
: >"$term_dir/1-file"

# complete TYPED KEYS... EXPECTED-LINE: type at an empty prompt, press
# KEYS, then type "~", and wait until the prompt's line reads
# EXPECTED-LINE, where "~" shows where the cursor was (so a blank that
# completion added counts, and a check that nothing is added cannot pass
# before the keys were read).
complete() {
	typed=$1
	shift
	term_clear || return 1
	term_type "$typed"
	term_wait_fixed "$(echo "$typed" | sed 's/ *$//')" || return 1
	while [ $# -gt 1 ]; do
		term_keys "$1"
		shift
	done
	term_type "~"
	term_wait_last "^sockshell(\[[0-9]+\])?> $1\$"
}

# listed TABS TYPED WORD...: type at an empty prompt, press Tab TABS
# times, wait for the list of candidates (the prompt shows up again under
# it) and find each WORD in it.  Readline lists on a Tab that follows a
# Tab which changed nothing: "socket " needs two, "soc" three (the first
# completes the common part, sock).
listed() {
	tabs=$1
	typed=$2
	shift 2
	term_clear || return 1
	term_mark
	term_type "$typed"
	term_wait_fixed "$(echo "$typed" | sed 's/ *$//')" || return 1
	while [ "$tabs" -gt 0 ]; do
		term_keys Tab
		tabs=$((tabs - 1))
	done
	term_poll "$term_wait_secs" prompt_twice || return 1
	for w in "$@"; do
		in_list "$w" || return 1
	done
}
prompt_twice() {
	[ "$(term_new | grep -c '^sockshell')" -ge 2 ]
}
# in_list WORD: WORD is among the candidates listed last.
in_list() {
	term_new | sed '1d;$d' | tr -s ' ' '\n' | grep -F -x -q -- "$1"
}
not_in_list() {
	! in_list "$1"
}

term_start
ok "the first prompt" term_prompt

ok "Tab on 'socke' completes the common part, socket" complete "socke" Tab "socket~"
ok "Tab Tab Tab on 'soc' lists sockatmark, socket and socketpair" \
	listed 3 "soc" sockatmark socket socketpair
ok "Tab Tab on 's' lists the commands that start with s" \
	listed 2 "s" send sendto setsockopt shutdown sleep socket socketpair source status
ok "'socket ' offers the families" listed 2 "socket " inet inet6 unix
ok "'socket inet ' offers the types" listed 2 "socket inet " stream dgram seqpacket raw
ok "'setsockopt reu' completes to reuse" complete "setsockopt reu" Tab "setsockopt reuse~"
ok "then Tab Tab lists reuseaddr and reuseport" \
	listed 3 "setsockopt reu" reuseaddr reuseport
ok "'send \"x\" pe' completes the flag peek" complete 'send "x" pe' Tab 'send "x" peek ~'
ok "'send \"a b; c\" pe': quotes hide blanks and ';'" \
	complete 'send "a b; c" pe' Tab 'send "a b; c" peek ~'
ok "'shutdown ' offers rd wr rdwr" listed 2 "shutdown " rd wr rdwr
ok "'help socketp' completes a command name" complete "help socketp" Tab "help socketpair ~"
ok "'set display b' completes both" complete "set display b" Tab "set display both ~"
ok "'expect trunc' completes truncated" complete "expect trunc" Tab "expect truncated ~"
ok "'expect EAI_NON' completes EAI_NONAME" complete "expect EAI_NON" Tab "expect EAI_NONAME ~"
ok "'expect !' completes the comparison !=0" complete "expect !" Tab "expect !=0 ~"
ok "'socket f' completes for" complete "socket f" Tab "socket for ~"
ok "'socket for ' offers hosts" listed 2 "socket for " localhost 127.0.0.1 ::1
ok "'socket for ::1 st' completes the type" complete "socket for ::1 st" Tab "socket for ::1 stream ~"

term_clear
term_run "socket inet stream"
term_run "socket inet dgram"
term_run "socket inet stream"
ok "three sockets made" term_wait '= 5$'
term_run "4 close"
ok "handle 4 closed" term_wait '^close\(4\) = 0'
ok "'use ' lists the open handles" listed 2 "use " 3 5
ok "the closed handle 4 is not offered" not_in_list 4
ok "'poll 3 ' offers handles" listed 2 "poll 3 " 3 5
ok "'connect @' offers @N for open handles and @from" listed 2 "connect @" @3 @5 @from
ok "the closed handle's @4 is not offered" not_in_list @4
ok "a leading handle number: '3 recv 16 wa' completes waitall" \
	complete "3 recv 16 wa" Tab "3 recv 16 waitall ~"
ok "after ';' a new command: 'use 3; socke' completes socket" \
	complete "use 3; socke" Tab "use 3; socket~"
ok "'sendto -n 10 local' skips the -n operand: a host" \
	complete "sendto -n 10 local" Tab "sendto -n 10 localhost ~"

ok "'source less' completes the file name" \
	complete "source less" Tab "source lesson-abc.sock ~"
ok "'save less' completes the file name" complete "save less" Tab "save lesson-abc.sock ~"
ok "'send -f less' completes the file name" complete "send -f less" Tab "send -f lesson-abc.sock ~"
ok "'source my' quotes a name with a blank" complete "source my" Tab "source 'my lesson.sock' ~"
term_mark
term_keys BSpace Enter
ok "the quoted name runs" term_wait_new '^spaced-lesson-ran$'
ok "'recv 1' does not complete file names" complete "recv 1" Tab "recv 1~"
ok "nothing in a comment: 'echo # so' stays" complete "echo # so" Tab "echo # so~"

term_clear
term_run "nonblock yes"
ok "'nonblock yes' runs: the socket is non-blocking" \
	term_wait '^fcntl\([0-9]+, F_SETFL, O_RDWR\|O_NONBLOCK\) = 0'

term_clear
term_keys C-d
ok "Ctrl-D leaves" term_exit
ok "with status 0" test "${term_status:-none}" = 0

## completion-ignore-case on in a private inputrc: keywords in any case.
printf 'set completion-ignore-case on\n' >"$term_dir/inputrc"
term_start "INPUTRC=$term_dir/inputrc" --
ok "ignore-case: the first prompt" term_prompt
ok "ignore-case: 'socket INET' completes to inet" complete "socket INET" Tab "socket inet~"
ok "ignore-case: 'socket INET6' completes to inet6 and a blank" \
	complete "socket INET6" Tab "socket inet6 ~"
ok "ignore-case: 'socket inet STR' completes to stream" \
	complete "socket inet STR" Tab "socket inet stream ~"
ok "ignore-case: 'SOCKETP' completes to the command socketpair" \
	complete "SOCKETP" Tab "socketpair ~"
ok "ignore-case: 'setsockopt REUSEA' completes to reuseaddr" \
	complete "setsockopt REUSEA" Tab "setsockopt reuseaddr ~"
ok "ignore-case: 'shutdown ' then Tab Tab still lists rd wr rdwr" listed 2 "shutdown " rd wr rdwr
term_clear
term_keys C-d
ok "ignore-case: Ctrl-D leaves" term_exit

finish
