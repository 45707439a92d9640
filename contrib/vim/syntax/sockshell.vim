" Vim syntax file
" Language:	sockshell lesson (*.sock), the language of sockshell(1)
" Installed as $(datadir)/vim/vimfiles/syntax/sockshell.vim; with
" ftdetect/sockshell.vim beside it, Vim knows *.sock files and files
" whose first line is "#!/usr/bin/env sockshell".
"
" The command names are those of src/cmdtab.c, the keyword lists those of
" src/keywords.c: tests/contrib/vim-words.sh fails when they drift apart.
" A command is recognised in command position only (a line's first word,
" or the first after a ';', after an optional handle number); the keywords
" only among its arguments.

if exists('b:current_syntax')
  finish
endif
let s:cpo_save = &cpo
set cpo&vim

syn case match
syn iskeyword @,48-57,_

" ---- the first word of a command ----
syn match sockshellHandle /\%(\%(^\|;\)\s*\)\@<=\d\+\>/ nextgroup=sockshellCmdAfter,sockshellExpectLine skipwhite
syn match sockshellCmdWord /\%(\%(^\|;\)\s*\)\@<=\%(expect\>\)\@!\a[a-z0-9_]*/ contains=sockshellCommand nextgroup=sockshellArgs
syn match sockshellCmdAfter /\%(expect\>\)\@!\a[a-z0-9_]*/ contained contains=sockshellCommand nextgroup=sockshellArgs

" The commands of the table (sockshell -c help), expect apart.
syn keyword sockshellCommand contained socket bind listen accept connect shutdown close socketpair dial unlink
syn keyword sockshellCommand contained send recv sendto recvfrom drain poll select sockatmark nonblock sendmsg recvmsg
syn keyword sockshellCommand contained setsockopt getsockopt join leave
syn keyword sockshellCommand contained getsockname getpeername getaddrinfo gethostname
syn keyword sockshellCommand contained status tcpinfo capture host use sleep echo
syn keyword sockshellCommand contained set source save require
syn keyword sockshellCommand contained help quit exit
syn keyword sockshellCommand contained link

" ---- the arguments ----
syn region sockshellArgs start=/\s/ end=/\ze;\|$/ contained contains=@sockshellArgItems
syn cluster sockshellArgItems contains=sockshellFamily,sockshellType,sockshellProto,sockshellFlag,sockshellHow,sockshellOnOff,sockshellSetting,sockshellDisplay,sockshellOption,sockshellRequire,sockshellFor,sockshellLink,sockshellSwitch,sockshellNumber,sockshellAddress,@sockshellWords

" Words of every kind of line: strings, expansions, comments.
syn cluster sockshellWords contains=sockshellString,sockshellLiteral,sockshellVar,sockshellComment,sockshellSemi

" kw_families, kw_types, kw_protocols, kw_msgflags, kw_shutdown.
syn keyword sockshellFamily contained inet inet6 unix local unspec
syn keyword sockshellType contained stream dgram seqpacket raw
syn keyword sockshellProto contained ip tcp udp icmp icmpv6 sctp raw
syn keyword sockshellFlag contained peek waitall dontwait oob trunc dontroute eor more nosignal errqueue confirm
syn keyword sockshellHow contained rd wr rdwr
" kw_onoff (1 and 0 are numbers), kw_settings, kw_display.
syn keyword sockshellOnOff contained on off yes no true false
syn keyword sockshellSetting contained display timeout echo errexit capture
syn keyword sockshellDisplay contained text ascii hex both
" kw_sockopts.
syn keyword sockshellOption contained reuseaddr reuseport keepalive broadcast linger rcvbuf sndbuf
syn keyword sockshellOption contained rcvlowat sndlowat rcvtimeo sndtimeo oobinline dontroute error type
syn keyword sockshellOption contained acceptconn domain protocol priority passcred pktinfo recverr
syn keyword sockshellOption contained ttl tos multicast_ttl multicast_loop v6only unicast_hops
syn keyword sockshellOption contained nodelay maxseg cork quickack keepidle keepintvl keepcnt
syn keyword sockshellOption contained bindtodevice mark multicast_if multicast_hops user_timeout fastopen
" require's words, socket's "for HOST".
syn keyword sockshellRequire contained ipv4 ipv6
syn keyword sockshellFor contained for
" kw_link: the conditions of the lab's link.
syn keyword sockshellLink contained delay jitter loss duplicate reorder rate seed none
syn match sockshellSwitch /\%(\s\)\@<=-[a-z]\>/ contained

