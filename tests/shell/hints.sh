#!/bin/sh
# An address of the other family than the socket's: the kernel's error is
# shown as it is, and a line says what to write instead.
: "${SOCKSHELL:?}"
n=0
t() { n=$((n + 1)); if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; printf '%s\n' "$out" | sed 's/^/#   /'; fi; }

out=$(timeout 10 "$SOCKSHELL" -c 'socket inet6 stream; bind 127.0.0.1 0; expect EINVAL' 2>&1); st=$?
t "the real call fails with the kernel's EINVAL" '[ "$st" = 0 ] && printf "%s\n" "$out" | grep -F -q "bind(3, 127.0.0.1:0) = -1 EINVAL"'
t "an IPv4 address on an inet6 socket gets the ::ffff: hint" 'printf "%s\n" "$out" | grep -F -q "written ::ffff:127.0.0.1 there"'
out=$(timeout 10 "$SOCKSHELL" -c 'socket inet dgram; sendto "x" ::1 9; expect EAFNOSUPPORT' 2>&1); st=$?
t "an IPv6 address on an inet socket gets its hint" '[ "$st" = 0 ] && printf "%s\n" "$out" | grep -F -q "use an inet6 socket for an IPv6 address"'
out=$(timeout 10 "$SOCKSHELL" -c 'socket inet stream; bind 127.0.0.1 0; socket inet stream; connect @3' 2>&1)
t "no hint when the families match" '! printf "%s\n" "$out" | grep -q "takes IPv"'
out=$(timeout 10 "$SOCKSHELL" --tap -c 'socket inet6 stream; bind 127.0.0.1 0; expect EINVAL' 2>&1)
t "with --tap the hint is a TAP comment" 'printf "%s\n" "$out" | grep -q "^#   (an inet6 socket"'
echo "1..$n"
