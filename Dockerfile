# quoted — container image.
# Build stage: Debian bookworm with the compiler and -dev packages.
# Runtime stage: FROM scratch with the binary, the shared libraries it links
# and the dynamic loader only; runs as an unprivileged user, keeps its
# database in the /data volume, stops cleanly on SIGTERM.
FROM debian:bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc libc6-dev make pkg-config \
      libmicrohttpd-dev libjansson-dev libsqlite3-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Makefile openapi.yaml ./
COPY src src
COPY web web
COPY scripts scripts
RUN make BUILD=/out /out/quoted \
 && strip /out/quoted \
 && mkdir -p /rootfs/etc /rootfs/data /rootfs/tmp \
 && cp /out/quoted /rootfs/quoted \
 && ldd /out/quoted | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}' \
    | xargs -I{} cp --parents -L {} /rootfs/ \
 && echo 'quoted:x:10001:10001:quoted:/data:/quoted' > /rootfs/etc/passwd \
 && echo 'quoted:x:10001:' > /rootfs/etc/group \
 && chown 10001:10001 /rootfs/data && chmod 1777 /rootfs/tmp

FROM scratch
COPY --from=build /rootfs /
COPY --from=build --chown=10001:10001 /rootfs/data /data
USER 10001:10001
ENV QUOTED_DB=/data/quoted.db QUOTED_PORT=8080 SQLITE_TMPDIR=/tmp
VOLUME /data
EXPOSE 8080
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=3s --start-period=2s CMD ["/quoted", "healthcheck"]
ENTRYPOINT ["/quoted"]
CMD ["serve"]
