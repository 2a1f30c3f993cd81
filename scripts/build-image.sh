#!/usr/bin/env bash
# build-image.sh — builds the container image quoted:latest from the
# Dockerfile. Uses Docker when an engine answers; otherwise rootful podman,
# set up as these machines need it: runc runtime, ulimits within the hard
# limits, storage under /tmp, and a debian:bookworm-slim base made locally
# with debootstrap when no registry can provide it.
set -euo pipefail
cd "$(dirname "$0")/.."
tag=${IMAGE:-quoted:latest}

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    exec docker build -t "$tag" .
fi

need=""
for p in podman runc debootstrap; do command -v "$p" >/dev/null 2>&1 || need="$need $p"; done
if [ -n "$need" ]; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc debootstrap >/dev/null
fi

conf=${TMPDIR:-/tmp}/quoted-podman
mkdir -p "$conf"
cat > "$conf/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=$(ulimit -Hn):$(ulimit -Hn)", "nproc=32768:32768"]
[engine]
runtime = "runc"
CONF
cat > "$conf/storage.conf" <<CONF
[storage]
driver = "overlay"
graphroot = "$conf/storage"
runroot = "$conf/run"
CONF
export CONTAINERS_CONF="$conf/containers.conf" CONTAINERS_STORAGE_CONF="$conf/storage.conf"

base=docker.io/library/debian:bookworm-slim
if ! podman image exists "$base"; then
    if ! podman pull -q "$base" >/dev/null 2>&1; then
        echo "no registry for $base: making it locally with debootstrap" >&2
        mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
        mirror=${mirror:-http://deb.debian.org/debian}
        rootfs="$conf/rootfs"
        rm -rf "$rootfs"
        debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/dev/null
        echo "deb $mirror bookworm main" > "$rootfs/etc/apt/sources.list"
        tar -C "$rootfs" -c . | podman import --change 'CMD ["/bin/bash"]' - "$base" >/dev/null
        rm -rf "$rootfs"
    fi
fi
podman build --format docker --pull=never -t "$tag" .
podman image ls "$tag"
