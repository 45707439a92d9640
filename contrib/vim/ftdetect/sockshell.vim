" sockshell lessons: *.sock, and any file whose first line runs sockshell
" (#!/usr/bin/env sockshell, #!/usr/bin/sockshell), whatever its name.
" Installed as $(datadir)/vim/vimfiles/ftdetect/sockshell.vim.
autocmd BufNewFile,BufRead *.sock setfiletype sockshell
autocmd BufNewFile,BufRead * if &filetype !=# 'sockshell' && getline(1) =~# '^#!\s*\%(\S*/\)\=\%(env\s\+\%(-\S\+\s\+\)*\)\=sockshell\%(\s\|$\)' | set filetype=sockshell | endif
