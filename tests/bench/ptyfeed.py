# ptyfeed.py - the benchmark's typist: run a command at a pseudo-terminal,
# type lines into it as fast as it reads them, and report its peak RSS.
#
#     python3 -I ptyfeed.py FILE SECONDS CMD [ARG]...
#
# Runs CMD with a pty as its stdin, stdout and stderr (so sockshell sees a
# terminal and runs its prompt, with the line editor, history and the
# journal for "save"), types FILE's lines into it, reading everything it
# prints meanwhile (and throwing it away), then closes the terminal's
# input side with "quit" and waits for CMD to end.  Prints
#
#     peak_rss_kib seconds lines
#
# with CMD's peak RSS (from wait4), the wall time from start to end and
# the lines typed.  Every wait is bounded: after SECONDS in all, CMD is
# killed and the exit status is 1.
import os
import pty
import select
import signal
import sys
import time


def main():
    if len(sys.argv) < 4:
        sys.stderr.write('usage: ptyfeed.py FILE SECONDS CMD [ARG]...\n')
        return 2
    with open(sys.argv[1], 'rb') as f:
        data = f.read()
    lines = data.count(b'\n')
    data += b'quit\n'
    limit = float(sys.argv[2])
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvp(sys.argv[3], sys.argv[3:])
        finally:
            os._exit(127)
    os.set_blocking(fd, False)
    off = 0
    ok = True
    while True:
        left = limit - (time.monotonic() - start)
        if left <= 0:
            sys.stderr.write('ptyfeed: %s took longer than %g s: killed\n'
                             % (sys.argv[3], limit))
            os.kill(pid, signal.SIGKILL)
            ok = False
            break
        want_w = [fd] if off < len(data) else []
        r, w, _ = select.select([fd], want_w, [], min(left, 1.0))
        if r:
            try:
                if not os.read(fd, 65536):
                    break
            except BlockingIOError:
                pass
            except OSError:
                break          # EIO: the last writer closed the terminal
        if w:
            try:
                # A line at a time at most, as a typist would: the
                # terminal's input queue is small.
                end = data.find(b'\n', off, off + 4096)
                end = off + 4096 if end < 0 else end + 1
                off += os.write(fd, data[off:end])
            except BlockingIOError:
                pass
    _, status, ru = os.wait4(pid, 0)
    os.close(fd)
    print('%d %.3f %d' % (ru.ru_maxrss, time.monotonic() - start, lines))
    return 0 if ok and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 else 1


sys.exit(main())
