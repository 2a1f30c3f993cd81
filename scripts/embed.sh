#!/bin/sh
# embed.sh SYMBOL FILE — print a C file defining `const char SYMBOL[]` with
# FILE's bytes, so the binary serves it without reading the disk.
set -e
printf '/* generated from %s by scripts/embed.sh */\nconst char %s[] = {\n' "$2" "$1"
od -An -v -td1 "$2" | sed -e 's/  */ /g' -e 's/^ //' -e 's/ $//' -e 's/ /,/g' -e 's/$/,/' | grep -v '^,$'
printf '0};\n'
