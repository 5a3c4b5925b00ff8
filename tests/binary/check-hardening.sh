#!/bin/sh
# Fails unless the ELF binary $1 was built with the hardening CMakeLists.txt asks for: a
# position-independent executable, relocations made read-only after start-up (GNU_RELRO and
# BIND_NOW) and the stack protector. Names every missing property.
set -u
binary=$1
missing=0
fail() { echo "$binary: $1" >&2; missing=$((missing + 1)); }

[ -f "$binary" ] || { echo "$binary: no such file" >&2; exit 2; }
header=$(readelf -h -W "$binary") || exit 2
segments=$(readelf -l -W "$binary") || exit 2
dynamic=$(readelf -d -W "$binary") || exit 2
symbols=$(readelf --dyn-syms -W "$binary") || exit 2

echo "$header" | grep -q 'Type:[[:space:]]*DYN' ||
  fail "not a position-independent executable (ELF type is not DYN; build with -fPIE -pie)"
echo "$dynamic" | grep -q 'FLAGS_1.*PIE' ||
  fail "no PIE flag in the dynamic section (link with -pie)"
echo "$segments" | grep -q 'GNU_RELRO' ||
  fail "no GNU_RELRO segment (link with -Wl,-z,relro)"
echo "$dynamic" | grep -Eq '\(BIND_NOW\)|FLAGS.*[[:space:]]BIND_NOW|FLAGS_1.*[[:space:]]NOW' ||
  fail "no BIND_NOW: relocations are resolved lazily and the GOT stays writable (link with -Wl,-z,now)"
echo "$symbols" | grep -q '__stack_chk_fail' ||
  fail "no stack protector: __stack_chk_fail is never called (compile with -fstack-protector-strong)"

[ "$missing" -eq 0 ] || exit 1
echo "$binary: PIE, GNU_RELRO, BIND_NOW and the stack protector are in place"
