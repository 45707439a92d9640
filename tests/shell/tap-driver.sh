# tap-driver.sh - automake's TAP driver counts a lesson's failures once:
# with --tap, a lesson whose failures were all reported as "not ok" points
# before its plan exits 0, so the driver shows its FAILs and no ERROR.  A
# lesson that did not run (a syntax error), died (a signal), was
# interrupted or left no plan is still an ERROR.
. "${top_srcdir:-.}/tests/shell/lib.sh"

driver=${top_srcdir:-.}/build-aux/tap-driver.sh
if ! test -f "$driver"; then
	skip "automake's driver counts lessons" "no $driver (run autogen.sh)"
	finish
fi

# drive NAME CMD...: run CMD under the driver; its results in $T/NAME.trs,
# what it printed in $T/NAME.out.
drive() {
	dname=$1
	shift
	AM_TAP_AWK=${AWK:-awk} bounded sh "$driver" --test-name "$dname" --log-file "$T/$dname.log" \
		--trs-file "$T/$dname.trs" --color-tests no --enable-hard-errors yes \
		--expect-failure no -- "$@" >"$T/$dname.out" 2>&1
}
# results NAME: "PASS=n FAIL=n ERROR=n SKIP=n" from NAME's .trs.
results() {
	for r in PASS FAIL ERROR SKIP XFAIL XPASS; do
		printf '%s=%s ' "$r" "$(grep -c "^:test-result: $r" "$T/$1.trs")"
	done
}

cat >"$T/fail.sock" <<'SOCK'
socketpair
expect 0
send "abc"
expect 4
4 recv 10
expect "abc"
expect "xyz"
SOCK
run --tap "$T/fail.sock"
status_is 0 "--tap: a lesson whose failures are points exits 0"
drive fail "$SOCKSHELL" --tap "$T/fail.sock"
is "$(results fail)" "PASS=2 FAIL=2 ERROR=0 SKIP=0 XFAIL=0 XPASS=0 " \
	"the driver counts 2 FAIL and no ERROR for 2 failed expects"
hasnt "$T/fail.out" "ERROR:" "... and prints no ERROR line"
run "$T/fail.sock"
status_is 1 "without --tap, the same lesson exits 1"

# A time-out, and a call that fails under -e: a point each.
printf '%s\n' 'socket inet dgram' 'bind 127.0.0.1 0' 'recvfrom 10' 'expect 3' >"$T/timeout.sock"
drive timeout "$SOCKSHELL" --tap --timeout 0.2 "$T/timeout.sock"
is "$(results timeout)" "PASS=0 FAIL=2 ERROR=0 SKIP=0 XFAIL=0 XPASS=0 " \
	"a time-out is a FAIL point, not an ERROR"
printf '%s\n' 'socket inet stream' 'expect 3' 'connect 127.0.0.1 1' 'echo not reached' 'expect 0' >"$T/errexit.sock"
drive errexit "$SOCKSHELL" --tap -e "$T/errexit.sock"
is "$(results errexit)" "PASS=1 FAIL=1 ERROR=0 SKIP=0 XFAIL=0 XPASS=0 " \
	"-e: the failed call that stops the lesson is a FAIL point"
has "$T/errexit.log" "connect failed (ECONNREFUSED): -e stops the script here" "... which names the call"

# What did not run, or did not finish, is an ERROR.
printf '%s\n' 'socketpair' 'expect 0' 'conect 1' >"$T/syntax.sock"
drive syntax "$SOCKSHELL" --tap "$T/syntax.sock"
ok "a syntax error is an ERROR ($(results syntax))" grep -q '^:test-result: ERROR' "$T/syntax.trs"

printf '%s\n' 'socketpair' 'expect 0' 'sleep 30' 'expect 0' >"$T/long.sock"
cat >"$T/crash.sh" <<'SH'
"$SOCKSHELL" --tap "$1" &
pid=$!
sleep 1
kill -"$2" "$pid"
wait "$pid"
SH
SOCKSHELL=$SOCKSHELL drive crash sh "$T/crash.sh" "$T/long.sock" SEGV
ok "a lesson that dies of a signal is an ERROR ($(results crash))" grep -q '^:test-result: ERROR' "$T/crash.trs"
SOCKSHELL=$SOCKSHELL drive interrupted sh "$T/crash.sh" "$T/long.sock" INT
ok "an interrupted lesson is an ERROR ($(results interrupted))" grep -q '^:test-result: ERROR' "$T/interrupted.trs"
has "$T/interrupted.out" "exited with status 130" "... status 130"

cat >"$T/noplan.sh" <<'SH'
"$SOCKSHELL" --tap "$1" | sed '/^1\.\./d'
SH
SOCKSHELL=$SOCKSHELL drive noplan sh "$T/noplan.sh" "$T/fail.sock"
ok "a lesson whose plan is missing is an ERROR, though its status is 0 ($(results noplan))" \
	grep -q '^:test-result: ERROR' "$T/noplan.trs"
has "$T/noplan.out" "missing test plan" "... the driver says the plan is missing"

finish
