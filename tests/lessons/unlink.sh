#!/bin/sh
# unlink removes a unix socket's path and refuses every other kind of file.
. "${top_srcdir:-.}/tests/lib/tap.sh"
: "${SOCKSHELL:?}"
dir=$T
printf 'keep me\n' > "$dir/file"
mkdir "$dir/subdir"
# After a failed point: what the shell said.
show_out() { printf '%s\n' "$out" | sed 's/^/#   /'; }
tap_on_fail show_out

out=$(bounded "$SOCKSHELL" -c "unlink $dir/file" 2>&1); st=$?
ok "unlink of a regular file is refused (status 1)" eval '[ "$st" = 1 ]'
ok "the refusal names the file" eval 'printf "%s" "$out" | grep -F -q "$dir/file is not a socket"'
ok "the file is still there" eval '[ -f "$dir/file" ] && grep -q "keep me" "$dir/file"'
ok "no unlink call was made" eval '! printf "%s" "$out" | grep -q "^unlink("'
out=$(bounded "$SOCKSHELL" -c "unlink $dir/subdir" 2>&1); st=$?
ok "unlink of a directory is refused" eval '[ "$st" = 1 ] && [ -d "$dir/subdir" ]'
ln -s file "$dir/link"
out=$(bounded "$SOCKSHELL" -c "unlink $dir/link" 2>&1); st=$?
ok "unlink of a symlink is refused" eval '[ "$st" = 1 ] && [ -L "$dir/link" ]'
out=$(bounded "$SOCKSHELL" -c "socket unix dgram; bind $dir/s; unlink $dir/s; expect 0" 2>&1); st=$?
ok "a socket's path is removed" eval '[ "$st" = 0 ] && [ ! -e "$dir/s" ]'
ok "the call is traced" eval 'printf "%s" "$out" | grep -F -q "unlink(\"$dir/s\") = 0"'
finish
