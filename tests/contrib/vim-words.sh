#!/bin/sh
# contrib/vim/syntax/sockshell.vim cannot drift from the program: its
# command keywords are the names "sockshell -c help" lists (expect has its
# own region), and each keyword group holds exactly the names of its
# table in src/keywords.c (1 and 0 of on/off are left to the numbers).
. "${top_srcdir:-.}/tests/shell/lib.sh"
SYNTAX=$top_srcdir/contrib/vim/syntax/sockshell.vim
KEYWORDS=$top_srcdir/src/keywords.c
test -r "$SYNTAX" && test -r "$KEYWORDS" || bail "missing $SYNTAX or $KEYWORDS"

# group GROUP: the words of the syntax file's "syn keyword GROUP" lines,
# sorted, one line, blanks between.
group() {
	sed -n "s/^syn keyword $1 \(contained \)\{0,1\}//p" "$SYNTAX" |
		tr ' ' '\n' | sed '/^$/d' | LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//'
}

# table NAME: the names of the table kw_NAME in src/keywords.c ({ "name",
# rows; for kw_sockopts the SO("name", ... rows), sorted, one line.
table() {
	sed -n "/^const struct kw_[a-z]* kw_$1\[\] = {/,/^};/p" "$KEYWORDS" |
		sed -n 's/^[^"]*[{(] *"\([^"]*\)".*/\1/p' |
		grep -v '^[01]$' | LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//'
}

cmds=$("$SOCKSHELL" -c help | sed -n 's/^    \([a-z][a-z]*\).*/\1/p' |
	grep -v '^expect$' | LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//')
like "$cmds" '^accept .* unlink use$' "help lists the commands (so the next point means something)"
is "$(group sockshellCommand)" "$cmds" "the command keywords are the commands of help, expect apart"
ok "help lists expect" eval '"$SOCKSHELL" -c help | grep -q "^    expect "'
has "$SYNTAX" 'start=/\<expect\>/' "expect lines have their region"

for pair in families:Family types:Type protocols:Proto msgflags:Flag \
	shutdown:How onoff:OnOff settings:Setting display:Display \
	expect_words:ExpectWord sockopts:Option link:Link; do
	t=${pair%%:*}
	g=sockshell${pair#*:}
	want=$(table "$t")
	if test -z "$want"; then
		fail "kw_$t: no names read from src/keywords.c"
		continue
	fi
	is "$(group "$g")" "$want" "$g holds the names of kw_$t"
done
finish
