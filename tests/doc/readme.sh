#!/bin/sh
# readme.sh - what README's Build from source tells a newcomer to run exists:
# the scripts it names, the built program, the echo lesson (skipped until
# it is written), and the options its "Using it" lines show.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/doc/lib.sh"

README=$top_srcdir/README
bail_unless -r "$README"
bail_unless -x "$SOCKSHELL"

# The indented lines (commands) of the "Build from source" and "Using it"
# sections; a section ends at the next heading (a line of ---).
section() {
	awk -v want="$1" '
		/^-+$/ { s = (prev == want); prev = $0; next }
		s && /^    / { print }
		{ prev = $0 }
	' "$README"
}
quick=$(section "Build from source")
using=$(section "Using it")

if test -n "$quick"; then
	pass "README has a Build from source section with commands"
else
	fail "README has a Build from source section with commands"
fi

# Its build line, split at && into commands.
steps=$(printf '%s\n' "$quick" | awk '/&&/ {
	n = split($0, c, /&&/)
	for (i = 1; i <= n; i++) {
		sub(/^ +/, "", c[i])
		sub(/ +$/, "", c[i])
		print c[i]
	}
}')
for script in autogen.sh configure; do
	if printf '%s\n' "$steps" | grep -Eq "^\./$script( |\$)"; then
		if test -x "$top_srcdir/$script"; then
			pass "Build from source runs ./$script, which exists"
		elif test "$script" = configure && test -r "$top_srcdir/configure.ac"; then
			pass "Build from source runs ./configure, which autogen.sh makes from configure.ac"
		else
			fail "Build from source runs ./$script, which exists"
		fi
	else
		fail "Build from source runs ./$script"
	fi
done
ok "Build from source runs make" eval 'printf "%s\n" "$steps" | grep -qx make'
ok "Build from source runs make check" eval 'printf "%s\n" "$quick" | grep -q "^ *make check\$"'
ok "Makefile.am is there for make" test -r "$top_srcdir/Makefile.am"

# The program it runs is the one the build makes.
run=$(printf '%s\n' "$steps" | grep '^src/sockshell ' | head -n 1)
if test -n "$run"; then
	pass "Build from source runs src/sockshell: $run"
	ok "src/sockshell is built" test -x "$top_builddir/src/sockshell"
else
	fail "Build from source runs src/sockshell"
fi

# The echo lesson it names.
lesson=$(printf '%s\n' "$run" | awk '{ print $2 }')
if test "$lesson" = examples/echo.sock; then
	pass "Build from source's lesson is examples/echo.sock"
else
	fail "Build from source's lesson is examples/echo.sock" "it is '$lesson'"
fi
if test -r "$top_srcdir/examples/echo.sock"; then
	out=$("$SOCKSHELL" --check "$top_srcdir/examples/echo.sock" 2>&1)
	if test $? -eq 0; then
		pass "examples/echo.sock exists and passes --check"
	else
		fail "examples/echo.sock exists and passes --check" "$out"
	fi
else
	skip "examples/echo.sock exists and passes --check" "examples/echo.sock is not written yet"
fi

# Every option that the "Using it" lines show is one the program has.
usage=$("$SOCKSHELL" --help 2>&1)
opts=$(printf '%s\n' "$using" | grep '^ *sockshell' | tr ' ' '\n' | grep -e '^--\{0,1\}[a-z]' | sort -u)
if test -z "$opts"; then
	fail "README's Using it shows options"
fi
for o in $opts; do
	if printf '%s\n' "$usage" | grep -Eq -e "[ ,]$o( |,|\$)"; then
		pass "README's option $o is in --help"
	else
		fail "README's option $o is in --help"
	fi
done

finish
