dnl sockshell.m4 - the compiler-flag checks of sockshell's configure.
dnl
dnl Each flag is used only when the compiler takes it without a word (the
dnl check compiles and links with -Werror), so an older gcc or clang, or
dnl another system's compiler, simply goes without it.

dnl SOCKSHELL_HARDEN_FLAG(FLAG): append FLAG to HARDEN_CFLAGS if it works.
AC_DEFUN([SOCKSHELL_HARDEN_FLAG], [
  AS_VAR_PUSHDEF([sockshell_cache], [sockshell_cv_cflag_$1])
  AC_CACHE_CHECK([whether $CC accepts $1], [sockshell_cache], [
    sockshell_saved_CFLAGS=$CFLAGS
    CFLAGS="$CFLAGS -Werror $1"
    AC_LINK_IFELSE([AC_LANG_PROGRAM([[#include <stdio.h>
#include <string.h>]], [[char b[16];
snprintf(b, sizeof b, "%s", "hardened");
return (int)strlen(b) - 8;]])],
      [AS_VAR_SET([sockshell_cache], [yes])], [AS_VAR_SET([sockshell_cache], [no])])
    CFLAGS=$sockshell_saved_CFLAGS])
  AS_VAR_IF([sockshell_cache], [yes], [HARDEN_CFLAGS="$HARDEN_CFLAGS $1"])
  AS_VAR_POPDEF([sockshell_cache])
])

dnl SOCKSHELL_FORTIFY_SOURCE: append -D_FORTIFY_SOURCE=2 to HARDEN_CFLAGS
dnl when it works: only when optimizing, and not when the compiler already
dnl defines it (its redefinition warns).
AC_DEFUN([SOCKSHELL_FORTIFY_SOURCE], [
  AC_CACHE_CHECK([whether to define _FORTIFY_SOURCE=2], [sockshell_cv_fortify], [
    sockshell_saved_CFLAGS=$CFLAGS
    CFLAGS="$CFLAGS -Werror -D_FORTIFY_SOURCE=2"
    AC_LINK_IFELSE([AC_LANG_PROGRAM([[#include <string.h>
#ifndef __OPTIMIZE__
# error _FORTIFY_SOURCE needs optimization
#endif]], [[char b[4]; memcpy(b, "abc", 4); return b[0] != 'a';]])],
      [sockshell_cv_fortify=yes], [sockshell_cv_fortify=no])
    CFLAGS=$sockshell_saved_CFLAGS])
  AS_IF([test "x$sockshell_cv_fortify" = xyes], [HARDEN_CFLAGS="$HARDEN_CFLAGS -D_FORTIFY_SOURCE=2"])
])
