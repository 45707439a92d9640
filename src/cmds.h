/*
 * cmds.h - the command handlers, one per row of the command table
 * (cmdtab.c), grouped by the file that holds them.  A handler gets its
 * words, argv[0] the command name; it returns CMD_OK, CMD_ERROR or
 * CMD_EXIT and never exits the process.
 */
#ifndef SOCKSHELL_CMDS_H
#define SOCKSHELL_CMDS_H

#include "lexer.h"

struct shell;

/* cmd_socket.c: sockets, addresses and names */
int cmd_socket(struct shell *, int, struct word *);
int cmd_bind(struct shell *, int, struct word *);
int cmd_listen(struct shell *, int, struct word *);
int cmd_accept(struct shell *, int, struct word *);
int cmd_connect(struct shell *, int, struct word *);
int cmd_close(struct shell *, int, struct word *);
int cmd_shutdown(struct shell *, int, struct word *);
int cmd_getsockname(struct shell *, int, struct word *);
int cmd_getpeername(struct shell *, int, struct word *);
int cmd_getaddrinfo(struct shell *, int, struct word *);
int cmd_gethostname(struct shell *, int, struct word *);
int cmd_socketpair(struct shell *, int, struct word *);
int cmd_dial(struct shell *, int, struct word *);
int cmd_unlink(struct shell *, int, struct word *);

/* cmd_io.c: data and waiting */
int cmd_send(struct shell *, int, struct word *);
int cmd_recv(struct shell *, int, struct word *);
int cmd_sendto(struct shell *, int, struct word *);
int cmd_recvfrom(struct shell *, int, struct word *);
int cmd_drain(struct shell *, int, struct word *);
int cmd_poll(struct shell *, int, struct word *);
int cmd_nonblock(struct shell *, int, struct word *);
/* cmd_wait.c: select */
int cmd_select(struct shell *, int, struct word *);
/* cmd_oob.c: urgent data */
int cmd_sockatmark(struct shell *, int, struct word *);

/* cmd_msg.c: data with ancillary data */
int cmd_sendmsg(struct shell *, int, struct word *);
int cmd_recvmsg(struct shell *, int, struct word *);

/* cmd_capture.c: seeing the wire */
int cmd_capture(struct shell *, int, struct word *);

/* cmd_lab.c: the hosts of the lab */
int cmd_host(struct shell *, int, struct word *);

/* cmd_link.c: the conditions of the lab's link */
struct link_cond;
int cmd_link(struct shell *, int, struct word *);

/* cmd_opt.c: socket options */
int cmd_setsockopt(struct shell *, int, struct word *);
int cmd_getsockopt(struct shell *, int, struct word *);

/* cmd_mcast.c: multicast groups */
int cmd_join(struct shell *, int, struct word *);
int cmd_leave(struct shell *, int, struct word *);

/* cmd_meta.c: the shell itself */
int cmd_status(struct shell *, int, struct word *);
int cmd_tcpinfo(struct shell *, int, struct word *);
int cmd_use(struct shell *, int, struct word *);
int cmd_sleep(struct shell *, int, struct word *);
int cmd_echo(struct shell *, int, struct word *);
int cmd_set(struct shell *, int, struct word *);
int cmd_source(struct shell *, int, struct word *);
int cmd_quit(struct shell *, int, struct word *);
int cmd_require(struct shell *, int, struct word *);

/* help.c: the command table read out (in the table's layer) */
int cmd_help(struct shell *, int, struct word *);

/* lesson.c: lessons */
int cmd_expect(struct shell *, int, struct word *);
int cmd_save(struct shell *, int, struct word *);

#endif
