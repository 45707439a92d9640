#!/usr/bin/env python3
"""peers.py - the other end for the pair tests: clients and servers that
sockshell did not write, built on Python's socket module, plus the two
helpers the shell scripts need (a free port, and waiting until a server
half is ready).

    peers.py freeport tcp|udp 4|6
    peers.py waitport tcp|udp 4|6 PORT SECONDS [PID]
    peers.py ipv6
    peers.py NAME-client PORT      talk to a server half, check its answers
    peers.py NAME-server           serve one exchange on a free port; the
                                   first line of output is "PORT n"

Every socket has a time-out, so nothing here waits forever.  Exit status
0 when the peer saw what the lesson promises, 1 (with the reason) when
not, 2 for a usage error.
"""

import http.client
import http.server
import os
import socket
import sys
import socketserver
import tempfile
import time

WAIT = 10.0

ECHO = b"This is the message.  It will be repeated."
UPPER = b"please answer in capitals\n"
UDP6 = [b"hello over IPv6",
        b"this datagram is longer than the 16 bytes the server asks for"]
LINES = b"one\ntwo\nthree\n"


class Failed(Exception):
    pass


def check(what, got, want):
    if got != want:
        raise Failed("%s: got %r, want %r" % (what, got, want))
    print("ok: %s %r" % (what, got))


def family(v):
    return socket.AF_INET6 if v == "6" else socket.AF_INET


def loopback(fam):
    return "::1" if fam == socket.AF_INET6 else "127.0.0.1"


def kind(proto):
    return socket.SOCK_DGRAM if proto == "udp" else socket.SOCK_STREAM


def read_to_eof(s):
    data = b""
    while True:
        b = s.recv(4096)
        if not b:
            return data
        data += b


def read_exactly(s, n):
    data = b""
    while len(data) < n:
        b = s.recv(n - len(data))
        if not b:
            break
        data += b
    return data


# ---- helpers for the shell scripts ----

def freeport(proto, fam):
    """A port that was free a moment ago (the caller retries on a race)."""
    f = family(fam)
    with socket.socket(f, kind(proto)) as s:
        s.bind((loopback(f), 0))
        print(s.getsockname()[1])


def proc_ready(proto, fam, port):
    """Is a socket listening (TCP) or bound (UDP) on port?  None when
    /proc/net cannot say."""
    names = [proto + ("6" if fam == "6" else "")]
    found_table = False
    for name in names:
        try:
            with open("/proc/net/" + name) as f:
                rows = f.read().splitlines()[1:]
        except OSError:
            continue
        found_table = True
        for row in rows:
            cols = row.split()
            if len(cols) < 4 or ":" not in cols[1]:
                continue
            if int(cols[1].rsplit(":", 1)[1], 16) != port:
                continue
            # TCP: 0A is LISTEN.  UDP: any bound socket will do.
            if proto == "udp" or cols[3] == "0A":
                return True
    return False if found_table else None


def bind_probe(proto, fam, port):
    """Without /proc: the port is taken if we cannot bind it."""
    f = family(fam)
    with socket.socket(f, kind(proto)) as s:
        try:
            s.bind((loopback(f), port))
        except OSError:
            return True
    return False


