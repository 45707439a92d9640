;;; sockshell-mode.el --- major mode for sockshell lessons  -*- lexical-binding: t -*-

;;; Commentary:

;; Highlighting for sockshell(1) lessons: commands, keywords, strings and
;; their escapes, ${VAR}, comments and expect lines.  A file is a lesson
;; by its name (*.sock) or by a first line that runs sockshell
;; (#!/usr/bin/env sockshell).  Installed in $(datadir)/emacs/site-lisp;
;; put (require 'sockshell-mode) in ~/.emacs.
;;
;; The command list is that of "sockshell -c help", the keyword list that
;; of contrib/vim/syntax/sockshell.vim (itself held to src/keywords.c):
;; tests/contrib/emacs.sh fails when they drift apart.

;;; Code:

(defconst sockshell-commands
  '("socket" "bind" "listen" "accept" "connect" "shutdown" "close"
    "socketpair" "dial" "unlink"
    "send" "recv" "sendto" "recvfrom" "drain" "poll" "select" "sockatmark" "nonblock"
    "sendmsg" "recvmsg"
    "setsockopt" "getsockopt" "join" "leave"
    "getsockname" "getpeername" "getaddrinfo" "gethostname"
    "status" "tcpinfo" "capture" "host" "use" "sleep" "echo"
    "expect" "set" "source" "save" "require"
    "help" "quit" "exit"
    "link")
  "The commands of sockshell's command table.")

(defconst sockshell-keywords
  '("inet" "inet6" "unix" "local" "unspec"
    "stream" "dgram" "seqpacket" "raw"
    "ip" "tcp" "udp" "icmp" "icmpv6" "sctp"
    "peek" "waitall" "dontwait" "oob" "trunc" "dontroute" "eor" "more"
    "nosignal" "errqueue" "confirm"
    "rd" "wr" "rdwr" "on" "off" "yes" "no" "true" "false"
    "display" "timeout" "echo" "errexit" "capture" "text" "ascii" "hex" "both"
    "reuseaddr" "reuseport" "keepalive" "broadcast" "linger" "rcvbuf"
    "sndbuf" "rcvlowat" "sndlowat" "rcvtimeo" "sndtimeo" "oobinline"
    "error" "type" "acceptconn" "domain" "protocol" "priority"
    "passcred" "pktinfo" "recverr"
    "ttl" "tos" "multicast_ttl" "multicast_loop" "v6only" "unicast_hops"
    "nodelay" "maxseg" "cork" "quickack" "keepidle" "keepintvl" "keepcnt"
    "bindtodevice" "mark" "multicast_if" "multicast_hops" "user_timeout"
    "fastopen"
    "ipv4" "ipv6" "for" "eof" "ok" "truncated" "packet" "packets"
    "delay" "jitter" "loss" "duplicate" "reorder" "rate" "seed" "none")
  "Families, types, protocols, flags, settings, option names and the
words of require, expect and link.")

(defconst sockshell--head "\\(?:^\\|;\\)[ \t]*\\(?:\\([0-9]+\\)[ \t]+\\)?"
  "A command's position: a line's start or a `;', then a handle number.")

(defun sockshell--in-double-quotes (limit re)
  "Find RE before LIMIT outside single quotes: in a \"...\" string or none."
  (let (found)
    (while (and (not found) (re-search-forward re limit t))
      (unless (eq (nth 3 (save-excursion (syntax-ppss (match-beginning 0)))) ?')
        (setq found t)))
    found))

(defun sockshell--var (limit)
  "Font-lock matcher: the next ${...} or $N before LIMIT that expands."
  (sockshell--in-double-quotes limit "\\${[^}\n]*}\\|\\$[0-9]"))

(defun sockshell--escape (limit)
  "Font-lock matcher: the next escape of a \"...\" string before LIMIT."
  (let (found)
    (while (and (not found)
                (re-search-forward
                 "\\\\\\(?:[nrt0\\\"abefv'$]\\|x[0-9A-Fa-f][0-9A-Fa-f]?\\)" limit t))
      (when (eq (nth 3 (save-excursion (syntax-ppss (match-beginning 0)))) ?\")
        (setq found t)))
    found))

(defvar sockshell-font-lock-keywords
  `((,(concat sockshell--head "\\(expect\\)\\_>")
     (1 font-lock-constant-face nil t) (2 font-lock-preprocessor-face))
    (,(concat sockshell--head (regexp-opt sockshell-commands 'symbols))
     (1 font-lock-constant-face nil t) (2 font-lock-keyword-face))
    ("\\_<EAI_[A-Z0-9_]+\\_>\\|\\_<E[A-Z0-9]+\\_>" . font-lock-constant-face)
    (,(regexp-opt sockshell-keywords 'symbols) . font-lock-type-face)
    ("@[[:alnum:]_]+" . font-lock-builtin-face)
    (sockshell--var 0 font-lock-variable-name-face t)
    (sockshell--escape 0 'font-lock-regexp-grouping-backslash t))
  "What `sockshell-mode' highlights.")

(defvar sockshell-mode-syntax-table
  (let ((st (make-syntax-table)))
    (modify-syntax-entry ?# "<" st)
    (modify-syntax-entry ?\n ">" st)
    (modify-syntax-entry ?\" "\"" st)
    (modify-syntax-entry ?' "\"" st)
    (modify-syntax-entry ?\\ "\\" st)
    (modify-syntax-entry ?_ "_" st)
    (dolist (c '(?$ ?{ ?} ?@ ?\; ?< ?> ?= ?! ?* ?: ?.))
      (modify-syntax-entry c "." st))
    st)
  "Syntax table of `sockshell-mode': # comments, \"...\" and '...' strings.")

;;;###autoload
(define-derived-mode sockshell-mode prog-mode "Sockshell"
  "Major mode for sockshell(1) lessons."
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+[ \t]*")
  (setq-local font-lock-defaults '(sockshell-font-lock-keywords)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.sock\\'" . sockshell-mode))
;;;###autoload
(add-to-list 'interpreter-mode-alist '("sockshell" . sockshell-mode))

(provide 'sockshell-mode)
;;; sockshell-mode.el ends here
