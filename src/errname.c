/*
 * errname.c - errno and EAI_* names.
 *
 * Hides where the names come from: our own table, every name guarded by
 * #ifdef so the file builds on any POSIX system.  Where glibc's
 * strerrorname_np exists it is asked first, so an errno newer than this
 * table still gets its name.
 */
#include <config.h>

#include <errno.h>
#include <netdb.h>
#include <stddef.h>
#include <string.h>

#include "errname.h"

struct errname {
	const char *name;
	int value;
};

#define E(x) { #x, x },
static const struct errname errnos[] = {
#ifdef EPERM
	E(EPERM)
#endif
#ifdef ENOENT
	E(ENOENT)
#endif
#ifdef ESRCH
	E(ESRCH)
#endif
#ifdef EINTR
	E(EINTR)
#endif
#ifdef EIO
	E(EIO)
#endif
#ifdef ENXIO
	E(ENXIO)
#endif
#ifdef E2BIG
	E(E2BIG)
#endif
#ifdef ENOEXEC
	E(ENOEXEC)
#endif
#ifdef EBADF
	E(EBADF)
#endif
#ifdef ECHILD
	E(ECHILD)
#endif
#ifdef EAGAIN
	E(EAGAIN)
#endif
#ifdef ENOMEM
	E(ENOMEM)
#endif
#ifdef EACCES
	E(EACCES)
#endif
#ifdef EFAULT
	E(EFAULT)
#endif
#ifdef ENOTBLK
	E(ENOTBLK)
#endif
#ifdef EBUSY
	E(EBUSY)
#endif
#ifdef EEXIST
	E(EEXIST)
#endif
#ifdef EXDEV
	E(EXDEV)
#endif
#ifdef ENODEV
	E(ENODEV)
#endif
#ifdef ENOTDIR
	E(ENOTDIR)
#endif
#ifdef EISDIR
	E(EISDIR)
#endif
#ifdef EINVAL
	E(EINVAL)
#endif
#ifdef ENFILE
	E(ENFILE)
#endif
#ifdef EMFILE
	E(EMFILE)
#endif
#ifdef ENOTTY
	E(ENOTTY)
#endif
#ifdef ETXTBSY
	E(ETXTBSY)
#endif
#ifdef EFBIG
	E(EFBIG)
#endif
#ifdef ENOSPC
	E(ENOSPC)
#endif
#ifdef ESPIPE
	E(ESPIPE)
#endif
#ifdef EROFS
	E(EROFS)
#endif
#ifdef EMLINK
	E(EMLINK)
#endif
#ifdef EPIPE
	E(EPIPE)
#endif
#ifdef EDOM
	E(EDOM)
#endif
#ifdef ERANGE
	E(ERANGE)
#endif
#ifdef EDEADLK
	E(EDEADLK)
#endif
#ifdef ENAMETOOLONG
	E(ENAMETOOLONG)
#endif
#ifdef ENOLCK
	E(ENOLCK)
#endif
#ifdef ENOSYS
	E(ENOSYS)
#endif
#ifdef ENOTEMPTY
	E(ENOTEMPTY)
#endif
#ifdef ELOOP
	E(ELOOP)
#endif
#ifdef EWOULDBLOCK
	E(EWOULDBLOCK)
#endif
#ifdef ENOMSG
	E(ENOMSG)
#endif
#ifdef EIDRM
	E(EIDRM)
#endif
#ifdef ECHRNG
	E(ECHRNG)
#endif
#ifdef EL2NSYNC
	E(EL2NSYNC)
#endif
#ifdef EL3HLT
	E(EL3HLT)
#endif
#ifdef EL3RST
	E(EL3RST)
#endif
#ifdef ELNRNG
	E(ELNRNG)
#endif
#ifdef EUNATCH
	E(EUNATCH)
#endif
#ifdef ENOCSI
	E(ENOCSI)
#endif
#ifdef EL2HLT
	E(EL2HLT)
#endif
#ifdef EBADE
	E(EBADE)
#endif
#ifdef EBADR
	E(EBADR)
#endif
#ifdef EXFULL
	E(EXFULL)
#endif
#ifdef ENOANO
	E(ENOANO)
#endif
#ifdef EBADRQC
	E(EBADRQC)
#endif
#ifdef EBADSLT
	E(EBADSLT)
#endif
#ifdef EDEADLOCK
	E(EDEADLOCK)
#endif
#ifdef EBFONT
	E(EBFONT)
#endif
#ifdef ENOSTR
	E(ENOSTR)
#endif
#ifdef ENODATA
	E(ENODATA)
#endif
#ifdef ETIME
	E(ETIME)
#endif
#ifdef ENOSR
	E(ENOSR)
#endif
#ifdef ENONET
	E(ENONET)
#endif
#ifdef ENOPKG
	E(ENOPKG)
#endif
#ifdef EREMOTE
	E(EREMOTE)
#endif
#ifdef ENOLINK
	E(ENOLINK)
#endif
#ifdef EADV
	E(EADV)
#endif
#ifdef ESRMNT
	E(ESRMNT)
#endif
#ifdef ECOMM
	E(ECOMM)
#endif
#ifdef EPROTO
	E(EPROTO)
#endif
#ifdef EMULTIHOP
	E(EMULTIHOP)
#endif
#ifdef EDOTDOT
	E(EDOTDOT)
#endif
#ifdef EBADMSG
	E(EBADMSG)
#endif
#ifdef EOVERFLOW
	E(EOVERFLOW)
#endif
#ifdef ENOTUNIQ
	E(ENOTUNIQ)
#endif
#ifdef EBADFD
	E(EBADFD)
#endif
#ifdef EREMCHG
	E(EREMCHG)
#endif
#ifdef ELIBACC
	E(ELIBACC)
#endif
#ifdef ELIBBAD
	E(ELIBBAD)
#endif
#ifdef ELIBSCN
	E(ELIBSCN)
#endif
#ifdef ELIBMAX
	E(ELIBMAX)
#endif
#ifdef ELIBEXEC
	E(ELIBEXEC)
#endif
#ifdef EILSEQ
	E(EILSEQ)
#endif
#ifdef ERESTART
	E(ERESTART)
#endif
#ifdef ESTRPIPE
	E(ESTRPIPE)
#endif
#ifdef EUSERS
	E(EUSERS)
#endif
#ifdef ENOTSOCK
	E(ENOTSOCK)
#endif
#ifdef EDESTADDRREQ
	E(EDESTADDRREQ)
#endif
#ifdef EMSGSIZE
	E(EMSGSIZE)
#endif
#ifdef EPROTOTYPE
	E(EPROTOTYPE)
#endif
#ifdef ENOPROTOOPT
	E(ENOPROTOOPT)
#endif
#ifdef EPROTONOSUPPORT
	E(EPROTONOSUPPORT)
#endif
#ifdef ESOCKTNOSUPPORT
	E(ESOCKTNOSUPPORT)
#endif
#ifdef EOPNOTSUPP
	E(EOPNOTSUPP)
#endif
#ifdef ENOTSUP
	E(ENOTSUP)
#endif
#ifdef EPFNOSUPPORT
	E(EPFNOSUPPORT)
#endif
#ifdef EAFNOSUPPORT
	E(EAFNOSUPPORT)
#endif
#ifdef EADDRINUSE
	E(EADDRINUSE)
#endif
#ifdef EADDRNOTAVAIL
	E(EADDRNOTAVAIL)
#endif
#ifdef ENETDOWN
	E(ENETDOWN)
#endif
#ifdef ENETUNREACH
	E(ENETUNREACH)
#endif
#ifdef ENETRESET
	E(ENETRESET)
#endif
#ifdef ECONNABORTED
	E(ECONNABORTED)
#endif
#ifdef ECONNRESET
	E(ECONNRESET)
#endif
#ifdef ENOBUFS
	E(ENOBUFS)
#endif
#ifdef EISCONN
	E(EISCONN)
#endif
#ifdef ENOTCONN
	E(ENOTCONN)
#endif
#ifdef ESHUTDOWN
	E(ESHUTDOWN)
#endif
#ifdef ETOOMANYREFS
	E(ETOOMANYREFS)
#endif
#ifdef ETIMEDOUT
	E(ETIMEDOUT)
#endif
#ifdef ECONNREFUSED
	E(ECONNREFUSED)
#endif
#ifdef EHOSTDOWN
	E(EHOSTDOWN)
#endif
#ifdef EHOSTUNREACH
	E(EHOSTUNREACH)
#endif
#ifdef EALREADY
	E(EALREADY)
#endif
#ifdef EINPROGRESS
	E(EINPROGRESS)
#endif
#ifdef ESTALE
	E(ESTALE)
#endif
#ifdef EUCLEAN
	E(EUCLEAN)
#endif
#ifdef ENOTNAM
	E(ENOTNAM)
#endif
#ifdef ENAVAIL
	E(ENAVAIL)
#endif
#ifdef EISNAM
	E(EISNAM)
#endif
#ifdef EREMOTEIO
	E(EREMOTEIO)
#endif
#ifdef EDQUOT
	E(EDQUOT)
#endif
#ifdef ENOMEDIUM
	E(ENOMEDIUM)
#endif
#ifdef EMEDIUMTYPE
	E(EMEDIUMTYPE)
#endif
#ifdef ECANCELED
	E(ECANCELED)
#endif
#ifdef ENOKEY
	E(ENOKEY)
#endif
#ifdef EKEYEXPIRED
	E(EKEYEXPIRED)
#endif
#ifdef EKEYREVOKED
	E(EKEYREVOKED)
#endif
#ifdef EKEYREJECTED
	E(EKEYREJECTED)
#endif
#ifdef EOWNERDEAD
	E(EOWNERDEAD)
#endif
#ifdef ENOTRECOVERABLE
	E(ENOTRECOVERABLE)
#endif
#ifdef ERFKILL
	E(ERFKILL)
#endif
#ifdef EHWPOISON
	E(EHWPOISON)
#endif
#ifdef EAUTH
	E(EAUTH)
#endif
#ifdef EBADRPC
	E(EBADRPC)
#endif
#ifdef EFTYPE
	E(EFTYPE)
#endif
#ifdef ENEEDAUTH
	E(ENEEDAUTH)
#endif
#ifdef ENOATTR
	E(ENOATTR)
#endif
#ifdef EPROCLIM
	E(EPROCLIM)
#endif
#ifdef EPROCUNAVAIL
	E(EPROCUNAVAIL)
#endif
#ifdef EPROGMISMATCH
	E(EPROGMISMATCH)
#endif
#ifdef EPROGUNAVAIL
	E(EPROGUNAVAIL)
#endif
#ifdef ERPCMISMATCH
	E(ERPCMISMATCH)
#endif
#ifdef EIPSEC
	E(EIPSEC)
#endif
#ifdef ENOTCAPABLE
	E(ENOTCAPABLE)
#endif
#ifdef ECAPMODE
	E(ECAPMODE)
#endif
#ifdef EINTEGRITY
	E(EINTEGRITY)
#endif
};

