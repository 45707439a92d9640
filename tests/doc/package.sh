#!/bin/sh
# package.sh - README's "Install from a package" holds to debian/: it
# builds with dpkg-buildpackage from the source tree and installs
# ./sockshell_*.deb, its lesson is one of examples/, and debian/ matches
# the program (the changelog's version is --version's, the license is
# README's).  The dist tarball carries no debian/: those points skip there.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/doc/lib.sh"

README=$top_srcdir/README
bail_unless -r "$README"
bail_unless -x "$SOCKSHELL"

# The indented lines of README's section $1 (a heading over a line of ---).
section() {
	awk -v want="$1" '
		/^-+$/ { s = (prev == want); prev = $0; next }
		s && /^    / { sub(/^ +/, ""); print }
		{ prev = $0 }
	' "$README"
}
pkg=$(section "Install from a package")
printf '%s\n' "$pkg" >"$T/pkg"

if test -n "$pkg"; then
	pass "README has an Install from a package section with commands"
else
	fail "README has an Install from a package section with commands"
fi
ok "it installs the build dependencies from the tree: apt-get build-dep -y ./" \
	grep -qx 'apt-get build-dep -y \./' "$T/pkg"
ok "it builds with dpkg-buildpackage -us -uc -b" \
	grep -qx 'dpkg-buildpackage -us -uc -b' "$T/pkg"
ok "it installs the .deb dpkg-buildpackage leaves in ..: apt-get install -y ./sockshell_*.deb" \
	grep -qx 'cd \.\. && apt-get install -y \./sockshell_\*\.deb' "$T/pkg"

# The installed lesson it runs is one of examples/, which make install
# puts in the doc directory.
lesson=$(sed -n 's|^sockshell /usr/share/doc/sockshell/examples/||p' "$T/pkg" | head -n 1)
if test -n "$lesson" && test -r "$top_srcdir/examples/$lesson"; then
	pass "its lesson /usr/share/doc/sockshell/examples/$lesson is examples/$lesson"
	out=$("$SOCKSHELL" --check "$top_srcdir/examples/$lesson" 2>&1)
	if test $? -eq 0; then
		pass "examples/$lesson passes --check"
	else
		fail "examples/$lesson passes --check" "$out"
	fi
else
	fail "its lesson /usr/share/doc/sockshell/examples/$lesson is one of examples/"
fi

deb=$top_srcdir/debian
if test ! -r "$deb/changelog"; then
	skip_block 5 "no debian/ here (a dist tarball)"
	finish
fi

# The changelog's newest entry is this version, with a Debian revision.
ver=$("$SOCKSHELL" --version | sed -n '1s/^sockshell //p')
dver=$(sed -n '1s/^sockshell (\([^)]*\)).*/\1/p' "$deb/changelog")
is "${dver%-*}" "$ver" "debian/changelog's version $dver is sockshell $ver's"
ok "debian/control builds a package named sockshell" \
	grep -qx 'Package: sockshell' "$deb/control"
ok "debian/rules is executable and hardens with hardening=+all (bindnow)" \
	eval 'test -x "$deb/rules" && grep -q "hardening=+all" "$deb/rules"'
ok "debian/copyright is machine-readable (DEP-5)" \
	grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' "$deb/copyright"
if grep -q 'GPL-3.0-or-later' "$README" && grep -qx 'License: GPL-3.0-or-later' "$deb/copyright"; then
	pass "debian/copyright's license is README's, GPL-3.0-or-later"
else
	fail "debian/copyright's license is README's, GPL-3.0-or-later"
fi

finish
