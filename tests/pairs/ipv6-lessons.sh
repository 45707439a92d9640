# tests/pairs/ipv6-lessons.sh - the one-process lessons that need IPv6,
# examples/udp6.sock and examples/dualstack.sock, run as the other
# lessons are (sockshell --tap --timeout 10), or skipped when ::1 cannot
# be bound.
name=ipv6-lessons
. "$top_srcdir/tests/pairs/lib.sh"

if ! have_ipv6; then
	echo "1..0 # SKIP no IPv6 (::1 cannot be bound)"
	exit 0
fi

for lesson in udp6.sock dualstack.sock; do
	out=$tmp/$lesson.out
	timeout 30 "$SOCKSHELL" --tap --timeout 10 "$ex/$lesson" >"$out" 2>&1
	check_tap "$out" $? "examples/$lesson"
done

tap_done