static const struct errname gai_errors[] = {
#ifdef EAI_AGAIN
	E(EAI_AGAIN)
#endif
#ifdef EAI_BADFLAGS
	E(EAI_BADFLAGS)
#endif
#ifdef EAI_FAIL
	E(EAI_FAIL)
#endif
#ifdef EAI_FAMILY
	E(EAI_FAMILY)
#endif
#ifdef EAI_MEMORY
	E(EAI_MEMORY)
#endif
#ifdef EAI_NONAME
	E(EAI_NONAME)
#endif
#ifdef EAI_SERVICE
	E(EAI_SERVICE)
#endif
#ifdef EAI_SOCKTYPE
	E(EAI_SOCKTYPE)
#endif
#ifdef EAI_SYSTEM
	E(EAI_SYSTEM)
#endif
#ifdef EAI_OVERFLOW
	E(EAI_OVERFLOW)
#endif
#ifdef EAI_NODATA
	E(EAI_NODATA)
#endif
#ifdef EAI_ADDRFAMILY
	E(EAI_ADDRFAMILY)
#endif
#ifdef EAI_INPROGRESS
	E(EAI_INPROGRESS)
#endif
#ifdef EAI_CANCELED
	E(EAI_CANCELED)
#endif
#ifdef EAI_NOTCANCELED
	E(EAI_NOTCANCELED)
#endif
#ifdef EAI_ALLDONE
	E(EAI_ALLDONE)
#endif
#ifdef EAI_INTR
	E(EAI_INTR)
#endif
#ifdef EAI_IDN_ENCODE
	E(EAI_IDN_ENCODE)
#endif
#ifdef EAI_BADHINTS
	E(EAI_BADHINTS)
#endif
#ifdef EAI_PROTOCOL
	E(EAI_PROTOCOL)
#endif
};
#undef E

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

