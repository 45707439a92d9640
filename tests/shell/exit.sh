# exit.sh - the exit status: 0 all well, 1 a failed expect or a timed-out
# call, 2 a usage or syntax error, quit N gives N.
. "${top_srcdir:-.}/tests/shell/lib.sh"

# A port that refuses: handle 3 bound, not listening.
refuse='socket inet stream; bind 127.0.0.1 0; socket inet stream; connect @3'

run -c 'echo hello'
status_is 0 "a script that goes well exits 0"
has "$T/out" hello "  and its output is there"

run -c 'socketpair; send "abc"; 4 recv 10; expect "abc"; expect 3'
status_is 0 "expect lines that pass: status 0"
empty "$T/err" "  and nothing on stderr"

run -c 'socketpair; send "abc"; 4 recv 10; expect "abd"'
status_is 1 "a failed expect: status 1"
has "$T/err" 'expect failed' "  the failure is reported on stderr"
has "$T/err" '-c:1:' "  with its place"

run -c 'socketpair; send "abc"; 4 recv 10; expect 4; echo still-running'
status_is 1 "a failed expect does not stop the script, status 1"
has "$T/out" still-running "  the next command still runs"

run -c "$refuse; echo after"
status_is 0 "a failed call (ECONNREFUSED) without -e: status 0"
has "$T/out" '= -1 ECONNREFUSED (Connection refused)' "  the failure is on the trace line"
has "$T/out" after "  and the script goes on"

run -t 0.3 -c 'socket inet dgram; bind 127.0.0.1 0; recvfrom 10'
status_is 1 "a blocking call that timed out: status 1"
has "$T/out" '[timed out after 0.3 s]' "  the line says it timed out"

run -c 'send "abc'
status_is 2 "a syntax error (unterminated string): status 2"
run -c 'socket inet stream; frobnicate 3'
status_is 2 "an unknown command: status 2"
run -c 'listen 1 2 3'
status_is 2 "too many arguments: status 2"
run -c 'echo ${SOCKSHELL_TEST_UNSET_VARIABLE}'
status_is 2 "an unset variable: status 2"

run --bogus-option
status_is 2 "an unknown long option: status 2"
empty "$T/out" "  nothing on stdout"
has "$T/err" "Try 'sockshell --help'" "  where to look, on stderr"
run -Z
status_is 2 "an unknown short option: status 2"
run -t soon -c 'echo x'
status_is 2 "a bad time-out: status 2"
empty "$T/out" "  nothing runs"
run -c
status_is 2 "-c without its argument: status 2"
run "$T/no-such-lesson.sock"
status_is 2 "a lesson file that cannot be read: status 2"
has "$T/err" 'no-such-lesson.sock' "  the message names it"

run -c 'quit 3'
status_is 3 "quit 3: status 3"
run -c 'exit 4; echo not-reached'
status_is 4 "exit 4: status 4"
empty "$T/out" "  nothing runs after it"
run -c 'quit'
status_is 0 "quit: status 0"
run_in 'echo one
quit 5
echo two
'
status_is 5 "quit 5 in a script on stdin: status 5"
hasnt "$T/out" two "  and the rest of stdin is not read"

finish
