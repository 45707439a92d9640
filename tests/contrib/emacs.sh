#!/bin/sh
# contrib/emacs/sockshell-mode.el: its command list is that of
# "sockshell -c help", its keyword list that of the Vim syntax (held to
# src/keywords.c by vim-words.sh); where emacs is installed, it loads and
# byte-compiles without a warning, knows a lesson by its name or its #!
# line, and gives chosen words the faces they should have.
. "${top_srcdir:-.}/tests/shell/lib.sh"
MODE=$top_srcdir/contrib/emacs/sockshell-mode.el
SYNTAX=$top_srcdir/contrib/vim/syntax/sockshell.vim
test -r "$MODE" && test -r "$SYNTAX" || bail "missing $MODE or $SYNTAX"

# el_list NAME: the strings of (defconst NAME '(...)), sorted, one line.
el_list() {
	sed -n "/^(defconst $1\$/,/)\$/p" "$MODE" | grep -o '"[^"]*"' |
		tr -d '"' | LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//'
}

cmds=$("$SOCKSHELL" -c help | sed -n 's/^    \([a-z][a-z]*\).*/\1/p' |
	LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//')
like "$cmds" '^accept .* use$' "help lists the commands (so the next point means something)"
is "$(el_list sockshell-commands)" "$cmds" "sockshell-commands are the commands of help"
words=$(sed -n '/^syn keyword sockshellCommand /d; /^syn keyword sockshellTodo /d; s/^syn keyword sockshell[A-Za-z]* contained //p' "$SYNTAX" |
	tr ' ' '\n' | sed '/^$/d' | LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//')
like "$words" '^acceptconn .* yes$' "the Vim syntax has keywords (so the next point means something)"
is "$(el_list sockshell-keywords)" "$words" "sockshell-keywords are the Vim syntax's keywords"

EMACS_BIN=$(command -v emacs) || { skip_block 15 "emacs is not installed"; finish; }

# el_run FILE CODE: visit FILE with the mode loaded (-Q: nothing else),
# fontify it, run the Lisp CODE, which prints KEY=VALUE lines with (say
# KEY VALUE); they land in $T/el.out.
el_run() {
	cat >"$T/probe.el" <<'LISP'
(defun say (k v) (princ (format "%s=%s\n" k v)))
(defun face-at (re off)
  (goto-char (point-min))
  (if (re-search-forward re nil t)
      (get-text-property (+ (match-beginning 0) off) 'face)
    (format "no match for %s" re)))
(find-file (car command-line-args-left))
(setq command-line-args-left nil)
(font-lock-ensure)
(say "mode" major-mode)
LISP
	printf '%s\n' "$2" >>"$T/probe.el"
	bounded "$EMACS_BIN" -Q --batch -l "$MODE" -l "$T/probe.el" "$1" >"$T/el.out" 2>"$T/el.err"
	el_status=$?
}
said() {
	sed -n "s/^$1=//p" "$T/el.out" | sed -n 1p
}

cp "$MODE" "$T/sockshell-mode.el" || bail "cannot copy $MODE"
bounded "$EMACS_BIN" -Q --batch --eval '(setq byte-compile-error-on-warn t)' \
	-f batch-byte-compile "$T/sockshell-mode.el" >"$T/compile.out" 2>&1
st=$?
is "$st" 0 "it byte-compiles without a warning" || diag_file "$T/compile.out" "emacs"

el_run "$top_srcdir/examples/echo.sock" '
(say "comment" (face-at "^# echo" 2))
(say "command" (face-at "^socket inet" 0))
(say "family" (face-at "^socket inet" 7))
(say "expect" (face-at "^expect 3" 0))
(say "handle" (face-at "^5 recv" 0))
(say "handlecmd" (face-at "^5 recv" 2))
(say "var" (face-at "^send \"\\${data" 6))
(say "echotext" (face-at "^echo \"The client" 6))'
is "$el_status" 0 "emacs opens examples/echo.sock without an error" || diag_file "$T/el.err" "emacs"
is "$(said mode)" sockshell-mode "a .sock file is in sockshell-mode"
is "$(said comment)" font-lock-comment-face "a comment"
is "$(said command)" font-lock-keyword-face "socket is a command"
is "$(said family)" font-lock-type-face "inet is a keyword"
is "$(said expect)" font-lock-preprocessor-face "expect stands out"
is "$(said handle)" font-lock-constant-face "a leading handle number"
is "$(said handlecmd)" font-lock-keyword-face "the command after a handle"
is "$(said var)" font-lock-variable-name-face "\${data} in a string"
is "$(said echotext)" font-lock-string-face "echo's text is a string"

printf '%s\n' '#!/usr/bin/env sockshell' 'send "a\tb" peek' "echo '\${y}'" >"$T/lesson"
el_run "$T/lesson" '
(say "escape" (face-at "a.tb" 1))
(say "literal" (face-at "\\${y" 0))'
is "$(said mode)" sockshell-mode "'#!/usr/bin/env sockshell' in a file without .sock: sockshell-mode"
is "$(said escape)" font-lock-regexp-grouping-backslash "the escape \\t"
is "$(said literal)" font-lock-string-face "no expansion in single quotes"
printf '#!/usr/bin/sockshell\nclose\n' >"$T/other"
el_run "$T/other" ''
is "$(said mode)" sockshell-mode "'#!/usr/bin/sockshell': sockshell-mode"
finish
