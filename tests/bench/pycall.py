# pycall.py - the Python baseline for sockshell's per-call cost: the same
# socket calls as the benchmark's lesson, through the socket module,
# printing the same trace lines with print.
#
#     python3 pycall.py COUNT
import socket
import sys


def quoted(data):
    """The bytes C-escaped in quotes, as sockshell shows them."""
    out = ['"']
    for i, c in enumerate(data):
        if c == 10:
            out.append('\\n')
        elif c == 13:
            out.append('\\r')
        elif c == 9:
            out.append('\\t')
        elif c == 34:
            out.append('\\"')
        elif c == 92:
            out.append('\\\\')
        elif c == 0:
            nxt = data[i + 1] if i + 1 < len(data) else 0
            out.append('\\x00' if 48 <= nxt <= 57 else '\\0')
        elif c < 0x20 or c >= 0x7f:
            out.append('\\x%02x' % c)
        else:
            out.append(chr(c))
    out.append('"')
    return ''.join(out)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    a, b = socket.socketpair()
    fa, fb = a.fileno(), b.fileno()
    msg = b'0123456789abcdef'
    print('socketpair(AF_UNIX, SOCK_STREAM, 0, [%d, %d]) = 0' % (fa, fb))
    for _ in range(count):
        n = a.send(msg)
        print('send(%d, %s, 16, 0) = %d' % (fa, quoted(msg), n))
        data = b.recv(16)
        print('recv(%d, 16, 0) = %d %s' % (fb, len(data), quoted(data)))
    a.close()
    b.close()


main()
