#!/bin/sh
# Fails when the ELF binary $1 needs a shared library other than those named after it (matched
# as prefixes of the NEEDED entries' names, e.g. libstdc++). Names each library too many.
set -u
binary=$1
shift
[ -f "$binary" ] || { echo "$binary: no such file" >&2; exit 2; }
needed=$(readelf -d -W "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p') || exit 2
extra=0
for library in $needed; do
  allowed=no
  for prefix in "$@"; do
    case "$library" in "$prefix"*) allowed=yes ;; esac
  done
  if [ "$allowed" = no ]; then
    echo "$binary needs $library, which is not one of: $*" >&2
    extra=$((extra + 1))
  fi
done
[ "$extra" -eq 0 ] || exit 1
echo "$binary needs only:" $needed
