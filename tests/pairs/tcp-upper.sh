# tests/pairs/tcp-upper.sh - the uppercase lesson over TCP in two
# processes: the server half with the client half, a Python client and
# nc; the client half with a Python server.
name=tcp-upper
. "$top_srcdir/tests/pairs/lib.sh"

if start_half tcp-upper-server.sock tcp 4; then
	run_half tcp-upper-client.sock "tcp-upper-client.sock with tcp-upper-server.sock"
	finish_half "tcp-upper-server.sock with tcp-upper-client.sock"
else
	not_ready tcp-upper-server.sock "$half_out"
fi

if start_half tcp-upper-server.sock tcp 4; then
	py tcp-upper-client "$port" >"$tmp/py.out" 2>&1
	check_run "$tmp/py.out" $? "a Python client gets its line back in capitals"
	finish_half "tcp-upper-server.sock with a Python client"
else
	not_ready tcp-upper-server.sock "$half_out"
fi

if ! have_nc; then
	skip "nc with -N (OpenBSD netcat) not found"
	skip "nc with -N (OpenBSD netcat) not found"
elif start_half tcp-upper-server.sock tcp 4; then
	printf 'please answer in capitals\n' |
		timeout 10 nc -N 127.0.0.1 "$port" >"$tmp/nc.out" 2>&1
	check_output "$tmp/nc.out" $? 'PLEASE ANSWER IN CAPITALS\n' \
		"nc gets its line back in capitals"
	finish_half "tcp-upper-server.sock with nc"
else
	not_ready tcp-upper-server.sock "$half_out"
fi

if start_py tcp-upper-server; then
	run_half tcp-upper-client.sock "tcp-upper-client.sock with a Python server"
	finish_py "the Python server got the line, then EOF"
else
	not_ready "the Python server" "$py_out"
fi

finish
