#!/bin/sh
# unlink removes a unix socket's path and refuses every other kind of file.
: "${SOCKSHELL:?}"
dir=unlink-sh.tmp
rm -rf "$dir"; mkdir -p "$dir"
printf 'keep me\n' > "$dir/file"
mkdir "$dir/subdir"
n=0
check() { n=$((n + 1)); if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; fi; }

out=$(timeout 10 "$SOCKSHELL" -c "unlink $dir/file" 2>&1); st=$?
check "unlink of a regular file is refused (status 1)" '[ "$st" = 1 ]'
check "the refusal names the file" 'printf "%s" "$out" | grep -F -q "$dir/file is not a socket"'
check "the file is still there" '[ -f "$dir/file" ] && grep -q "keep me" "$dir/file"'
check "no unlink call was made" '! printf "%s" "$out" | grep -q "^unlink("'
out=$(timeout 10 "$SOCKSHELL" -c "unlink $dir/subdir" 2>&1); st=$?
check "unlink of a directory is refused" '[ "$st" = 1 ] && [ -d "$dir/subdir" ]'
ln -s file "$dir/link"
out=$(timeout 10 "$SOCKSHELL" -c "unlink $dir/link" 2>&1); st=$?
check "unlink of a symlink is refused" '[ "$st" = 1 ] && [ -L "$dir/link" ]'
out=$(timeout 10 "$SOCKSHELL" -c "socket unix dgram; bind $dir/s; unlink $dir/s; expect 0" 2>&1); st=$?
check "a socket's path is removed" '[ "$st" = 0 ] && [ ! -e "$dir/s" ]'
check "the call is traced" 'printf "%s" "$out" | grep -F -q "unlink(\"$dir/s\") = 0"'
echo "1..$n"
rm -rf "$dir"
