/*
 * keywords.h - every word a user types and every symbol the trace prints.
 *
 * "inet6" <-> AF_INET6, "peek" <-> MSG_PEEK, "wr" <-> SHUT_WR,
 * "reuseaddr" <-> SOL_SOCKET/SO_REUSEADDR, the settings of "set" and the
 * display modes, on/off, the words of "expect", the poll events: one
 * place, which the handlers, the check before a script runs and
 * completion all read.  A new option name is a row here.
 */
#ifndef SOCKSHELL_KEYWORDS_H
#define SOCKSHELL_KEYWORDS_H

#include <stddef.h>

#include "strbuf.h"

/* What fits in an argument position.  The command table gives one per
 * position of each row; the check before a script runs and completion go
 * by it. */
enum arg_kind {
	A_NONE, A_ANY, A_HANDLE, A_FAMILY, A_TYPE, A_PROTO, A_HOST, A_PORT,
	A_DATA, A_COUNT, A_FLAG, A_HOW, A_ONOFF, A_OPTION, A_SETTING, A_FILE,
	A_COMMAND, A_EXPECT,
	A_LINK   /* link's HOST and conditions: kw_link */
};

struct kw_entry {
	const char *name;  /* the word a lesson writes */
	const char *sym;   /* the symbol the trace shows, or NULL */
	int value;
};

/* Each table ends with a row whose name is NULL. */
extern const struct kw_entry kw_families[];
extern const struct kw_entry kw_types[];
extern const struct kw_entry kw_protocols[];
extern const struct kw_entry kw_msgflags[];
extern const struct kw_entry kw_shutdown[];
extern const struct kw_entry kw_pollevents[];
/* on/off and its synonyms: on yes 1 true, off no 0 false. */
extern const struct kw_entry kw_onoff[];
/* Word s[0..len) as on/off: 1 or 0, or -1 when it is neither (a NUL byte
 * in it included: "on\0x" is not "on"). */
int kw_onoff_value(const char *s, size_t len);

/* The word of "socket for HOST TYPE": the family of HOST's address. */
#define KW_FAMILY_FOR "for"

/* The settings of "set", and the modes of "set display". */
enum kw_setting { KW_SET_DISPLAY, KW_SET_TIMEOUT, KW_SET_ECHO, KW_SET_ERREXIT,
	KW_SET_CAPTURE };
extern const struct kw_entry kw_settings[];
extern const struct kw_entry kw_display[];  /* values: enum display_mode */
/* The modes of "set capture": text (the packet lines), hex (and each
 * one's payload as a hex dump); values 0 and 1, sh->capture_hex. */
extern const struct kw_entry kw_capture_modes[];

/* The words of "expect" besides numbers, comparisons, strings and error
 * names. */
enum kw_expect_word { KW_EXPECT_EOF, KW_EXPECT_OK, KW_EXPECT_TIMEOUT, KW_EXPECT_TRUNCATED,
	KW_EXPECT_PACKET, KW_EXPECT_PACKETS };  /* the last two: capture's, first */
extern const struct kw_entry kw_expect_words[];
/* The comparisons, as completion offers them. */
extern const char *const kw_expect_comparisons[];
/* What an expect word may be, for messages: "write ..." and the list
 * alone, in the user's language. */
const char *kw_expect_write(void);
const char *kw_expect_choices(void);

/* The conditions of "link" (cmd_link.c), and "none". */
enum kw_link_word { KW_LINK_DELAY, KW_LINK_JITTER, KW_LINK_LOSS, KW_LINK_DUPLICATE,
	KW_LINK_REORDER, KW_LINK_RATE, KW_LINK_SEED, KW_LINK_NONE };
extern const struct kw_entry kw_link[];

/* What one unquoted expect word asks for. */
enum kw_expect_class {
	KW_EXP_NUMBER,       /* the return value is num */
	KW_EXP_COMPARE,      /* the return value op (<, >, !) [=] num */
	KW_EXP_WORD,         /* value: an enum kw_expect_word */
	KW_EXP_ERRNO,        /* value: the errno */
	KW_EXP_GAI,          /* value: the getaddrinfo error */
	KW_EXP_BAD_NUMBER,   /* begins like a number, is none */
	KW_EXP_BAD_COMPARE,  /* <, >, != without a number after */
	KW_EXP_BAD_ERRNO,    /* E... that no errno is called */
	KW_EXP_BAD_GAI,      /* EAI_... that no getaddrinfo error is called */
	KW_EXP_UNKNOWN       /* anything else (an empty word, a NUL byte) */
};
struct kw_expect {
	enum kw_expect_class cls;
	int op;          /* KW_EXP_COMPARE: '<', '>' or '!' */
	int eq;          /* KW_EXP_COMPARE: followed by '=' */
	long long num;   /* KW_EXP_NUMBER, KW_EXP_COMPARE */
	int value;       /* KW_EXP_WORD, KW_EXP_ERRNO, KW_EXP_GAI */
};
/* Classify the unquoted expect word s[0..len) into *e; returns e->cls.
 * The lesson's check and the check before a script runs both read it. */
