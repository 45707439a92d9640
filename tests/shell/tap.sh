# tap.sh - --tap output is TAP that automake's driver and prove read: one
# test point per expect, the call trace as comments, the plan at the end.
. "${top_srcdir:-.}/tests/shell/lib.sh"

# Is every line of FILE a TAP line: a test point, a comment, a plan, a
# bail-out?  And are the test points numbered 1..N with plan 1..N last?
valid_tap() {
	awk '
		/^(ok|not ok) [0-9]+( |$)/ {
			n++
			split($0, f, " ")
			num = (f[1] == "not") ? f[3] : f[2]
			if (num != n) { print "# point " n " numbered " num; bad = 1 }
			next
		}
		/^#/ { next }
		/^1\.\.[0-9]+/ {
			plans++
			split($0, p, /\.\.| /)
			planned = p[2] + 0
			last_was_plan = NR
			next
		}
		/^Bail out!/ { next }
		{ print "# not TAP: " $0; bad = 1 }
		END {
			if (plans != 1) { print "# " plans " plans"; bad = 1 }
			if (last_was_plan != NR) { print "# the plan is not last"; bad = 1 }
			if (planned != n) { print "# plan " planned " for " n " points"; bad = 1 }
			exit bad
		}' "$1"
}

cat >"$T/pass.sock" <<'SOCK'
# Two expect lines that pass.
echo "a heading"
socketpair
send "This is the mess"
4 recv 16
expect "This is the mess"
expect 16
SOCK
run --tap "$T/pass.sock"
status_is 0 "--tap, all pass: status 0"
ok "--tap, all pass: valid TAP with the plan last" valid_tap "$T/out" || diag_file "$T/out" stdout
has "$T/out" "ok 1 - $T/pass.sock:6: recv = \"This is the mess\"" \
	"--tap: a test point names FILE:LINE, the call and the value"
has "$T/out" "ok 2 - $T/pass.sock:7: recv = 16" "--tap: the second point"
is "$(tail -n 1 "$T/out")" "1..2" "--tap: the plan 1..2 comes last"
has "$T/out" '# recv(4, 16, 0) = 16 "This is the mess"' "--tap: the call trace is a comment"
has "$T/out" '# a heading' "--tap: echo is a comment"
empty "$T/err" "--tap, all pass: nothing on stderr"

cat >"$T/fail.sock" <<'SOCK'
socketpair
send "abc"
4 recv 10
expect "abc"
expect "xyz"
expect 3
SOCK
run --tap "$T/fail.sock"
status_is 0 "--tap, one fails: status 0 (the failure is a point, counted once)"
ok "--tap, one fails: valid TAP" valid_tap "$T/out" || diag_file "$T/out" stdout
has "$T/out" "not ok 2 - $T/fail.sock:5: recv = \"xyz\"" "--tap: the failed point is not ok"
has "$T/out" '#   got: 3 "abc"' "--tap: a comment says what came instead"
has "$T/out" "ok 3 - " "--tap: the points after a failure still run"
is "$(tail -n 1 "$T/out")" "1..3" "--tap, one fails: plan 1..3"

run --tap -c 'echo "line one\nline two"; socketpair'
ok "--tap: a multi-line echo stays TAP" valid_tap "$T/out" || diag_file "$T/out" stdout
has "$T/out" '# line two' "--tap: each echoed line is a comment"
has "$T/out" '1..0 # SKIP' "--tap without expect lines: a skip plan"

run --tap -x -c 'socketpair'
has "$T/out" '# sockshell> socketpair' "--tap -x: the echoed command is a comment"
ok "--tap -x: valid TAP" valid_tap "$T/out" || diag_file "$T/out" stdout

run --tap -c 'socketpair; 9 recv 1; expect 0'
status_is 0 "--tap: a shell error in a script is a failed point (status 0)"
has "$T/out" 'not ok 1 - -c:1: error: there is no open handle 9' "--tap: a shell error is a failed point"
ok "--tap with a shell error: valid TAP" valid_tap "$T/out" || diag_file "$T/out" stdout

printf '%s\n' 'echo FIRST' 'conect 1' >"$T/bad.sock"
run --tap "$T/bad.sock"
status_is 2 "--tap, a syntax error: status 2"
has "$T/out" "Bail out! $T/bad.sock:2: error: unknown command" "--tap, a syntax error: Bail out!"
hasnt "$T/out" FIRST "--tap, a syntax error: nothing runs"

# prove reads it too.
if command -v prove >/dev/null 2>&1; then
	bounded prove -e "$SOCKSHELL --tap" "$T/pass.sock" >"$T/prove" 2>&1
	is "$?" 0 "prove accepts a passing lesson"
	has "$T/prove" 'Result: PASS' "prove: Result: PASS"
	bounded prove -e "$SOCKSHELL --tap" "$T/fail.sock" >"$T/prove" 2>&1
	ok "prove rejects a failing lesson" test "$?" -ne 0
	has "$T/prove" 'Failed test:  2' "prove: the failed test is 2"
else
	for i in 1 2 3 4; do
		skip "prove reads the output" "prove is not installed"
	done
fi

finish
