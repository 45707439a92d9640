# tests/pairs/http.sh - the HTTP/1.0 lesson in two processes: the server
# half with the client half, curl (over IPv4 and IPv6, at the URL the
# server prints) and Python's http.client; the client half with Python's
# http.server over IPv4, over IPv6, and by name.
name=http
. "$top_srcdir/tests/pairs/lib.sh"

# has_trace FILE PATTERN DESCRIPTION: the half's trace shows PATTERN.
has_trace() {
	if grep -q "$2" "$1"; then
		pass "$3"
	else
		fail "$3"
		show_lines "$1"
	fi
}

if start_half http-server.sock tcp 4; then
	run_half http-client.sock "http-client.sock with http-server.sock"
	has_trace "$last_out" 'Hello from sockshell\\n"$' "http-client.sock received the page"
	finish_half "http-server.sock with http-client.sock"
else
	not_ready http-server.sock "$half_out"
fi

# url_of: the URL the server half tells the student to give curl (it
# prints it after listen, a moment after the port is ready).
url_of() {
	_i=0
	while [ $_i -lt 50 ]; do
		url=$(sed -n 's|^# or: curl \(http://[^ ]*\)$|\1|p' "$half_out" | head -n 1)
		[ -n "$url" ] && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}
# same_url WANT DESCRIPTION: the URL found is WANT.
same_url() {
	if [ "$url" = "$1" ]; then
		pass "$2"
	else
		fail "$2 (it is '$url')"
		show_lines "$half_out"
	fi
}

if ! have_curl; then
	skip "curl not found"
	skip "curl not found"
	skip "curl not found"
elif start_half http-server.sock tcp 4; then
	url_of
	timeout 10 curl -s "$url" >"$tmp/curl.out" 2>&1
	check_output "$tmp/curl.out" $? 'Hello from sockshell\n' \
		"curl gets the page from the URL the server prints"
	same_url "http://127.0.0.1:$port/" "that URL is http://127.0.0.1:PORT/"
	finish_half "http-server.sock with curl"
else
	not_ready http-server.sock "$half_out"
fi

if ! have_curl || ! have_ipv6; then
	skip "curl or IPv6 not found"
	skip "curl or IPv6 not found"
	skip "curl or IPv6 not found"
elif start_half http-server.sock tcp 6 HOST=::1; then
	url_of
	timeout 10 curl -s "$url" >"$tmp/curl6.out" 2>&1
	check_output "$tmp/curl6.out" $? 'Hello from sockshell\n' \
		"curl gets the page over IPv6 (HOST=::1, no FAMILY)"
	same_url "http://[::1]:$port/" "the URL it prints has the IPv6 address in brackets"
	finish_half "http-server.sock on ::1 with curl"
else
	not_ready "http-server.sock on ::1" "$half_out"
fi

if start_half http-server.sock tcp 4; then
	py http-client "$port" >"$tmp/py.out" 2>&1
	check_run "$tmp/py.out" $? "Python's http.client gets 200 and the page"
	finish_half "http-server.sock with Python's http.client"
else
	not_ready http-server.sock "$half_out"
fi

if start_py http-server 4 1; then
	run_half http-client.sock "http-client.sock with Python's http.server"
	has_trace "$last_out" '"HTTP/1.0 200 OK\\r\\n' "the answer is 200 OK"
	has_trace "$last_out" 'drain(.*recv call.*then EOF' "drain counted the recv calls to EOF"
	finish_py "Python's http.server answered"
else
	not_ready "Python's http.server" "$py_out"
fi

if start_py http-server 4 1; then
	run_half http-client.sock "http-client.sock with HOST=localhost (dial by name)" HOST=localhost
	finish_py "Python's http.server answered the client that dialled localhost"
else
	not_ready "Python's http.server" "$py_out"
fi

if ! have_ipv6; then
	skip "no IPv6 (::1 cannot be bound)"
	skip "no IPv6 (::1 cannot be bound)"
elif start_py http-server 6 1; then
	run_half http-client.sock "http-client.sock with HOST=::1 (dial over IPv6)" HOST=::1
	has_trace "$last_out" 'connect(3, \[::1\]:[0-9]*) = 0' "dial connected over IPv6"
	finish_py "Python's http.server answered over IPv6"
else
	not_ready "Python's http.server on ::1" "$py_out"
fi

finish
