#!/bin/sh
# ipv6.sh - run the IPv6 lesson, data/ipv6.sock, where this machine has IPv6.
#
# Prints "1..0 # SKIP no IPv6" (TAP) when a socket cannot be bound to ::1,
# as in many containers; otherwise the lesson's own TAP output.

: "${SOCKSHELL:?SOCKSHELL must name the sockshell binary}"
: "${top_srcdir:?top_srcdir must name the source tree}"

probe='import socket; s = socket.socket(socket.AF_INET6); s.bind(("::1", 0))'
python=${PYTHON3:-python3}
if command -v "$python" >/dev/null 2>&1; then
	"$python" -c "$probe" >/dev/null 2>&1 || { echo "1..0 # SKIP no IPv6"; exit 0; }
else
	# No Python: ask sockshell itself.
	"$SOCKSHELL" -c 'socket inet6 dgram; bind ::1 0; expect 0' >/dev/null 2>&1 ||
		{ echo "1..0 # SKIP no IPv6"; exit 0; }
fi
exec "$SOCKSHELL" --tap --timeout 10 "$top_srcdir/tests/lessons/data/ipv6.sock"
