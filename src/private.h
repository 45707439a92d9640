/*
 * private.h - sockshell --private and --join PID: the session in a network
 * of its own (a user and network namespace with only loopback up), and a
 * second shell in that network.
 */
#ifndef SOCKSHELL_PRIVATE_H
#define SOCKSHELL_PRIVATE_H

struct shell;

/* Move this process into a new user and network namespace, the user
 * mapped to root inside, loopback up; say how another terminal joins it
 * (on stdout when chatty, else on stderr).  Opens no descriptor that
 * stays open.  Returns 0, or EXIT_FAILED after one line saying why not
 * (naming the system setting that refuses user namespaces, where one
 * does). */
int private_enter(struct shell *sh, int chatty);

/* Join the user and network namespaces of process pid_text (a --private
 * sockshell).  Returns 0, or the exit status after saying why not:
 * EXIT_USAGE for a PID that is no number, else EXIT_FAILED. */
int private_join(struct shell *sh, const char *pid_text);

#endif
