#!/bin/sh
# binary.sh - NUL bytes and invalid UTF-8, in commands and in data.  In a
# command they are an error that shows where; in data every byte goes
# through and is shown escaped.
. "${top_srcdir:-.}/tests/hostile/lib.sh"

# In a command name: unknown, with the NUL visible in the message.
printf 'soc\000ket inet stream\n' >"$T/nulcmd.sock"
try "$T/nulcmd.sock"
verdict 'a NUL inside a command name' 2 'nulcmd.sock:1: error: unknown command "soc\0ket"'
try_in "$T/nulcmd.sock"
verdict '... piped to stdin' "1 2" '<stdin>:1: error: unknown command "soc\0ket"'

printf '\000\n' >"$T/nulonly.sock"
try "$T/nulonly.sock"
verdict 'a line that is one NUL byte' 2 'nulonly.sock:1: error: unknown command "\0"'

# In keywords and arguments: refused, never read as the text before it.
printf 'socket inet\000 stream\n' >"$T/nulfam.sock"
try "$T/nulfam.sock"
verdict 'a NUL after a family name' 1 "nulfam.sock:1: error: unknown family 'inet' with a NUL byte after it"

printf 'socket inet stream\nsetsockopt reuseaddr on\000x\n' >"$T/nulopt.sock"
try "$T/nulopt.sock"
verdict 'setsockopt on<NUL>x is not on' 1 'nulopt.sock:2: error: setsockopt reuseaddr: write on or off'
ok '... and no setsockopt call was made' sh -c "! grep -q '^setsockopt' '$T/out'"

printf 'socket inet stream\nsetsockopt reuseaddr\000x on\n' >"$T/nulopt2.sock"
try "$T/nulopt2.sock"
verdict 'an option name with a NUL is unknown' 1 'nulopt2.sock:2: error: unknown option'

printf 'socket inet stream\nsocket inet stream\nuse 3\000\n' >"$T/nuluse.sock"
try "$T/nuluse.sock"
verdict 'use 3<NUL> is not handle 3' 1 "nuluse.sock:3: error: use: there is no open handle"

printf 'socket inet stream\nbind 127.0.0.1\000 0\nconnect 127.0.0.1 8\0000\n' >"$T/nuladdr.sock"
try "$T/nuladdr.sock"
verdict 'NUL in a host and in a port' 1 'nuladdr.sock:2: error: an address cannot hold a NUL byte' \
	'nuladdr.sock:3: error: a port cannot hold a NUL byte'

printf 'socketpair\nrecv 1\0006\nsource a\000b\nsave x\000y\n' >"$T/nulmisc.sock"
try "$T/nulmisc.sock"
verdict 'NUL in a count and in file names' 1 'nulmisc.sock:2: error: bad count' \
	'nulmisc.sock:3: error: source: bad file name' 'nulmisc.sock:4: error: save:'

# Invalid UTF-8 in a command.
printf '\303\050 \377\n\355\240\200 x\n' >"$T/utf8.sock"
try "$T/utf8.sock"
verdict 'invalid UTF-8 as commands' 2 'utf8.sock:1: error: unknown command "\xc3("' \
	'utf8.sock:2: error: unknown command "\xed\xa0\x80"'
try_in "$T/utf8.sock"
verdict '... piped to stdin' "1 2" '<stdin>:1: error: unknown command' '<stdin>:2: error:'

# In data: NUL, invalid UTF-8 and every other byte go through a socket and
# are shown escaped; expect compares them byte for byte.
printf 'socketpair\nsend "a\\0b\\xff\\xfe\\xc3\\x28\\xed\\xa0\\x80"\n4 recv 100\nexpect 10 "a\\0b\\xff\\xfe\\xc3\\x28\\xed\\xa0\\x80"\n' \
	>"$T/data.sock"
try --tap "$T/data.sock"
verdict 'NUL and invalid UTF-8 as data' 0
out_has 'recv(4, 100, 0) = 10 "a\0b\xff\xfe\xc3(\xed\xa0\x80"' 'shown escaped, every byte'

# Raw bytes (not escapes) inside quotes are data too.
printf 'socketpair\nsend "x\000y\377z"\n4 recv 10\nexpect "x\\0y\\xffz"\n' >"$T/raw.sock"
try --tap "$T/raw.sock"
verdict 'a raw NUL and 0xff inside quotes are sent' 0
out_has 'recv(4, 10, 0) = 5 "x\0y\xffz"' 'and shown'

# All 256 byte values, one datagram.
awk 'BEGIN { printf "socketpair dgram\nsend \""; for (i = 0; i < 256; i++) printf "\\x%02x", i;
	printf "\"\n4 recv 300\nexpect 256\n" }' >"$T/all.sock"
try --tap "$T/all.sock"
verdict 'all 256 byte values in one datagram' 0
out_has '\xfd\xfe\xff"' 'the last ones shown'
out_has '"\0\x01\x02' 'and the first ones'

# Hex display of binary data.
printf 'socketpair\nset display both\nsend "\\0\\x01\\xff\\n"\n4 recv 10\n' >"$T/hex.sock"
try "$T/hex.sock"
verdict 'set display both with binary data' 0
out_has '00 01 ff 0a' 'the hex dump shows the bytes'

# Binary data in a file sent with -f.
printf 'a\000b\377' >"$T/blob"
printf 'socketpair\nsend -f %s\n4 recv 10\nexpect 4 "a\\0b\\xff"\n' "$T/blob" >"$T/file.sock"
try --tap "$T/file.sock"
verdict 'send -f of a binary file' 0

finish
