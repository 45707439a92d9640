#!/bin/sh
# contrib/vim: Vim loads the ftdetect and syntax files without an error,
# knows a lesson by its .sock name or its #! line, and gives the words of
# examples/echo.sock and of a lesson of our own the groups they should
# have (synIDattr(synID(line, col, 1), 'name')).
. "${top_srcdir:-.}/tests/shell/lib.sh"
VIM_BIN=$(command -v vim) || skip_all "vim is not installed"
"$VIM_BIN" --version 2>/dev/null | grep -q '+syntax' || skip_all "this vim has no +syntax"
RTP=$top_srcdir/contrib/vim

# vim_run FILE SCRIPT: open FILE in a vim that knows only contrib/vim
# (-u NONE: no vimrc, no plugins), run the Vim script SCRIPT, which
# writes its answers with Say(); they land in $T/vim.out, one a line,
# after "ft=" (the filetype), "syntax=" (b:current_syntax) and
# "errors=" (v:errmsg and any exception of :edit).
vim_run() {
	cat >"$T/probe.vim" <<VIM
let g:out = []
function! Say(s)
  call add(g:out, a:s)
endfunction
" The group of the character OFF bytes into the first match of PAT.
function! Group(pat, off)
  call cursor(1, 1)
  let l = search(a:pat, 'cW')
  if l == 0
    return 'no match for ' . a:pat
  endif
  return synIDattr(synID(l, col('.') + a:off, 1), 'name')
endfunction
let v:errmsg = ''
let g:err = ''
try
  execute 'edit' fnameescape('$1')
catch
  let g:err = v:exception
endtry
call Say('ft=' . &filetype)
call Say('syntax=' . get(b:, 'current_syntax', ''))
call Say('errors=' . g:err . v:errmsg)
$2
call writefile(g:out, '$T/vim.out')
VIM
	: >"$T/vim.out"
	bounded "$VIM_BIN" -Es -N -u NONE -i NONE --noplugin \
		-c "set rtp^=$RTP" -c 'filetype on' -c 'syntax on' \
		-c "source $T/probe.vim" -c 'qa!' >"$T/vim.err" 2>&1
	vim_status=$?
}

# said KEY: the value of KEY= in the last run's answers.
said() {
	sed -n "s/^$1=//p" "$T/vim.out" | sed -n 1p
}

vim_run "$top_srcdir/examples/echo.sock" '
call Say("comment=" . Group("^# echo.sock", 0))
call Say("command=" . Group("^socket inet stream", 0))
call Say("family=" . Group("^socket inet stream", 7))
call Say("type=" . Group("^socket inet stream", 12))
call Say("address=" . Group("^bind 127", 5))
call Say("expect=" . Group("^expect 3", 0))
call Say("expectnum=" . Group("^expect 3", 7))
call Say("handle=" . Group("^5 recv 16", 0))
call Say("handlecmd=" . Group("^5 recv 16", 2))
call Say("string=" . Group("^4 send \"", 8))
call Say("var=" . Group("^send \"\${data}", 6))
call Say("expectstr=" . Group("^expect \"This", 7))
call Say("eof=" . Group("^expect eof", 7))
call Say("echotext=" . Group("^echo \"The client", 6))'
is "$vim_status" 0 "vim exits 0 after opening examples/echo.sock"
is "$(said errors)" "" "no error loading the ftdetect and syntax files" || diag_file "$T/vim.err" "vim's output"
is "$(said ft)" sockshell "a .sock file is filetype sockshell"
is "$(said syntax)" sockshell "the sockshell syntax is loaded"
is "$(said comment)" sockshellComment "a comment"
is "$(said command)" sockshellCommand "socket is a command"
is "$(said family)" sockshellFamily "inet is a family"
is "$(said type)" sockshellType "stream is a type"
is "$(said address)" sockshellAddress "127.0.0.1 is an address"
is "$(said expect)" sockshellExpectCmd "expect stands out"
is "$(said expectnum)" sockshellNumber "a number in an expect line"
is "$(said handle)" sockshellHandle "a leading handle number"
is "$(said handlecmd)" sockshellCommand "the command after a handle"
is "$(said string)" sockshellString "a quoted string"
is "$(said var)" sockshellVar "\${data} in a string"
is "$(said expectstr)" sockshellString "a string in an expect line"
is "$(said eof)" sockshellExpectWord "eof in an expect line"
is "$(said echotext)" sockshellString "echo's text is a string, not keywords"

cat >"$T/own.sock" <<'LESSON'
set echo on; close
connect ::1 1
expect ECONNREFUSED # refused
send "a\tb\qc" peek
setsockopt reuseaddr on
echo 'it is ${literal}'
4 expect >=5
LESSON
vim_run "$T/own.sock" '
call Say("setting=" . Group("^set echo", 4))
call Say("onoff=" . Group("^set echo on", 9))
call Say("semi=" . Group("on; close", 2))
call Say("second=" . Group("; close", 2))
call Say("ipv6=" . Group("^connect ::1", 8))
call Say("errno=" . Group("^expect ECONN", 7))
call Say("trail=" . Group("# refused", 0))
call Say("escape=" . Group("a\\\\tb", 1))
call Say("bad=" . Group("\\\\qc", 0))
call Say("flag=" . Group("peek$", 0))
call Say("option=" . Group("^setsockopt reuseaddr", 11))
call Say("literal=" . Group("\${literal}", 0))
call Say("compare=" . Group("^4 expect >=", 9))'
is "$(said errors)" "" "no error opening a lesson of our own"
is "$(said setting)" sockshellSetting "set's echo is a setting, not the command"
is "$(said onoff)" sockshellOnOff "on"
is "$(said semi)" sockshellSemi "the ; between commands"
is "$(said second)" sockshellCommand "the command after a ;"
is "$(said ipv6)" sockshellAddress "::1 is an address"
is "$(said errno)" sockshellErrno "an errno name in an expect line"
is "$(said trail)" sockshellComment "a comment after an expect"
is "$(said escape)" sockshellEscape "the escape \\t"
is "$(said bad)" sockshellBadEscape "an unknown escape is an error"
is "$(said flag)" sockshellFlag "peek is a flag"
is "$(said option)" sockshellOption "reuseaddr is an option"
is "$(said literal)" sockshellLiteral "no expansion in single quotes"
is "$(said compare)" sockshellCompare "a comparison after a handle's expect"

# A lesson known by its #! line, whatever its name; and a shell script is not.
for first in '#!/usr/bin/env sockshell' '#!/usr/bin/sockshell'; do
	printf '%s\nsocket inet stream\n' "$first" >"$T/lesson.txt"
	vim_run "$T/lesson.txt" 'call Say("shebang=" . Group("^#!", 0))'
	is "$(said ft)" sockshell "'$first' in lesson.txt: filetype sockshell"
	is "$(said shebang)" sockshellShebang "its #! line"
done
printf '#!/bin/sh\necho sockshell\n' >"$T/script"
vim_run "$T/script" ''
is "$(said ft)" sh "a #!/bin/sh script stays sh"
finish
