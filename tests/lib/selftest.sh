#!/bin/sh
# tests/lib/selftest.sh - the two TAP libraries hold to their contract:
# tests/lib/tap.sh and tests/tap/basic.c print well-formed TAP, show got
# and expected on a failed comparison, and exit 1 when a point failed, the
# count is not the plan's, or the test ended without finishing; skip_all
# exits 0, bail 1; the waits are bounded; the scratch directory and the
# tracked processes go at exit.  Small tests are run as child processes.

. "${top_srcdir:-.}/tests/lib/tap.sh"

lib=$top_srcdir/tests/lib/tap.sh
demo=$top_builddir/tests/tap/tapdemo

# child NAME BODY: run a shell test whose body is BODY as tests/NAME/NAME.sh
# of a build tree of its own, $T/NAME (so its scratch directory is
# $T/NAME/tests/NAME/NAME.tmp); its output in $T/NAME.out, its status in
# $status.
child() {
	mkdir -p "$T/$1/tests/$1"
	printf '. "%s"\n%s\n' "$lib" "$2" >"$T/$1/tests/$1/$1.sh"
	(cd "$T/$1" && top_builddir=$T/$1 bounded sh "tests/$1/$1.sh") >"$T/$1.out" 2>&1
	status=$?
}

child pass 'ok "true" true
is a a "is"
like abc "^a.c$" "like"
unlike abc "^x" "unlike"
printf "x\n" >"$T/f"; has "$T/f" x "has"; hasnt "$T/f" y "hasnt"
: >"$T/e"; empty "$T/e" "empty"
skip "a skip" "why"
echo "$T" >"$T/../../where"
finish'
is "$status" 0 "sh: all points pass: exit 0"
is "$(tail -n 1 "$T/pass.out")" 1..8 "sh: the lazy plan comes last"
has "$T/pass.out" "ok 8 - a skip # SKIP why" "sh: a skip is a point"
is "$(cat "$T/pass/tests/where" 2>&1)" "$T/pass/tests/pass/pass.tmp" "sh: the scratch directory is under the build tree"
ok "sh: and gone after a passing run" test ! -d "$T/pass/tests/pass/pass.tmp"

child fail 'ok "first" true
is got expected "second"
finish'
is "$status" 1 "sh: a failed point: exit 1"
has "$T/fail.out" "not ok 2 - second" "sh: the failed point is not ok"
has "$T/fail.out" "# got:      'got'" "sh: is shows what it got"
has "$T/fail.out" "# expected: 'expected'" "sh: and what it expected"
has "$T/fail.out" "# failed 1 of 2 test points" "sh: finish says how many failed"
ok "sh: the scratch directory is kept after a failure" test -d "$T/fail/tests/fail/fail.tmp"
has "$T/fail.out" "# scratch files kept in $T/fail/tests/fail/fail.tmp" "sh: and finish says where"

child short 'plan 3
ok "one" true
ok "two" true
finish'
is "$status" 1 "sh: fewer points than planned: exit 1"
has "$T/short.out" "planned 3 test points but ran 2" "sh: and says so"

child nofinish 'ok "one" true'
is "$status" 1 "sh: a test that ends without finish: exit 1"
has "$T/nofinish.out" "without calling finish" "sh: and says so"

child skipall 'skip_all "no frobs here"'
is "$status" 0 "sh: skip_all: exit 0"
is "$(cat "$T/skipall.out")" "1..0 # SKIP no frobs here" "sh: skip_all prints the skip plan"

child bail 'ok "one" true
bail "cannot go on"
ok "never" true'
is "$status" 1 "sh: bail: exit 1"
has "$T/bail.out" "Bail out! cannot go on" "sh: bail prints Bail out!"
hasnt "$T/bail.out" "never" "sh: nothing runs after bail"

child track 'sleep 30 &
tap_track $!
echo $! >"$T/../../../../track.pid"
tap_at_exit "echo hook-ran"
ok "one" true
finish'
has "$T/track.out" hook-ran "sh: tap_at_exit hooks run at exit"
pid=$(sed -n 1p "$T/track.pid" 2>/dev/null)
ok "sh: a tracked process is killed at exit" eval '[ -n "$pid" ] && _tap_gone "$pid"'

start=$(date +%s)
wait_for 1 false
st=$?
is "$st" 1 "sh: wait_for gives up on a command that never succeeds"
ok "sh: and within its deadline" test $(($(date +%s) - start)) -le 3
(sleep 0.3; echo x >"$T/late") &
ok "sh: wait_file sees a file written later" wait_file "$T/late" 5

if test -x "$demo"; then
	"$demo" pass >"$T/c.out" 2>&1
	is "$?" 0 "C: all points pass: exit 0"
	is "$(head -n 1 "$T/c.out")" 1..3 "C: the plan comes first"
	"$demo" fail >"$T/c.out" 2>&1
	is "$?" 1 "C: a failed point: exit 1"
	has "$T/c.out" "not ok 2 - two" "C: the failed point is not ok"
	has "$T/c.out" "#   got:      2" "C: is_int shows what it got"
	has "$T/c.out" "#   expected: 3" "C: and what it expected"
	"$demo" short >"$T/c.out" 2>&1
	is "$?" 1 "C: fewer points than planned: exit 1"
	has "$T/c.out" "planned 3 test points but ran 2" "C: and says so"
	"$demo" lazy >"$T/c.out" 2>&1
	is "$(tail -n 1 "$T/c.out")" 1..3 "C: a lazy plan comes last"
	"$demo" nofinish >"$T/c.out" 2>&1
	has "$T/c.out" "without test_finish" "C: a test that returns without test_finish says so"
	hasnt "$T/c.out" "1..2" "C: and prints no plan, so the harness fails it"
	"$demo" skipall >"$T/c.out" 2>&1
	is "$?:$(cat "$T/c.out")" "0:1..0 # SKIP nothing to do in mode skipall" "C: skip_all"
	"$demo" bail >"$T/c.out" 2>&1
	is "$?:$(tail -n 1 "$T/c.out")" "1:Bail out! cannot go on" "C: bail"
else
	skip_block 13 "$demo is not built"
fi
finish
