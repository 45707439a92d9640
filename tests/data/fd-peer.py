"""fd-peer.py PATH - the python end of tests/shell/pass-fd.sh.

Listens on the unix stream socket PATH (printing 0 once it does, for
python_peer), then, on the one connection it accepts:
  1. passes one end of a socketpair with socket.send_fds, and prints what
     sockshell sends back on it;
  2. takes a descriptor with socket.recv_fds and prints its message, family
     and type, then answers on it;
  3. passes the read end of a pipe (not a socket) and prints whether
     sockshell closed it (a write to the pipe fails with EPIPE);
  4. sends one byte with its credentials and prints its pid, uid and gid.
Every wait is bounded (10 s).
"""
import os
import socket
import sys

srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(sys.argv[1])
srv.listen(1)
print(0, flush=True)
srv.settimeout(10)
c, _ = srv.accept()
c.settimeout(10)

a, b = socket.socketpair()
a.settimeout(10)
socket.send_fds(c, [b"x"], [b.fileno()])
b.close()
print("on-passed:", a.recv(64).decode(), flush=True)

msg, fds, flags, addr = socket.recv_fds(c, 16, 1)
f = socket.socket(fileno=fds[0])
print("got:", msg.decode(), len(fds), f.family.name, f.type.name, flush=True)
f.sendall(b"from python")
f.close()

r, w = os.pipe()
socket.send_fds(c, [b"p"], [r])
os.close(r)
c.recv(16)  # sockshell says it has dealt with it
try:
    os.write(w, b"z")
    print("pipe: still open", flush=True)
except BrokenPipeError:
    print("pipe: closed", flush=True)

c.sendall(b"c")
print("creds: pid=%d, uid=%d, gid=%d" % (os.getpid(), os.getuid(), os.getgid()), flush=True)
c.recv(16)
