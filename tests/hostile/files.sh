#!/bin/sh
# files.sh - source and save against missing files, directories, itself,
# unwritable paths, existing files and symlinks.
. "${top_srcdir:-.}/tests/hostile/lib.sh"

cd "$T" || exit 1

# ---- source ----
lesson missing.sock 'source %s/no/such/file.sock\necho after\n' "$T"
try "$f"
verdict 'source of a missing file' 1 'missing.sock:1: error: source: cannot read' 'No such file or directory'
out_has after '... and the script goes on'

lesson dir.sock 'source %s\necho after\n' "$T"
try "$f"
verdict 'source of a directory' 1 'dir.sock:1: error: source: cannot read' 'Is a directory'

lesson self.sock 'echo in\nsource %s/self.sock\n' "$T"
try "$f"
verdict 'a file that sources itself: the nesting is capped' 1 'error: source: files nest more than 16 deep'
ok '... at 16 levels' test "$(grep -c '^in$' "$T/out")" -eq 16

# Twice per level would be 2^16 runs without the unwinding.
lesson twice.sock 'source %s/twice.sock\nsource %s/twice.sock\necho top goes on\n' "$T" "$T"
try -c "source $f; echo after"
verdict 'a file that sources itself twice: capped, and fast' 1 'error: source: files nest more than 16 deep'
ok '... with one error per top-level source' test "$(grep -c 'nest more than' "$T/err")" -le 2
out_has after '... and the command line goes on'

lesson a.sock 'source %s/b.sock\n' "$T"
lesson b.sock 'source %s/a.sock\n' "$T"
try "$T/a.sock"
verdict 'two files that source each other' 1 'nest more than 16 deep'

lesson bad.sock 'echo "unterminated\n'
lesson outer.sock 'source %s/bad.sock\necho outer goes on\n' "$T"
try "$T/outer.sock"
verdict 'source of a file with a syntax error' "1 2" 'bad.sock:1: error: unterminated'
out_has 'outer goes on' '... the outer file goes on'

printf 'socketpair\n' >"$T/noperm.sock"
chmod 000 "$T/noperm.sock"
if test -r "$T/noperm.sock"; then
	skip 'source of an unreadable file' 'running as root: mode 000 is readable'
else
	try -c "source $T/noperm.sock"
	verdict 'source of an unreadable file' 1 'Permission denied'
fi
chmod 644 "$T/noperm.sock"

try -c "socketpair; send -f $T/no-such-file"
verdict 'send -f of a missing file' 1 '-f: cannot read'
try -c "socketpair; send -f $T"
verdict 'send -f of a directory' 1 'Is a directory'

try "$T/no-such-lesson.sock"
verdict 'a lesson file that does not exist' 2 'cannot read'
try "$T"
verdict 'a directory as the lesson file' 2 'Is a directory'

# ---- save ----
try -c "socketpair; save $T/no/such/dir/x.sock"
verdict 'save to a missing directory' 1 'save: cannot write'
mkdir ro
chmod 555 ro
if touch ro/probe 2>/dev/null; then
	rm -f ro/probe
	skip 'save into a read-only directory' 'running as root: mode 555 is writable'
else
	try -c "socketpair; save $T/ro/x.sock"
	verdict 'save into a read-only directory' 1 'Permission denied'
fi
chmod 755 ro
try -c "socketpair; save /proc/version"
verdict 'save over a file of /proc (exists)' 1 'exists'
try -c "socketpair; save -f /proc/version"
verdict 'save -f to a file that takes no writes' 1 'save: '

try -c 'socketpair; save new.sock'
verdict 'save to a new file' 0
ok '... made 0644 (umask 022)' sh -c "umask 022; test \"\$(stat -c %a new.sock 2>/dev/null || stat -f %Lp new.sock)\" = 644"
ok '... a lesson that passes --check' "$SOCKSHELL" --check new.sock

echo precious >keep.txt
try -c 'socketpair; save keep.txt'
verdict 'save over an existing file without -f is refused' 1 'keep.txt exists (save -f keep.txt to overwrite it)'
ok '... and leaves it alone' test "$(cat keep.txt)" = precious

ln -s keep.txt link.sock
try -c 'socketpair; save link.sock'
verdict 'save over a symlink without -f is refused' 1 'link.sock exists'
ok '... the file behind it is left alone' test "$(cat keep.txt)" = precious
ok '... and so is the link' test -L link.sock

ln -s "$T/nowhere.txt" dangling.sock
try -c 'socketpair; save dangling.sock'
verdict 'save over a dangling symlink without -f is refused' 1 'dangling.sock exists'
ok '... and creates nothing where it points' test ! -e nowhere.txt

try -c 'socketpair; save -f keep.txt'
verdict 'save -f overwrites' 0
ok '... the file now holds the session' grep -q '^socketpair$' keep.txt

try -c 'socketpair; save -f'
verdict 'save -f without a file' 1 'save:'

# A lesson file cannot write files at all, nor can a script on stdin
# (curl ... | sockshell is as much someone else's): only -c and the prompt.
lesson writer.sock 'socketpair\nsave %s/written.sock\nsave -f %s/keep.txt\n' "$T" "$T"
try "$f"
verdict 'save from a lesson file is refused' 1 'writer.sock:2: error: save: only at the prompt'
ok '... nothing is written' test ! -e written.sock
try -c "source $f"
verdict 'save from a file sourced by -c is refused' 1 'writer.sock:2: error: save: only at the prompt'
ok '... nothing is written' test ! -e written.sock
printf 'socketpair\nsave %s/piped.sock\n' "$T" > "$T/piped.in"
try_in "$T/piped.in"
verdict 'save from a script on stdin is refused' 1 '<stdin>:2: error: save: only at the prompt'
ok '... nothing is written' test ! -e "$T/piped.sock"

finish
