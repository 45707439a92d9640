#!/bin/sh
# contrib/apparmor: the profile that grants sockshell user namespaces where
# AppArmor restricts them holds to what installs it: it attaches to the
# path the Debian package puts the program at, grants "userns", is the
# file debian/sockshell.install installs and dh_apparmor loads, and, where
# an AppArmor 4 parser is here, parses.
. "${top_srcdir:-.}/tests/lib/tap.sh"

P=$top_srcdir/contrib/apparmor/usr.bin.sockshell
test -r "$P" || bail "no $P"

ok "the profile attaches to /usr/bin/sockshell, where the package installs it" \
	grep -Eq '^profile sockshell /usr/bin/sockshell flags=\(unconfined\) \{$' "$P"
ok "it grants user namespaces (userns,)" grep -Eq '^[[:space:]]+userns,$' "$P"
ok "it states the AppArmor 4 ABI it is written to" grep -qx 'abi <abi/4.0>,' "$P"
ok "it leaves a place for local additions" \
	grep -q 'include if exists <local/usr.bin.sockshell>' "$P"

deb=$top_srcdir/debian
if test -r "$deb/rules"; then
	ok "debian/sockshell.install puts it in /etc/apparmor.d" \
		grep -qx 'contrib/apparmor/usr.bin.sockshell etc/apparmor.d' "$deb/sockshell.install"
	ok "debian/rules has dh_apparmor load it by that name" \
		grep -q 'dh_apparmor --profile-name=usr.bin.sockshell -psockshell' "$deb/rules"
else
	skip_block 2 "no debian/ here (a dist tarball)"
fi

# The parser checks it (-Q: no kernel load, -K: no cache) where it is
# AppArmor 4 or later: older parsers know neither abi 4.0 nor userns.
ver=$(apparmor_parser --version 2>/dev/null | sed -n '1s/.*version \([0-9]*\).*/\1/p')
if test -n "$ver" && test "$ver" -ge 4; then
	out=$(apparmor_parser -Q -K -T "$P" 2>&1)
	is "$?" 0 "apparmor_parser $ver parses it${out:+: $out}"
else
	skip "no AppArmor 4 parser here (apparmor_parser${ver:+ $ver}${ver:- absent})"
fi
finish
