# tests/pairs/noserver.sh - a half run alone stops at once, saying why: a
# client half with no server stops at the refused dial with one line that
# says to start the server first (not a dozen failed expect lines); the
# UDP client stops when no answer comes; a server half whose port is
# taken stops at its bind instead of announcing an address it lacks.
name=noserver
. "$top_srcdir/tests/pairs/lib.sh"

# alone FILE [VAR=VALUE]...: run examples/FILE without --tap on $port;
# output in $out and $err, exit status in $st.
alone() {
	_file=$1
	shift
	out=$tmp/${_file%.sock}.alone.out
	err=$tmp/${_file%.sock}.alone.err
	env PORT="$port" "$@" timeout 30 "$SOCKSHELL" --timeout 2 "$ex/$_file" >"$out" 2>"$err"
	st=$?
}

# stops_with DESCRIPTION TEXT: the run ended with status 1, TEXT on the
# last line of its output, and no "expect failed" line.
stops_with() {
	if [ "$st" -eq 1 ] && tail -n 1 "$out" | grep -F -q -e "$2" &&
	   ! grep -q 'expect failed' "$err"; then
		pass "$1"
	else
		fail "$1 (exit status $st)"
		show_lines "$out"
		show_lines "$err"
	fi
}

for c in echo-client tcp-upper-client halfclose-client http-client web-client; do
	port=$(py freeport tcp 4) || { fail "a free port for $c"; continue; }
	alone $c.sock
	stops_with "$c.sock alone stops at the refused dial and says to start the server" \
		"(no socket listens on 127.0.0.1:$port: start the server first)"
done

if have_ipv6; then
	port=$(py freeport tcp 6)
	alone echo-client.sock HOST=::1
	stops_with "echo-client.sock alone, over IPv6, says it too" \
		"(no socket listens on [::1]:$port: start the server first)"
else
	skip "no IPv6 (::1 cannot be bound)"
fi

# UDP: sendto cannot tell that nobody is there; recvfrom times out.
port=$(py freeport udp 4)
alone udp-upper-client.sock
if [ "$st" -eq 1 ] && grep -q 'start$' "$out" && grep -q '^udp-upper-server.sock first.)$' "$out" &&
   grep -q 'timed out' "$out" "$err" && ! grep -q 'expect failed' "$err" &&
   ! grep -q '^close' "$out"; then
	pass "udp-upper-client.sock alone stops when no answer comes, having said why"
else
	fail "udp-upper-client.sock alone stops when no answer comes (exit status $st)"
	show_lines "$out"
	show_lines "$err"
fi

# A server half on a port another server holds: bind fails, and the half
# stops there (no listen, no "Listening on").
if start_half echo-server.sock tcp 4; then
	alone echo-server.sock
	if [ "$st" -eq 1 ] && grep -q '^bind(3, 127.0.0.1:[0-9]*) = -1 EADDRINUSE' "$out" &&
	   ! grep -q -e '^listen' -e 'Listening on' -e '^note:' "$out"; then
		pass "echo-server.sock on a taken port stops at its bind"
	else
		fail "echo-server.sock on a taken port stops at its bind (exit status $st)"
		show_lines "$out"
		show_lines "$err"
	fi
	run_half echo-client.sock "the first server still serves its client"
	finish_half "echo-server.sock that held the port"
else
	not_ready echo-server.sock "$half_out"
fi

finish
