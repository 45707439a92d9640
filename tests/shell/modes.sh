# modes.sh - where commands come from and how they are shown: -c with ';'
# and newlines, FILE, FILE "-", a script piped on stdin, -i after a
# script, -x, -e, --version and --help.
. "${top_srcdir:-.}/tests/shell/lib.sh"

nl='
'

# -c: commands separated by ';' and by newlines, in order.
run -c "echo one; echo two${nl}echo three;echo four${nl}${nl}  # a comment${nl}echo five"
status_is 0 "-c with ';' and newlines: status 0"
printf '%s\n' one two three four five >"$T/want"
ok "-c: every command runs, in order" cmp -s "$T/out" "$T/want" || diag_file "$T/out" stdout

# A lesson FILE, "-" for stdin, and stdin piped without FILE.
printf '%s\n' 'echo from-file' 'socketpair' >"$T/lesson.sock"
run "$T/lesson.sock"
status_is 0 "FILE: status 0"
has "$T/out" from-file "FILE: its commands run"
has "$T/out" 'socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0' "FILE: and its calls"

run_in "echo from-dash${nl}socketpair${nl}" -
status_is 0 "FILE - : status 0"
has "$T/out" from-dash "FILE - : stdin is the lesson"
has "$T/out" 'socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0' "FILE - : and its calls run"

run_in "echo \"[\$1] [\$2]\"${nl}" - a1 'b 2'
has "$T/out" '[a1] [b 2]' "FILE - ARG...: the arguments are \$1 and \$2"

run_in "echo piped${nl}socketpair${nl}4 send \"x\"${nl}3 recv 1${nl}expect \"x\"${nl}"
status_is 0 "stdin piped, no FILE: a script, status 0"
has "$T/out" piped "stdin piped: the commands run"
has "$T/out" 'recv(3, 1, 0) = 1 "x"' "stdin piped: the calls run"
hasnt "$T/out" 'sockshell>' "stdin piped: no prompt"

run_in "echo a${nl}echo b" 
has "$T/out" b "stdin piped: a last line without a newline runs"

# -i after -c reads more commands (here from stdin, not a terminal).
run_in "echo two${nl}" -i -c 'echo one'
status_is 0 "-i -c: status 0"
printf '%s\n' one two >"$T/want"
ok "-i -c: the -c commands, then stdin" cmp -s "$T/out" "$T/want" || diag_file "$T/out" stdout

# -x: each line is shown behind the prompt before it runs.
run -x -c "socket inet stream${nl}echo hi${nl}3 close${nl}echo done"
cat >"$T/want" <<'WANT'
sockshell> socket inet stream
socket(AF_INET, SOCK_STREAM, 0) = 3
sockshell[3]> echo hi
hi
sockshell[3]> 3 close
close(3) = 0
sockshell> echo done
done
WANT
ok "-x: a transcript, with the current handle in the prompt" cmp -s "$T/out" "$T/want" ||
	diag_file "$T/out" stdout
run_in "socketpair${nl}" --echo
has "$T/out" 'sockshell> socketpair' "--echo: the same for a script on stdin"
run -c 'echo plain'
hasnt "$T/out" 'sockshell>' "without -x no command is echoed"

# -e: stop at the first call that fails.
refuse='socket inet stream; bind 127.0.0.1 0; socket inet stream; connect @3'
run -e -c "$refuse${nl}echo AFTER"
status_is 1 "-e: a failed call gives status 1"
has "$T/out" '= -1 ECONNREFUSED' "-e: the failed call is shown"
hasnt "$T/out" AFTER "-e: nothing runs after it"
run --errexit -c "socketpair; echo BEFORE${nl}9 recv 1${nl}echo AFTER"
status_is 1 "--errexit: a shell error also stops, status 1"
has "$T/out" BEFORE "--errexit: what came before ran"
hasnt "$T/out" AFTER "--errexit: nothing runs after it"
run -c "$refuse${nl}echo AFTER"
has "$T/out" AFTER "without -e the script goes on after a failed call"
run -e -c "socketpair${nl}echo AFTER"
status_is 0 "-e: calls that succeed do not stop the script"

# --version and --help.
version=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' "${top_builddir:-.}/config.h" 2>/dev/null)
run --version
status_is 0 "--version: status 0"
if test -n "$version"; then
	is "$(sed -n 1p "$T/out")" "sockshell $version" "--version: 'sockshell VERSION' first"
else
	skip "--version: 'sockshell VERSION' first" "no config.h to read the version from"
fi
run -V
is "$(sed -n 1p "$T/out")" "sockshell ${version:-$(sed -n 1p "$T/out" | sed 's/^sockshell //')}" \
	"-V: the same"
run --help
status_is 0 "--help: status 0"
empty "$T/err" "--help: nothing on stderr"
has "$T/out" 'Usage: sockshell [OPTION]... [FILE [ARG]...]' "--help: the usage line"
for opt in -c -i --echo --tap --errexit --check --timeout --no-color --version; do
	has "$T/out" " $opt" "--help mentions $opt"
done
run -h
status_is 0 "-h: status 0"
has "$T/out" 'Usage: sockshell' "-h: the usage"

finish
