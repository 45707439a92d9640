#!/bin/sh
# syntax.sh - broken quoting and expansion, in a lesson file, on stdin and
# with -c: a FILE:LINE: error, status 2 (1 on stdin, where the lines before
# have already run), never a crash or a hang.
. "${top_srcdir:-.}/tests/hostile/lib.sh"

lesson dq.sock 'echo one\nsend "abc\n'
try "$f"
verdict 'unterminated "..." in a file: FILE:LINE:, status 2' 2 \
	"dq.sock:2: error: unterminated \"...\" string"
ok 'a file with a syntax error runs nothing' test ! -s "$T/out"

lesson sq.sock "echo one\nsend 'abc\n"
try "$f"
verdict "unterminated '...' in a file" 2 "sq.sock:2: error: unterminated '...' string"

try_in "$T/dq.sock"
verdict 'unterminated "..." on stdin: <stdin>:LINE:' "1 2" \
	"<stdin>:2: error: unterminated \"...\" string"
out_has 'one' 'the lines before it ran'

try -c 'echo "abc'
verdict 'unterminated "..." with -c' 2 '-c:1: error: unterminated'

lesson bs.sock 'echo "abc\\'
try "$f"
verdict 'a backslash at the very end of the file' 2 'bs.sock:1: error:'

lesson esc.sock 'echo "\\q"\necho "\\x"\necho "\\xZZ"\n'
try "$f"
verdict 'unknown escapes: each reported with its line' 2 \
	'esc.sock:1: error: unknown escape' 'esc.sock:2: error:' 'esc.sock:3: error:'

lesson var.sock 'echo ok\necho ${}\necho ${PORT\necho ${PORT:x}\n'
try "$f"
verdict 'malformed ${...}: each reported with its line' 2 'var.sock:2: error:' \
	'var.sock:3: error:' 'var.sock:4: error:'

lesson unset.sock 'echo before\necho ${NOT_SET_ANYWHERE_42}\necho after\n'
try "$f"
verdict 'an unset ${NAME} when its line runs' "1 2" \
	'unset.sock:2: error: ${NOT_SET_ANYWHERE_42} is not set'

# EOF in the middle of a line: the last line has no newline.
printf 'echo first\necho last' >"$T/eof1"
try_in "$T/eof1"
verdict 'a last line without a newline runs' 0
out_has 'last' 'its output is there'

printf 'echo first\necho "last' >"$T/eof2"
try_in "$T/eof2"
verdict 'EOF inside a string on stdin: an error, not a hang' "1 2" '<stdin>:2: error: unterminated'

printf 'echo first\necho ${X' >"$T/eof3"
try_in "$T/eof3"
verdict 'EOF inside ${ on stdin' "1 2" '<stdin>:2: error:'

# $12 is $1 followed by "2" (the fuzzer found the lookup reading past it).
lesson args.sock 'echo $12 ${2}x\n'
try "$f" a b
verdict '$12 is $1 then 2' 0
out_has 'a2 bx' 'and expands to what it says'

printf 'echo $7' >"$T/tail.sock"
try "$T/tail.sock"
verdict 'an unset argument at the very end of the file' "1 2" 'tail.sock:1: error: argument $7 was not given'

# --check finds every error and runs nothing.
lesson many.sock 'socket inet stream\nsend "x\nbogus\nrecv\necho fine\n'
try --check "$f"
verdict '--check reports each bad line' 2 'many.sock:2: error:' 'many.sock:3: error:' \
	'many.sock:4: error:'
ok '--check ran nothing' test ! -s "$T/out"

finish