const char *errname_name(int err)
{
#ifdef HAVE_STRERRORNAME_NP
	const char *s = strerrorname_np(err);
	if (s != NULL)
		return s;
#endif
	/* The first name wins where two share a value (EAGAIN before
	 * EWOULDBLOCK, EDEADLK before EDEADLOCK, EOPNOTSUPP before ENOTSUP). */
	for (int i = 0; i < COUNT(errnos); i++)
		if (errnos[i].value == err)
			return errnos[i].name;
	return NULL;
}

int errname_value(const char *name)
{
	for (int i = 0; i < COUNT(errnos); i++)
		if (strcmp(errnos[i].name, name) == 0)
			return errnos[i].value;
	return 0;
}

const char *errname_gai_name(int code)
{
	for (int i = 0; i < COUNT(gai_errors); i++)
		if (gai_errors[i].value == code)
			return gai_errors[i].name;
	return NULL;
}

int errname_gai_value(const char *name)
{
	for (int i = 0; i < COUNT(gai_errors); i++)
		if (strcmp(gai_errors[i].name, name) == 0)
			return gai_errors[i].value;
	return 0;
}

int errname_count(void)
{
	return COUNT(errnos);
}

const char *errname_at(int i)
{
	return i >= 0 && i < COUNT(errnos) ? errnos[i].name : NULL;
}

const char *errname_gai_at(int i)
{
	return i >= 0 && i < COUNT(gai_errors) ? gai_errors[i].name : NULL;
}
