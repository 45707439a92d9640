# nocall.sh - a line that made no call (a shell error: a bad value, an
# unknown option, no such handle) leaves no result behind: ${rc} is not set
# after it, and an expect after it fails, saying that the line it checks
# made no call, instead of checking what the call before returned.
. "${top_srcdir:-.}/tests/shell/lib.sh"

# The error stops setsockopt after its trace line was begun.
run -c 'socketpair; setsockopt rcvbuf lots; expect 0'
status_is 1 "setsockopt rcvbuf lots; expect 0: a failure, status 1"
has "$T/err" "bad value 'lots'" "the bad value is an error"
has "$T/err" "expect: the command it checks made no call" "expect says that the line it checks made no call"
hasnt "$T/out" "setsockopt(" "no setsockopt call is shown"

run --tap -c 'socketpair; setsockopt rcvbuf lots; expect 0'
has "$T/out" "not ok 2 - -c:1: error: expect: the command it checks made no call" \
	"--tap: the expect is a failed point, not a pass"
hasnt "$T/out" "ok 2 - -c:1: setsockopt" "--tap: no passing point for it"

# An error before any trace (an unknown option), in a file: the line named.
# (Through ${...}: a bogus option written out is found by the check.)
printf '%s\n' 'socketpair' 'setsockopt ${OPT:-bogus} 1' 'expect 0' >"$T/opt.sock"
run "$T/opt.sock"
status_is 1 "an unknown option, then expect 0: status 1"
has "$T/err" "$T/opt.sock:3: error: expect: the command it checks (line 2) made no call" \
	"the message names the line that made no call"

# No such handle.
run -c 'socketpair; 9 recv 1; expect 0'
has "$T/err" "expect: the command it checks made no call" "no such handle, then expect: it made no call"

# ${rc} and ${errno} are not left from the call before.
run -c 'socket inet stream; setsockopt rcvbuf lots; echo "rc=${rc}"'
has "$T/err" '${rc} is not set' '${rc} after a line that made no call is not set'
hasnt "$T/out" "rc=3" '... and not the rc of the socket call before'
run -c 'socket inet stream; setsockopt rcvbuf lots; echo "errno=${errno}"'
has "$T/err" '${errno} is not set' '${errno} likewise'

# expect's own errors and failures leave the result to the next expect.
run -c 'socketpair; expect 1; expect 0'
has "$T/err" "expect failed" "a failed expect fails"
hasnt "$T/err" "made no call" "... and the next expect still checks socketpair"
run -c 'socketpair; expect ${BOGUS:-bogus}; expect 0'
hasnt "$T/err" "made no call" "an expect with a bad word leaves the result to the next"
run -c 'socketpair; echo hi; set x 1; expect 0'
status_is 0 "echo and set make no call, and are no error: the result stays"

# A call that was made is a result again.
run -c 'socketpair; setsockopt rcvbuf lots; setsockopt rcvbuf 4096; expect 0'
has "$T/out" "setsockopt(3, SOL_SOCKET, SO_RCVBUF, 4096) = 0" "the next call is traced"
hasnt "$T/err" "made no call" "... and its expect checks it"

finish
