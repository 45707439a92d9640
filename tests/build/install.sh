#!/bin/sh
# install.sh - make install puts the program, its manual and every lesson
# of examples/ (with examples/README, and the Spanish ones of examples/es
# with their LEEME) where a lab machine finds them, the
# lessons in $(docdir)/examples, and an installed lesson runs from there;
# make uninstall takes every file away again.  Both into a DESTDIR of our
# own, so nothing outside $T is touched.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/shell/lib.sh"

if test ! -r "$top_builddir/Makefile"; then
	skip_all "no Makefile in the build tree"
fi
root=$T/root

# make, as a user types it: not as a job of the make check that runs us.
mk() {
	bounded env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
		make -s --no-print-directory -C "$top_builddir" "$@" DESTDIR="$root" \
		>"$T/make.out" 2>&1
}

if mk install; then
	pass "make install DESTDIR=... succeeds"
else
	fail "make install DESTDIR=... succeeds"
	diag_file "$T/make.out" "make install"
fi

bin=$(find "$root" -type f -path '*/bin/sockshell' | head -n 1)
ok "make install installs bin/sockshell" test -n "$bin"
man=$(find "$root" -type f -path '*/man1/sockshell.1' | head -n 1)
ok "make install installs man1/sockshell.1" test -n "$man"
ex=$(find "$root" -type d -path '*/doc/sockshell/examples' | head -n 1)
ok "make install makes doc/sockshell/examples" test -n "$ex"

# Every lesson in the source tree, so a new one cannot be left out.
for f in "$top_srcdir"/examples/*.sock "$top_srcdir"/examples/README; do
	name=${f##*/}
	if test -n "$ex" && cmp -s "$f" "$ex/$name"; then
		pass "examples/$name is installed in doc/sockshell/examples"
	else
		fail "examples/$name is installed in doc/sockshell/examples"
	fi
done

# The Spanish lessons and their LEEME, in doc/sockshell/examples/es.
for f in "$top_srcdir"/examples/es/*.sock "$top_srcdir"/examples/es/LEEME; do
	name=${f##*/}
	if test -n "$ex" && cmp -s "$f" "$ex/es/$name"; then
		pass "examples/es/$name is installed in doc/sockshell/examples/es"
	else
		fail "examples/es/$name is installed in doc/sockshell/examples/es"
	fi
done

# The installed program runs the installed lesson, from anywhere.
if test -n "$bin" && test -n "$ex"; then
	(cd "$T" && bounded "$bin" --tap --timeout 10 "$ex/echo.sock") >"$T/out" 2>"$T/err"
	status=$?
	status_is 0 "the installed sockshell runs the installed echo.sock"
	if grep -q '^ok ' "$T/out" && ! grep -q '^not ok ' "$T/out"; then
		pass "the installed echo.sock's expect lines pass"
	else
		fail "the installed echo.sock's expect lines pass"
		diag_file "$T/out" "sockshell --tap echo.sock"
	fi
else
	skip "the installed sockshell runs the installed echo.sock" "not installed"
	skip "the installed echo.sock's expect lines pass" "not installed"
fi

if mk uninstall; then
	pass "make uninstall DESTDIR=... succeeds"
else
	fail "make uninstall DESTDIR=... succeeds"
	diag_file "$T/make.out" "make uninstall"
fi
find "$root" -type f >"$T/left" 2>/dev/null
if test -s "$T/left"; then
	fail "make uninstall leaves no file behind"
	diag_file "$T/left" "left"
else
	pass "make uninstall leaves no file behind"
fi

finish
