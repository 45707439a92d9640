#!/bin/sh
# utf8.sh - data as text: under a UTF-8 locale (C.UTF-8) valid, printable
# UTF-8 in data is shown as characters, "año" (4 bytes: the count stays in
# bytes); under the C locale, and with set display ascii, every byte that
# is not printable ASCII is escaped as before.  A character cut by a
# 16-byte recv is escaped byte by byte, and so are the attacks UTF-8 can
# carry: the C1 CSI (U+009B, a terminal's ESC [), a bidi override
# (U+202E) and isolate (U+2066), a line separator (U+2028), in data, in
# echo lines and in TAP descriptions, so that no escape sequence, no bidi
# trick and no line that reads as TAP reaches the terminal.  Lesson files
# hold UTF-8 as it is (send "año", expect "año"), and save writes a
# lesson that replays.
. "${top_srcdir:-.}/tests/hostile/lib.sh"

if ! LC_ALL=C.UTF-8 locale charmap 2>/dev/null | grep -i '^utf-\{0,1\}8$' >/dev/null; then
	skip_all "no C.UTF-8 locale here"
fi

# The lesson: a character cut by a 16-byte recv ("ñ" is bytes 16 and 17),
# the attacks, then the same data under set display ascii.
lesson utf8.sock '%s\n' \
	'socketpair' \
	'send "año"' \
	'4 recv 16' \
	'expect "año"' \
	'expect 4' \
	'3 send "0123456789abcdeñ"' \
	'4 recv 16' \
	'expect "0123456789abcde\xc3"' \
	'recv 16' \
	'expect "\xb1"' \
	'3 send "\xc2\x9b""2J \xe2\x80\xae""evil \xe2\x81\xa6 \xe2\x80\xa8ok 9"' \
	'4 recv 100' \
	'echo ${data}' \
	'echo "\xe2\x80\xa8""ok 5 - x \xc2\x9b""31m"' \
	'set display ascii' \
	'3 send "año"' \
	'4 recv 16' \
	'expect "año"'
u=$f

# grep with the C locale: bytes are bytes.
g() {
	LC_ALL=C grep -F -e "$1" "$2" >/dev/null
}
# noattack FILE: no C1 CSI, RLO, LRI or LS in FILE, as raw bytes.
noattack() {
	! LC_ALL=C grep -e "$(printf '\302\233')" -e "$(printf '\342\200\256')" \
		-e "$(printf '\342\201\246')" -e "$(printf '\342\200\250')" "$1" >/dev/null
}

LC_ALL=C.UTF-8
export LC_ALL
try "$u"
verdict 'under C.UTF-8 the lesson passes' 0
out_has 'send(3, "año", 4, 0) = 4' 'the data sent is shown as text'
out_has 'recv(4, 16, 0) = 4 "año"' 'the data received too, its count in bytes'
out_has '= 16 "0123456789abcde\xc3"' 'a character cut at the end of a recv: its first byte escaped'
out_has 'recv(4, 16, 0) = 1 "\xb1"' '... and the rest of it in the next recv'
out_has '"\xc2\x9b2J \xe2\x80\xaeevil \xe2\x81\xa6 \xe2\x80\xa8ok 9"' 'C1 CSI, RLO, LRI and LS in data are escaped byte by byte'
out_has '\xc2\x9b2J \xe2\x80\xaeevil' 'in an echo line too'
out_has '\xe2\x80\xa8ok 5 - x \xc2\x9b31m' 'a line separator cannot start a line that reads as TAP'
out_has 'send(3, "a\xc3\xb1o", 4, 0) = 4' 'set display ascii escapes every byte that is not ASCII'
ok 'no C1 CSI, bidi control or line separator reaches stdout' noattack "$T/out"
try --tap "$u"
verdict 'with --tap too' 0
ok '... and stdout holds none of them' noattack "$T/out"
ok 'every line is a TAP line the shell made' sh -c \
	"! LC_ALL=C grep -v -E '^(ok|not ok) [0-9]+ - |^#|^1\\.\\.[0-9]+\$' '$T/out' >/dev/null"
out_has 'utf8.sock:4: recv = "a\xc3\xb1o"' 'TAP descriptions stay the same in every locale'

LC_ALL=C
export LC_ALL
try "$u"
verdict 'under the C locale the lesson passes' 0
out_has 'recv(4, 16, 0) = 4 "a\xc3\xb1o"' 'the data is escaped as ever'
if g 'año"' "$T/out"; then
	fail 'no data is shown as text'
else
	pass 'no data is shown as text'
fi

# save writes a lesson that replays, in either locale.
rm -f "$T/saved.sock"
LC_ALL=C.UTF-8 $bound "$SOCKSHELL" -c "socketpair; send \"año\"; 4 recv 16; save -f $T/saved.sock" \
	</dev/null >"$T/out" 2>"$T/err"
has "$T/saved.sock" 'send "año"' 'save keeps the command as it was written'
try --tap "$T/saved.sock"
verdict 'the saved lesson replays under C' 0
LC_ALL=C.UTF-8 $bound "$SOCKSHELL" --tap "$T/saved.sock" </dev/null >"$T/out" 2>"$T/err"
status=$?
verdict '... and under C.UTF-8' 0
finish
