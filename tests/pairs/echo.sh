# tests/pairs/echo.sh - the echo lesson in two processes: the server half
# with the client half (over IPv4 and IPv6), a Python client and nc; the
# client half with a Python echo server.
name=echo
. "$top_srcdir/tests/pairs/lib.sh"

msg='This is the message.  It will be repeated.'

if start_half echo-server.sock tcp 4; then
	run_half echo-client.sock "echo-client.sock with echo-server.sock"
	finish_half "echo-server.sock with echo-client.sock"
else
	not_ready echo-server.sock "$half_out"
fi

if start_half echo-server.sock tcp 4; then
	py echo-client "$port" >"$tmp/py.out" 2>&1
	check_run "$tmp/py.out" $? "a Python client gets its echo from echo-server.sock"
	finish_half "echo-server.sock with a Python client"
else
	not_ready echo-server.sock "$half_out"
fi

if ! have_nc; then
	skip "nc with -N (OpenBSD netcat) not found"
	skip "nc with -N (OpenBSD netcat) not found"
elif start_half echo-server.sock tcp 4; then
	printf '%s' "$msg" | timeout 10 nc -N 127.0.0.1 "$port" >"$tmp/nc.out" 2>&1
	check_output "$tmp/nc.out" $? "$msg" "nc gets its echo from echo-server.sock"
	finish_half "echo-server.sock with nc"
else
	not_ready echo-server.sock "$half_out"
fi

if ! have_ipv6; then
	skip "no IPv6 (::1 cannot be bound)"
	skip "no IPv6 (::1 cannot be bound)"
elif start_half echo-server.sock tcp 6 HOST=::1; then
	run_half echo-client.sock "echo-client.sock with echo-server.sock over IPv6" HOST=::1
	finish_half "echo-server.sock over IPv6 (HOST=::1 alone: socket for HOST)"
else
	not_ready "echo-server.sock on ::1" "$half_out"
fi

if start_py echo-server; then
	run_half echo-client.sock "echo-client.sock with a Python echo server"
	finish_py "the Python echo server got the message, then EOF"
else
	not_ready "the Python echo server" "$py_out"
fi

finish
