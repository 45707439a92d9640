# tests/pairs/udp-upper.sh - the UDP uppercase lesson in two processes:
# the server half with the client half (over IPv4, and over IPv6 with
# HOST=::1 alone), a Python client and nc; the client half with a Python
# server.
name=udp-upper
. "$top_srcdir/tests/pairs/lib.sh"

if start_half udp-upper-server.sock udp 4; then
	run_half udp-upper-client.sock "udp-upper-client.sock with udp-upper-server.sock"
	finish_half "udp-upper-server.sock with udp-upper-client.sock"
else
	not_ready udp-upper-server.sock "$half_out"
fi

if start_half udp-upper-server.sock udp 4; then
	py udp-upper-client "$port" >"$tmp/py.out" 2>&1
	check_run "$tmp/py.out" $? "a Python client gets its line back in capitals"
	finish_half "udp-upper-server.sock with a Python client"
else
	not_ready udp-upper-server.sock "$half_out"
fi

if ! have_nc; then
	skip "nc (OpenBSD netcat) not found"
	skip "nc (OpenBSD netcat) not found"
elif start_half udp-upper-server.sock udp 4; then
	printf 'please answer in capitals\n' |
		timeout 10 nc -u -w1 127.0.0.1 "$port" >"$tmp/nc.out" 2>&1
	check_output "$tmp/nc.out" $? 'PLEASE ANSWER IN CAPITALS\n' \
		"nc -u gets its line back in capitals"
	finish_half "udp-upper-server.sock with nc -u"
else
	not_ready udp-upper-server.sock "$half_out"
fi

if ! have_ipv6; then
	skip "no IPv6 (::1 cannot be bound)"
	skip "no IPv6 (::1 cannot be bound)"
elif start_half udp-upper-server.sock udp 6 HOST=::1; then
	run_half udp-upper-client.sock "udp-upper-client.sock with udp-upper-server.sock over IPv6" HOST=::1
	finish_half "udp-upper-server.sock over IPv6 (HOST=::1 alone: socket for HOST)"
else
	not_ready "udp-upper-server.sock on ::1" "$half_out"
fi

if start_py udp-upper-server; then
	run_half udp-upper-client.sock "udp-upper-client.sock with a Python server"
	finish_py "the Python server got the line"
else
	not_ready "the Python server" "$py_out"
fi

finish
