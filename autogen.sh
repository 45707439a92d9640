#!/bin/sh
# Generate configure, Makefile.in and the build-aux/ helpers (tap-driver.sh
# among them).  None of what this makes is kept in git.
set -e
cd "$(dirname "$0")"
mkdir -p m4 build-aux
autoreconf -fi
