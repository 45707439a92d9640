# vars.sh - ${NAME} from set and the environment, ${NAME:-default}, $1...
# from a lesson's arguments, ${NAME^^} and ${NAME,,}, ${data}, ${rc} and
# ${errno}; expansion never splits a word.
. "${top_srcdir:-.}/tests/shell/lib.sh"

SS_TEST_HOST='from the environment'
export SS_TEST_HOST
run -c 'echo "[${SS_TEST_HOST}]" [${SS_TEST_HOST^^}]'
has "$T/out" '[from the environment] [FROM THE ENVIRONMENT]' '${VAR} from the environment, and ${VAR^^}'
run -c 'set SS_TEST_HOST mine; echo ${SS_TEST_HOST}'
has "$T/out" mine 'set overrides the environment'
unset SS_TEST_HOST

unset SS_TEST_PORT
run -c 'echo port=${SS_TEST_PORT:-10000}'
has "$T/out" 'port=10000' '${PORT:-10000} with PORT unset: the default'
SS_TEST_PORT=12345
export SS_TEST_PORT
run -c 'echo port=${SS_TEST_PORT:-10000}'
has "$T/out" 'port=12345' '${PORT:-10000} with PORT set: its value'
unset SS_TEST_PORT
run -c 'socket inet stream; bind 127.0.0.1 ${SS_TEST_PORT:-0}; getsockname'
has "$T/out" 'bind(3, 127.0.0.1:0) = 0' 'a default used as a port'

# A lesson's arguments.
printf '%s\n' 'echo "0=$0"' 'echo "[$1]" "[$2]"' 'echo ${3:-none} ${1^^} ${2,,}' >"$T/args.sock"
run "$T/args.sock" first 'Second Arg'
status_is 0 "a lesson with arguments: status 0"
has "$T/out" "0=$T/args.sock" '$0 is the lesson file'
has "$T/out" '[first] [Second Arg]' '$1 and $2 (one word, blanks kept)'
has "$T/out" 'none FIRST second arg' '${3:-none}, ${1^^}, ${2,,}'
run "$T/args.sock" only-one
status_is 2 "a missing argument: status 2"
has "$T/err" "$T/args.sock:2: error: argument \$2 was not given" "  the message names \$2 and the line"
run -c 'echo $1-$2' a b
has "$T/out" 'a-b' '-c: the words after COMMANDS are $1...'
printf '%s\n' 'echo "inner=$1"' >"$T/inner.sock"
run -c "source $T/inner.sock from-source"
has "$T/out" 'inner=from-source' 'source FILE ARG: $1 in the sourced file'

# ${data}: what the last recv got, NULs included, in any case.
run -c 'socketpair
send "hello, World"
4 recv 64
4 send "${data^^}"
3 recv 64
expect "HELLO, WORLD"
4 send "${data,,}"
3 recv 64
expect "hello, world"'
status_is 0 '${data^^} and ${data,,}: the server answers in capitals'
has "$T/out" 'send(4, "HELLO, WORLD", 12, 0) = 12' '  the send line shows the capitals'
run -c 'socketpair
send "a\0b c"
4 recv 64
4 send "<${data}>"
3 recv 64'
has "$T/out" 'recv(3, 64, 0) = 7 "<a\0b c>"' '${data} keeps a NUL and a blank, in one word'

# ${rc} and ${errno}.
run -c 'socket inet stream; bind 127.0.0.1 0; socket inet stream; connect @3
echo "rc=${rc} errno=${errno}"
socketpair
echo "rc=${rc} errno=[${errno}]"'
has "$T/out" 'rc=-1 errno=ECONNREFUSED' '${rc} and ${errno} after a refused connect'
has "$T/out" 'rc=0 errno=[]' '${errno} is empty after a success'

# A value with blanks or quotes is one word, never re-read.
run -c 'set V "a b  c"; echo [${V}]; set W "x; echo INJECTED"; echo ${W}'
has "$T/out" '[a b  c]' 'a value with blanks is one word'
is "$(grep -c INJECTED "$T/out")" 1 'a value holding "; echo" is data, not a command'

run -c 'echo ${SS_TEST_SURELY_UNSET}'
status_is 2 "an unset variable: status 2"
has "$T/err" '${SS_TEST_SURELY_UNSET} is not set' "  the message names it"

finish
