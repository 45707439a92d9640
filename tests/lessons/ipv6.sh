#!/bin/sh
# ipv6.sh - run the IPv6 lesson, tests/data/ipv6.sock, where this machine has IPv6.
#
# Skips (skip_all) when a socket cannot be bound to ::1,
# as in many containers; otherwise the lesson's own TAP output.

. "${top_srcdir:-.}/tests/lib/tap.sh"
: "${SOCKSHELL:?SOCKSHELL must name the sockshell binary}"
: "${top_srcdir:?top_srcdir must name the source tree}"

probe='import socket; s = socket.socket(socket.AF_INET6); s.bind(("::1", 0))'
python=${PYTHON3:-python3}
if command -v "$python" >/dev/null 2>&1; then
	"$python" -c "$probe" >/dev/null 2>&1 || skip_all "no IPv6"
else
	# No Python: ask sockshell itself.
	"$SOCKSHELL" -c 'socket inet6 dgram; bind ::1 0; expect 0' >/dev/null 2>&1 ||
		skip_all "no IPv6"
fi
# The lesson speaks TAP itself: exec, so tap.sh has nothing to add.
rm -rf "$T"
exec "$SOCKSHELL" --tap --timeout 10 "$(test_file_path ipv6.sock)"
