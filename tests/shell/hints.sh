#!/bin/sh
# An address of the other family than the socket's: the kernel's error is
# shown as it is, and a line says what to write instead.
. "${top_srcdir:-.}/tests/shell/lib.sh"
# After a failed point: the output it looked at.
show_out() { printf '%s\n' "$out" | sed 's/^/#   /'; }
tap_on_fail show_out

out=$(timeout 10 "$SOCKSHELL" -c 'socket inet6 stream; bind 127.0.0.1 0; expect EINVAL' 2>&1); st=$?
ok "the real call fails with the kernel's EINVAL" eval '[ "$st" = 0 ] && printf "%s\n" "$out" | grep -F -q "bind(3, 127.0.0.1:0) = -1 EINVAL"'
ok "an IPv4 address on an inet6 socket gets the ::ffff: hint" eval 'printf "%s\n" "$out" | grep -F -q "written ::ffff:127.0.0.1 there"'
out=$(timeout 10 "$SOCKSHELL" -c 'socket inet dgram; sendto "x" ::1 9; expect EAFNOSUPPORT' 2>&1); st=$?
ok "an IPv6 address on an inet socket gets its hint" eval '[ "$st" = 0 ] && printf "%s\n" "$out" | grep -F -q "use an inet6 socket for an IPv6 address"'
out=$(timeout 10 "$SOCKSHELL" -c 'socket inet stream; bind 127.0.0.1 0; socket inet stream; connect @3' 2>&1)
ok "no hint when the families match" eval '! printf "%s\n" "$out" | grep -q "takes IPv"'
out=$(timeout 10 "$SOCKSHELL" --tap -c 'socket inet6 stream; bind 127.0.0.1 0; expect EINVAL' 2>&1)
ok "with --tap the hint is a TAP comment" eval 'printf "%s\n" "$out" | grep -q "^#   (an inet6 socket"'
finish
