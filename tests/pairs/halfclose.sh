# tests/pairs/halfclose.sh - the half-close lesson in two processes: the
# server half with the client half, a Python client and nc -N; the client
# half with a Python server.
name=halfclose
. "$top_srcdir/tests/pairs/lib.sh"

if start_half halfclose-server.sock tcp 4; then
	run_half halfclose-client.sock "halfclose-client.sock with halfclose-server.sock"
	finish_half "halfclose-server.sock with halfclose-client.sock"
else
	not_ready halfclose-server.sock "$half_out"
fi

if start_half halfclose-server.sock tcp 4; then
	py halfclose-client "$port" >"$tmp/py.out" 2>&1
	check_run "$tmp/py.out" $? "a Python client shuts down writing and reads the answer"
	finish_half "halfclose-server.sock with a Python client"
else
	not_ready halfclose-server.sock "$half_out"
fi

if ! have_nc; then
	skip "nc with -N (OpenBSD netcat) not found"
	skip "nc with -N (OpenBSD netcat) not found"
elif start_half halfclose-server.sock tcp 4; then
	printf 'one\ntwo\nthree\n' | timeout 10 nc -N 127.0.0.1 "$port" >"$tmp/nc.out" 2>&1
	check_output "$tmp/nc.out" $? 'ONE\nTWO\nTHREE\n' \
		"nc -N shuts down writing and reads the answer"
	finish_half "halfclose-server.sock with nc -N"
else
	not_ready halfclose-server.sock "$half_out"
fi

if start_py halfclose-server; then
	run_half halfclose-client.sock "halfclose-client.sock with a Python server"
	finish_py "the Python server read the lines, then EOF"
else
	not_ready "the Python server" "$py_out"
fi

finish
