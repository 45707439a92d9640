# tests/pairs/udp6.sh - the IPv6 UDP server lesson in two processes: the
# server half with the client half, a Python client and nc -6 -u; the
# client half with a Python server.  Skipped without IPv6 on ::1.
name=udp6
. "$top_srcdir/tests/pairs/lib.sh"

if ! have_ipv6; then
	skip_all "no IPv6 (::1 cannot be bound)"
fi

if start_half udp6-server.sock udp 6; then
	run_half udp6-client.sock "udp6-client.sock with udp6-server.sock"
	finish_half "udp6-server.sock with udp6-client.sock"
else
	not_ready udp6-server.sock "$half_out"
fi

if start_half udp6-server.sock udp 6; then
	py udp6-client "$port" >"$tmp/py.out" 2>&1
	check_run "$tmp/py.out" $? "a Python client sends two datagrams over IPv6"
	finish_half "udp6-server.sock with a Python client"
else
	not_ready udp6-server.sock "$half_out"
fi

if ! have_nc; then
	skip "nc (OpenBSD netcat) not found"
elif start_half udp6-server.sock udp 6; then
	# One nc per datagram: nc may join its input into fewer datagrams.
	printf 'hello over IPv6' | timeout 5 nc -6 -u -w1 ::1 "$port" >/dev/null 2>&1
	printf 'this datagram is longer than the 16 bytes the server asks for' |
		timeout 5 nc -6 -u -w1 ::1 "$port" >/dev/null 2>&1
	finish_half "udp6-server.sock with nc -6 -u"
else
	not_ready udp6-server.sock "$half_out"
fi

if start_py udp6-server; then
	run_half udp6-client.sock "udp6-client.sock with a Python server"
	finish_py "the Python server got both datagrams"
else
	not_ready "the Python server" "$py_out"
fi

finish
