# errors.sh - the shell's own errors: FILE:LINE: error: with a caret line
# and a did-you-mean hint, ambiguous prefixes, the whole-file check that
# runs nothing when a later line is wrong, and --check.
. "${top_srcdir:-.}/tests/shell/lib.sh"

# A misspelt command in a file, at line 3.
printf '%s\n' '# a lesson' 'socket inet stream' '  conect 127.0.0.1 9' >"$T/typo.sock"
run "$T/typo.sock"
status_is 2 "a misspelt command: status 2"
has "$T/err" "$T/typo.sock:3: error: unknown command \"conect\" (did you mean 'connect'?)" \
	"FILE:LINE: error: with the did-you-mean hint"
sed -n 2,3p "$T/err" >"$T/caret"
printf '%s\n' '      conect 127.0.0.1 9' '      ^~~~~~' >"$T/want"
ok "the line is shown with a caret under the bad word" cmp -s "$T/caret" "$T/want" ||
	diag_file "$T/err" stderr
empty "$T/out" "nothing ran: not even line 2"

# The caret under a word in the middle of a -c line.
run -c 'socket inet stream; sokcet inet dgram'
status_is 2 "-c: a misspelt command: status 2"
has "$T/err" "-c:1: error: unknown command \"sokcet\" (did you mean 'socket'?)" \
	"-c: a transposition is hinted too"
sed -n 3p "$T/err" >"$T/caret"
printf '%s\n' '                        ^~~~~~' >"$T/want"
ok "-c: the caret is under the word" cmp -s "$T/caret" "$T/want" || diag_file "$T/err" stderr

run -c 'xyzzyplugh'
status_is 2 "a word far from any command: status 2"
has "$T/err" 'unknown command "xyzzyplugh"' "  is an unknown command"
hasnt "$T/err" 'did you mean' "  with no wild guess"

# Prefixes: a unique one runs, an ambiguous one lists the candidates.
run -c 's 1'
status_is 2 "an ambiguous prefix: status 2"
has "$T/err" 'ambiguous command "s"' "  is reported as ambiguous"
has "$T/err" 'socket' "  the candidates include socket"
has "$T/err" 'sendto' "  and sendto"
run -c 'socketp'
status_is 0 "a unique prefix (socketp) runs its command"
has "$T/out" 'socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0' "  socketpair"
run -c 'socketpair; getsockn'
has "$T/out" 'getsockname(3)' "a unique prefix (getsockn) runs getsockname"

# Argument counts.
run -c 'socket inet'
status_is 2 "too few arguments: status 2"
has "$T/err" 'socket: too few arguments (usage: socket FAMILY TYPE [PROTO])' \
	"  the message gives the usage"
run -c 'listen 1 2'
has "$T/err" 'listen: too many arguments (usage: listen [BACKLOG])' \
	"too many arguments: the message gives the usage"

# The whole file is checked before its first line runs.
{
	echo 'echo FIRST-LINE-RAN'
	echo 'socket inet stream'
	i=3
	while test $i -lt 40; do
		echo "# line $i"
		i=$((i + 1))
	done
	echo 'conect 127.0.0.1 9'
	echo 'echo LAST-LINE'
} >"$T/line40.sock"
run "$T/line40.sock"
status_is 2 "a typo on line 40: status 2"
empty "$T/out" "a typo on line 40: line 1 printed nothing"
has "$T/err" "$T/line40.sock:40: error: unknown command \"conect\"" "  the error names line 40"

# Every error of the file is reported, not only the first.
printf '%s\n' 'echo ok' 'send "abc' 'listen 1 2' 'frobnicate' >"$T/many.sock"
run "$T/many.sock"
status_is 2 "three bad lines: status 2"
has "$T/err" "$T/many.sock:2: error: unterminated" "  line 2 is reported"
has "$T/err" "$T/many.sock:3: error: listen: too many arguments" "  line 3 is reported"
has "$T/err" "$T/many.sock:4: error: unknown command" "  line 4 is reported"
empty "$T/out" "  and nothing ran"

# --check / -n: parse, report, run nothing.
printf '%s\n' 'echo SHOULD-NOT-RUN' 'socket inet stream' 'bind 127.0.0.1 ${PORT:-0}' >"$T/good.sock"
run -n "$T/good.sock"
status_is 0 "-n on a good lesson: status 0"
empty "$T/out" "-n on a good lesson: nothing runs"
empty "$T/err" "-n on a good lesson: nothing on stderr"
run --check "$T/line40.sock"
status_is 2 "--check on a bad lesson: status 2"
has "$T/err" ':40: error:' "--check reports the error"
empty "$T/out" "--check on a bad lesson: nothing runs"
run -n -c 'echo SHOULD-NOT-RUN; quit 7'
status_is 0 "-n -c: status 0, quit is not run"
empty "$T/out" "-n -c: nothing runs"
run_in 'echo SHOULD-NOT-RUN
conect
' -n -
status_is 2 "-n - reads the lesson from stdin and checks it"
has "$T/err" '<stdin>:2: error: unknown command' "  the error is at <stdin>:2"
empty "$T/out" "  nothing runs"

# Errors found only while running: still FILE:LINE:, on stderr.
printf '%s\n' 'echo FIRST' 'echo ${SOCKSHELL_TEST_NOT_SET}' 'echo THIRD' >"$T/unset.sock"
run "$T/unset.sock"
status_is 2 "an unset variable at run time: status 2"
has "$T/out" FIRST "  the lines before it ran"
has "$T/err" "$T/unset.sock:2: error: \${SOCKSHELL_TEST_NOT_SET} is not set" \
	"  the error names the file, the line and the variable"
run -c '9 recv 1'
status_is 1 "an unknown handle (9 recv 1): status 1"
has "$T/err" '-c:1: error: there is no open handle 9' "  the error names handle 9"
empty "$T/out" "  and nothing goes to stdout"
printf '%s\n' 'socketpair' 'echo before' '9 recv 1' 'echo after' >"$T/handle.sock"
run "$T/handle.sock"
has "$T/err" "$T/handle.sock:3: error: there is no open handle 9" "  in a file: FILE:LINE:"
has "$T/out" after "  and the script goes on"
run -c 'recv 10'
has "$T/err" 'no current handle' "recv with no handle at all: an error"

finish