enum kw_expect_class kw_expect_classify(const char *s, size_t len, struct kw_expect *e);

/* The row whose name (or, failing that, symbol, case-insensitively) is
 * word, or NULL. */
const struct kw_entry *kw_find(const struct kw_entry *tab, const char *word);
/* The same for a word that may hold NUL bytes, word[0..len): none of its
 * rows then ("on\0x" is not "on"). */
const struct kw_entry *kw_word(const struct kw_entry *tab, const char *word, size_t len);
/* The symbol for value, or NULL when the table has none. */
const char *kw_sym(const struct kw_entry *tab, int value);
/* The word for value, or NULL when the table has none. */
const char *kw_name(const struct kw_entry *tab, int value);
/* Append value's symbol, or the number when it has none. */
void kw_add_sym(struct strbuf *sb, const struct kw_entry *tab, int value);
/* Append flags as "MSG_PEEK|MSG_WAITALL", or "0". */
void kw_add_flags(struct strbuf *sb, const struct kw_entry *tab, int flags);
/* The table of words an argument of kind k takes, or NULL when k's words
 * are not one table (hosts, numbers, data, handles...). */
const struct kw_entry *kw_table(enum arg_kind k);

/* ---- socket options ---- */

/* How an option's value is written and shown. */
enum kw_optkind {
	KW_OPT_BOOL, KW_OPT_INT, KW_OPT_LINGER, KW_OPT_TIMEVAL, KW_OPT_ERRNO,
	KW_OPT_TYPE, KW_OPT_FAMILY,
	KW_OPT_HEX,      /* a number shown in hex too: tos */
	KW_OPT_MS,       /* milliseconds: user_timeout */
	KW_OPT_IFNAME,   /* an interface name: bindtodevice */
	KW_OPT_INADDR,   /* an IPv4 interface address: IPv4 multicast_if */
	KW_OPT_IFINDEX   /* an interface index or name: IPv6 multicast_if */
};

struct kw_sockopt {
	const char *name;      /* the short name a lesson writes */
	const char *levelsym;  /* "SOL_SOCKET" */
	int level;
	const char *optsym;    /* "SO_REUSEADDR" */
	int opt;
	enum kw_optkind kind;
	int readonly;          /* getsockopt only */
};

extern const struct kw_sockopt kw_sockopts[];
extern const int kw_sockopt_count;
/* The option named name[0..len) (short name, or symbol in any case), or
 * NULL. */
const struct kw_sockopt *kw_sockopt_find(const char *name, size_t len);
/* The option o stands for on a socket of family: o itself, or, for a
 * name whose option is another on inet6 (pktinfo: IP_PKTINFO, but
 * IPV6_RECVPKTINFO there), that one. */
const struct kw_sockopt *kw_sockopt_for_family(const struct kw_sockopt *o, int family);
/* The level word[0..len) names (SOL_SOCKET, IPPROTO_IP, IPPROTO_IPV6,
 * IPPROTO_TCP, IPPROTO_UDP, in any case, the short socket, ip, ipv6, tcp,
 * udp, or a number in any C base) into *level: 0, or -1 when it is none. */
int kw_sockopt_level(const char *word, size_t len, int *level);
/* Those levels by short name and symbol. */
extern const struct kw_entry kw_levels[];
/* The symbol of level, or NULL when the table has none. */
const char *kw_sockopt_levelsym(int level);
/* The option of the table with that level and number, or NULL. */
const struct kw_sockopt *kw_sockopt_by_number(int level, int opt);
/* A C integer, in any base strtol's base 0 reads (16, 0x10, 020, -1),
 * from word[0..len) into *out: 0, or -1 when it is no int. */
int kw_c_int(const char *word, size_t len, int *out);

/* ---- the did-you-mean hint ---- */

/* Edit distance (optimal string alignment) between a[0..n) and b[0..m),
 * letters compared without case; 99 for words too long (over 32 bytes) to
 * be typos of each other.  For did-you-mean hints. */
size_t kw_distance(const char *a, size_t n, const char *b, size_t m);

/* The search for the candidate nearest to a misspelt word. */
struct kw_near {
	const char *word;
	size_t len;
	const char *best;   /* the nearest candidate so far, or NULL */
	size_t score;
};
/* Start a search for the word nearest to word[0..len). */
void kw_near_init(struct kw_near *nn, const char *word, size_t len);
/* Consider cand: it becomes best when it is within two edits of the word
 * (case ignored), or begins it or is begun by it, and nearer than best. */
void kw_near_try(struct kw_near *nn, const char *cand);
/* Consider every name of table tab. */
void kw_near_table(struct kw_near *nn, const struct kw_entry *tab);

#endif