syn match sockshellNumber /\<\d\+\%(\.\d\+\)\=\>/ contained
syn match sockshellAddress /\<\d\{1,3}\%(\.\d\{1,3}\)\{3}\>/ contained
syn match sockshellAddress excludenl /\[[0-9A-Fa-f:.%]\+\]\|\%(\s\)\@<=[0-9A-Fa-f]*::[0-9A-Fa-f:.]*\%(%\w\+\)\=\|@\w\+\|\%(\s\)\@<=\*\%(\s\|$\)\@=/ contained

" ---- expect lines: the whole line stands out ----
syn region sockshellExpectLine matchgroup=sockshellExpectCmd start=/\<expect\>/ end=/\ze;\|$/ contains=sockshellExpectWord,sockshellErrno,sockshellCompare,sockshellNumber,@sockshellWords
syn keyword sockshellExpectWord contained eof ok timeout truncated packet packets
syn match sockshellErrno /\<EAI_[A-Z0-9_]\+\>\|\<E[A-Z0-9]\+\>/ contained
syn match sockshellCompare /\%([<>]=\=\|!=\)\ze\d/ contained

" ---- strings, expansions, comments ----
" "..." has C escapes and expansions; '...' is literal; both end on
" their line.  An unknown escape is an error, as in the shell.
syn region sockshellString start=/"/ skip=/\\\\\|\\"/ excludenl end=/"\|$/ contains=sockshellBadEscape,sockshellEscape,sockshellVar
syn match sockshellBadEscape /\\./ contained
syn match sockshellBadEscape excludenl /\\$/ contained
syn match sockshellEscape /\\[nrt0\\"abefv'$]\|\\x\x\{1,2}/ contained
syn region sockshellLiteral start=/'/ excludenl end=/'\|$/
syn match sockshellVar /\${[^}]*}\|\$\d/
syn match sockshellSemi /;/
syn match sockshellComment /#.*/ contains=sockshellTodo,@Spell
syn keyword sockshellTodo contained TODO FIXME XXX NOTE
syn match sockshellShebang /\%^#!.*$/

hi def link sockshellHandle	Number
hi def link sockshellCommand	Statement
hi def link sockshellExpectCmd	PreProc
hi def link sockshellExpectLine	Special
hi def link sockshellExpectWord	Constant
hi def link sockshellErrno	Constant
hi def link sockshellCompare	Operator
hi def link sockshellFamily	Type
hi def link sockshellType	Type
hi def link sockshellProto	Type
hi def link sockshellFlag	Constant
hi def link sockshellHow	Constant
hi def link sockshellLink	Constant
hi def link sockshellOnOff	Boolean
hi def link sockshellSetting	Identifier
hi def link sockshellDisplay	Constant
hi def link sockshellOption	Identifier
hi def link sockshellRequire	Constant
hi def link sockshellFor	Keyword
hi def link sockshellSwitch	Special
hi def link sockshellNumber	Number
hi def link sockshellAddress	Constant
hi def link sockshellString	String
hi def link sockshellLiteral	String
hi def link sockshellEscape	SpecialChar
hi def link sockshellBadEscape	Error
hi def link sockshellVar	Identifier
hi def link sockshellSemi	Delimiter
hi def link sockshellComment	Comment
hi def link sockshellTodo	Todo
hi def link sockshellShebang	PreProc

let b:current_syntax = 'sockshell'
let &cpo = s:cpo_save
unlet s:cpo_save
