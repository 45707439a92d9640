#!/bin/sh
# contrib/bash-completion/sockshell, sourced alone by bash (no bash-completion
# package): COMPREPLY for the options (the same list as --help), the
# seconds of -t/--timeout, lesson files for FILE, nothing for -c's
# COMMANDS, any file for the lesson's arguments.
. "${top_srcdir:-.}/tests/shell/lib.sh"
BASH_BIN=$(command -v bash) || skip_all "bash is not installed"
COMPLETION=$top_srcdir/contrib/bash-completion/sockshell
d=$T/files
mkdir -p "$d/sub" && : >"$d/a.sock" && : >"$d/b.sock" && : >"$d/notes.txt" &&
	: >"$d/my lesson.sock" || bail "cannot make the files in $d"

# comp WORD...: what the completion offers for the last WORD (the one
# being completed) after the others, on one line, sorted, "|" between.
comp() {
	(cd "$d" && bounded "$BASH_BIN" -c '
		. "$1" || exit 1
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		_sockshell
		printf "%s\n" "${COMPREPLY[@]}"' bash "$COMPLETION" sockshell "$@") |
		sed '/^$/d' | LC_ALL=C sort | tr '\n' '|' | sed 's/|$//'
}

out=$(bounded "$BASH_BIN" -c '. "$1" && complete -p sockshell' bash "$COMPLETION" 2>&1)
is "$out" "complete -F _sockshell sockshell" "sourcing it registers _sockshell for sockshell, silently"

# The options of --help: every -x and --long word of its option lines.
want=$("$SOCKSHELL" --help | grep -E '^ +-' |
	grep -oE '(^|[ ,])--?[A-Za-z][-A-Za-z]*' | sed 's/^[ ,]*//' |
	LC_ALL=C sort -u | tr '\n' '|' | sed 's/|$//')
like "$want" '--timeout' "--help lists the options (so the next point means something)"
is "$(comp -)" "$want" "'-' offers exactly the options of sockshell --help"
is "$(comp --t)" "--tap|--timeout" "'--t' offers --tap and --timeout"
is "$(comp '')" "a.sock|b.sock|my lesson.sock|sub" "FILE: the .sock files and directories, a name with a blank as one word"
is "$(comp -x -e '')" "a.sock|b.sock|my lesson.sock|sub" "FILE after options"
is "$(comp -t '')" "0|0.5|1|10|30|5|60" "-t offers seconds"
is "$(comp --timeout 3)" "30" "--timeout 3 completes to 30"
is "$(comp --timeout = '')" "0|0.5|1|10|30|5|60" "--timeout= offers seconds"
is "$(comp -xt '')" "0|0.5|1|10|30|5|60" "-xt offers seconds (a cluster ending with t)"
is "$(comp -t 5 '')" "a.sock|b.sock|my lesson.sock|sub" "after -t 5, FILE"
is "$(comp --timeout = 5 '')" "a.sock|b.sock|my lesson.sock|sub" "after --timeout=5, FILE"
is "$(comp -t5 '')" "a.sock|b.sock|my lesson.sock|sub" "after -t5, FILE"
is "$(comp --join 123 '')" "a.sock|b.sock|my lesson.sock|sub" "after --join PID, FILE (PID is --join's)"
is "$(comp --join = 123 '')" "a.sock|b.sock|my lesson.sock|sub" "after --join=PID, FILE"
is "$(comp -c '')" "" "-c: COMMANDS are a string, nothing offered"
is "$(comp -ic a)" "" "-ic: the same"
is "$(comp -c quit '')" "a.sock|b.sock|my lesson.sock|notes.txt|sub" "after -c COMMANDS, any file (an argument)"
is "$(comp -cquit '')" "a.sock|b.sock|my lesson.sock|notes.txt|sub" "after -cCOMMANDS, any file"
is "$(comp a.sock '')" "a.sock|b.sock|my lesson.sock|notes.txt|sub" "after FILE, any file (an argument)"
is "$(comp a.sock --t)" "" "after FILE no option is offered (options end at FILE)"
is "$(comp -- -)" "" "after --, FILE: no option"
is "$(comp n)" "" "FILE: a file that is not .sock is not offered"
finish
