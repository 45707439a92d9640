#!/bin/sh
# inject.sh - bytes a peer sent (through ${data}) or a lesson holds cannot
# pass for TAP or for terminal codes in any message: newlines, ESC and the
# other control bytes, bytes that are not UTF-8 are escaped, a "#" in a
# test point's description is escaped ("\#": no TODO or SKIP can be made
# up), and no line of output starts with "ok", "not ok", "Bail out!" or
# "1.." unless it is one of the shell's own TAP lines.  The counts are
# checked with automake's driver, and with prove's parser when installed.
. "${top_srcdir:-.}/tests/hostile/lib.sh"

# What the peer sends: a fake bail-out, plan and test point, a terminal
# title and clear-screen, BEL, bytes that are not UTF-8.
evil='x\nBail out! injected\n1..0 # SKIP injected\nok 99 - injected\n\x1b]0;pwned\x07\x1b[2J\xff\xfe'
# Five test points: 1 an error (the data as an expect word), 2 a failed
# expect whose text says TODO, 3 a passing one, 4 and 5 errors that
# print the data (use, sleep).  Echo and -x show the data too.
lesson inject.sock '%s\n' \
	'socketpair' \
	"send \"$evil\"" \
	'4 recv 200' \
	'expect ${data}' \
	'expect "hi # TODO x"' \
	'expect ok' \
	'echo ${data}' \
	'echo "ok 7 - echoed\n  Bail out! echoed\n1..7"' \
	'use ${data}' \
	'sleep ${data}'
printf '# a comment with raw bytes: \033[2J \377 ok\n' >>"$f"
inj=$f

esc=$(printf '\033')
# clean FILE: no ESC, BEL, CR or byte that is not UTF-8 in FILE.
clean() {
	LC_ALL=C tr -d '\033\007\015\200-\377' <"$1" | cmp -s - "$1"
}
# tapless FILE: no line of FILE reads as TAP.
tapless() {
	! grep -E '^(ok|not ok)([^a-zA-Z0-9_]|$)|^1\.\.|^[[:space:]]*Bail out!' "$1" >/dev/null
}
# only_tap FILE: every line of FILE is a TAP line the shell makes: a
# point, a comment, the plan.
only_tap() {
	! grep -v -E '^(ok|not ok) [0-9]+ - |^#|^1\.\.[0-9]+$' "$1" >/dev/null
}

# Without --tap.
try -x "$inj"
verdict 'the injection lesson runs (status 1: failures)' 1
ok 'stdout holds no ESC, BEL, CR or byte that is not UTF-8' clean "$T/out"
ok 'stderr holds none either' clean "$T/err"
ok 'no line of stdout reads as TAP' tapless "$T/out"
ok 'no line of stderr reads as TAP' tapless "$T/err"
err_has 'expect: '"'"'x\nBail out! injected\n1..0 # SKIP injecte'"'"' is not' 'the bad word is shown escaped, in one line'
err_has '\x1b]0;pwned\x07\x1b[2J\xff\xfe' 'terminal codes and bytes that are not UTF-8 are shown C-escaped'
out_has '# ok 99 - injected' 'an echoed line that reads as TAP is a comment'
out_has '# ok 7 - echoed' '... the lesson'"'"'s own echo too'
out_has '#   Bail out! echoed' '... also after blanks'
out_has '\x1b[2J \xff ok' '-x shows the raw bytes of the lesson escaped'

# With --tap: the shell's own TAP lines and nothing else.
try --tap "$inj"
verdict 'with --tap: status 0, every failure is a point' 0
ok '--tap: stdout holds no ESC, BEL, CR or byte that is not UTF-8' clean "$T/out"
ok '--tap: stderr holds none either' clean "$T/err"
ok '--tap: every line of stdout is a point, a comment or the plan' only_tap "$T/out"
out_has 'not ok 2 - '"$inj"':5: recv = "hi \# TODO x"' '--tap: the "#" of a description is escaped'
ok '--tap: one plan, 1..5, last' test "$(grep -c '^1\.\.' "$T/out")" = 1 -a "$(tail -n 1 "$T/out")" = 1..5

# automake's driver counts what the shell meant: 1 pass, 4 failures.
driver=${top_srcdir:-.}/build-aux/tap-driver.sh
if test -f "$driver"; then
	AM_TAP_AWK=${AWK:-awk} $bound sh "$driver" --test-name inject --log-file "$T/drv.log" \
		--trs-file "$T/drv.trs" --color-tests no --enable-hard-errors yes --expect-failure no \
		-- "$SOCKSHELL" --tap "$inj" >"$T/drv.out" 2>&1
	count() { grep -c "^:test-result: $1" "$T/drv.trs"; }
	ok "automake's driver: 1 PASS ($(count PASS))" test "$(count PASS)" = 1
	ok "... 4 FAIL ($(count FAIL))" test "$(count FAIL)" = 4
	ok "... no ERROR, SKIP, XFAIL or XPASS" test "$(grep -c -E '^:test-result: (ERROR|SKIP|XFAIL|XPASS)' "$T/drv.trs")" = 0
else
	skip "automake's driver counts the points" "no $driver"
fi

# prove's parser (TAP::Parser) counts the same, and sees no bail-out.
if command -v perl >/dev/null 2>&1 && perl -MTAP::Parser -e 1 2>/dev/null; then
	$bound perl -MTAP::Parser -e '
		my $p = TAP::Parser->new({ exec => [ @ARGV ] });
		my $bail = 0;
		while (my $r = $p->next) { $bail++ if $r->is_bailout }
		printf "planned=%s run=%d failed=%d todo=%d skipped=%d bailout=%d\n",
			$p->tests_planned, $p->tests_run, scalar($p->failed), scalar($p->todo),
			scalar($p->skipped), $bail;
	' "$SOCKSHELL" --tap "$inj" >"$T/parser" 2>/dev/null
	got=$(cat "$T/parser")
	ok "prove's parser: $got" test "$got" = 'planned=5 run=5 failed=4 todo=0 skipped=0 bailout=0'
else
	skip "prove's parser counts the points" 'no TAP::Parser (perl)'
fi

# A syntax error whose word holds ESC: the check phase escapes it too.
lesson syntax.sock 'socketpair\nconn\033[2Ject 1\n'
try --tap "$f"
verdict 'a syntax error with ESC in the word: status 2' 2
ok '... stdout holds no ESC' clean "$T/out"
ok '... stderr holds no ESC' clean "$T/err"
out_has 'Bail out! ' '... one Bail out!, the shell'"'"'s own'

finish
