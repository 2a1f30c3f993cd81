#!/bin/sh
# install-deps.sh — installs the Debian packages quoted needs to build, run
# and test, when any is missing. Runs apt-get as root (or through sudo).
set -e
need="gcc make pkg-config libmicrohttpd-dev libjansson-dev libsqlite3-dev python3 python3-yaml python3-jsonschema curl"
missing=""
for p in $need; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
