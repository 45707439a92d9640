# tests/pairs/web.sh - the 404/501 web server lesson in two processes:
# the server half with the client half, curl and Python's http.client;
# the client half with Python's http.server.
name=web
. "$top_srcdir/tests/pairs/lib.sh"

if start_half web-server.sock tcp 4; then
	run_half web-client.sock "web-client.sock with web-server.sock"
	finish_half "web-server.sock with web-client.sock"
else
	not_ready web-server.sock "$half_out"
fi

if ! have_curl; then
	skip "curl not found"
	skip "curl not found"
elif start_half web-server.sock tcp 4; then
	{
		timeout 10 curl -s -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$port/index.html" &&
		timeout 10 curl -s -o /dev/null -w '%{http_code}\n' -X POST "http://127.0.0.1:$port/"
	} >"$tmp/curl.out" 2>&1
	check_output "$tmp/curl.out" $? '404\n501\n' "curl gets 404 for GET, then 501 for POST"
	finish_half "web-server.sock with curl"
else
	not_ready web-server.sock "$half_out"
fi

if start_half web-server.sock tcp 4; then
	py web-client "$port" >"$tmp/py.out" 2>&1
	check_run "$tmp/py.out" $? "Python's http.client gets 404 for GET, then 501 for POST"
	finish_half "web-server.sock with Python's http.client"
else
	not_ready web-server.sock "$half_out"
fi

# An empty directory: GET /index.html is 404, and http.server has no POST.
if start_py http-server 4 2 none; then
	run_half web-client.sock "web-client.sock with Python's http.server (404, then 501)"
	finish_py "Python's http.server answered both"
else
	not_ready "Python's http.server" "$py_out"
fi

finish