def exited(pid):
    """Has the process ended?  An ended child of the shell stays a zombie
    until the shell waits for it, so look at its state too."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def waitport(proto, fam, port, seconds, pid=None):
    port = int(port)
    deadline = time.monotonic() + float(seconds)
    while time.monotonic() < deadline:
        if pid is not None and exited(int(pid)):
            print("the server half exited before it was ready")
            return 2
        ready = proc_ready(proto, fam, port)
        if ready is None:
            ready = bind_probe(proto, fam, port)
            if ready and proto == "tcp":
                time.sleep(0.3)     # bound; give listen a moment
        if ready:
            return 0
        time.sleep(0.05)
    print("nothing on %s port %d after %s s" % (proto, port, seconds))
    return 1


def ipv6():
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind(("::1", 0))
    except OSError as e:
        print("no IPv6: %s" % e)
        return 1
    return 0


# ---- clients, for the server halves ----

def connect(port, fam=socket.AF_INET):
    s = socket.socket(fam, socket.SOCK_STREAM)
    s.settimeout(WAIT)
    s.connect((loopback(fam), int(port)))
    return s


def echo_client(port):
    with connect(port) as s:
        s.sendall(ECHO)
        check("echo", read_exactly(s, len(ECHO)), ECHO)


def udp_upper_client(port):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(WAIT)
        s.sendto(UPPER, ("127.0.0.1", int(port)))
        data, addr = s.recvfrom(512)
        check("answer", data, UPPER.upper())
        check("answer from", addr[1], int(port))


def tcp_upper_client(port):
    with connect(port) as s:
        s.sendall(UPPER)
        check("answer", read_exactly(s, len(UPPER)), UPPER.upper())


def udp6_client(port):
    with socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as s:
        for d in UDP6:
            s.sendto(d, ("::1", int(port)))
        print("ok: sent %d datagrams" % len(UDP6))


def halfclose_client(port):
    with connect(port) as s:
        s.sendall(LINES)
        s.shutdown(socket.SHUT_WR)
        check("answer after our shutdown", read_to_eof(s), LINES.upper())


def http_get(port, method, path, status):
    """One request with http.client, the way a library client does it."""
    c = http.client.HTTPConnection("127.0.0.1", int(port), timeout=WAIT)
    try:
        c.request(method, path)
        r = c.getresponse()
        body = r.read()
        check("%s %s status" % (method, path), r.status, status)
        return body
    finally:
        c.close()


def http_client(port):
    check("page", http_get(port, "GET", "/", 200), b"Hello from sockshell\n")


def web_client(port):
    http_get(port, "GET", "/index.html", 404)
    http_get(port, "POST", "/", 501)


# ---- servers, for the client halves ----

def listen(proto="tcp", fam=socket.AF_INET):
    s = socket.socket(fam, kind(proto))
    s.settimeout(WAIT)
    if proto == "tcp":
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((loopback(fam), 0))
    if proto == "tcp":
        s.listen(1)
    print("PORT %d" % s.getsockname()[1], flush=True)
    return s


def accept(ls):
    c, _ = ls.accept()
    c.settimeout(WAIT)
    return c


def echo_server():
    with listen() as ls, accept(ls) as c:
        got = b""
        while True:
            b = c.recv(4096)
            if not b:
                break
            got += b
            c.sendall(b)
        check("echoed, then EOF", got, ECHO)


def udp_upper_server():
    with listen("udp") as s:
        data, addr = s.recvfrom(512)
        check("datagram", data, UPPER)
        s.sendto(data.upper(), addr)


def tcp_upper_server():
    with listen() as ls, accept(ls) as c:
        data = read_exactly(c, len(UPPER))
        check("line", data, UPPER)
        c.sendall(data.upper())
        check("then EOF", c.recv(512), b"")


def udp6_server():
    with listen("udp", socket.AF_INET6) as s:
        for want in UDP6:
            data, addr = s.recvfrom(512)
            check("datagram from %s" % addr[0], data, want)


def halfclose_server():
    with listen() as ls, accept(ls) as c:
        data = read_to_eof(c)
        check("lines, then EOF", data, LINES)
        c.sendall(data.upper())


def http_server(fam="4", requests="1", page="index.html"):
    """python3 -m http.server's own handler, on a free port, serving a
    directory that holds one page (none when page is "none"), for a given
    number of requests."""
    f = family(fam)
    root = tempfile.mkdtemp(prefix="sockshell-www.")
    if page != "none":
        with open(os.path.join(root, page), "w") as out:
            out.write("<p>Hello from Python's http.server</p>\n")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=root, **kw)

        def log_message(self, fmt, *args):
            print("server: " + fmt % args, flush=True)

    class Server(http.server.HTTPServer):
        address_family = f

        def server_bind(self):
            # HTTPServer would look its own name up (getfqdn), which may
            # ask a name server: the tests look up nothing.
            socketserver.TCPServer.server_bind(self)
            self.server_name = loopback(f)
            self.server_port = self.server_address[1]

    try:
        with Server((loopback(f), 0), Handler) as srv:
            srv.timeout = WAIT
            print("PORT %d" % srv.server_address[1], flush=True)
            for _ in range(int(requests)):
                srv.handle_request()
    finally:
        for name in os.listdir(root):
            os.unlink(os.path.join(root, name))
        os.rmdir(root)


COMMANDS = {
    "echo-client": echo_client, "echo-server": echo_server,
    "udp-upper-client": udp_upper_client, "udp-upper-server": udp_upper_server,
    "tcp-upper-client": tcp_upper_client, "tcp-upper-server": tcp_upper_server,
    "udp6-client": udp6_client, "udp6-server": udp6_server,
    "halfclose-client": halfclose_client, "halfclose-server": halfclose_server,
    "http-client": http_client, "http-server": http_server,
    "web-client": web_client,
}


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    cmd, args = argv[1], argv[2:]
    try:
        if cmd == "freeport":
            freeport(*args)
            return 0
        if cmd == "waitport":
            return waitport(*args)
        if cmd == "ipv6":
            return ipv6()
        if cmd not in COMMANDS:
            print("peers.py: unknown command %s" % cmd, file=sys.stderr)
            return 2
        COMMANDS[cmd](*args)
        return 0
    except (Failed, OSError, http.client.HTTPException) as e:
        print("FAILED: %s: %s" % (type(e).__name__, e), flush=True)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
