# syntax=docker/dockerfile:1.7
#
# hadath container image.
#   docker build -t hadath:latest .
#   docker run --rm -p 8080:8080 hadath:latest            # = hadath serve
#   docker run --rm -i hadath:latest extract - < article.txt
#
# Lexicons, gazetteer, default settings and the web page are compiled into the binary,
# so the runtime image holds nothing but the executable.

ARG RUST_VERSION=1
ARG DEBIAN_RELEASE=bookworm

############################ build ############################
FROM rust:${RUST_VERSION}-${DEBIAN_RELEASE} AS builder
WORKDIR /src

# Strip symbols from the shipped binary (doesn't change Cargo.toml's profile elsewhere).
ENV CARGO_PROFILE_RELEASE_STRIP=symbols \
    CARGO_TERM_COLOR=never \
    CARGO_INCREMENTAL=0

COPY . .

# The registry and target dir live in BuildKit cache mounts, so rebuilds after a source
# change reuse compiled dependencies; --locked refuses to touch Cargo.lock.
RUN --mount=type=cache,target=/usr/local/cargo/registry,sharing=locked \
    --mount=type=cache,target=/usr/local/cargo/git,sharing=locked \
    --mount=type=cache,target=/src/target,sharing=locked \
    cargo build --release --locked --bin hadath \
 && install -D -m 0755 target/release/hadath /out/hadath \
 && /out/hadath --help >/dev/null

############################ runtime ############################
# distroless/cc: glibc, libgcc_s, CA certificates and tzdata; no shell, no package manager.
FROM gcr.io/distroless/cc-debian12:nonroot AS runtime

LABEL org.opencontainers.image.title="hadath" \
      org.opencontainers.image.description="Event and quote extraction from Arabic and English news articles"

COPY --from=builder --chown=0:0 --chmod=0755 /out/hadath /usr/local/bin/hadath

ENV HADATH_ADDR=0.0.0.0:8080 \
    HADATH_LOG__FORMAT=json

# Unprivileged numeric user (matches runAsUser in deploy/kubernetes/deployment.yaml).
USER 10001:10001
EXPOSE 8080

# No HEALTHCHECK: distroless has no shell or curl. Orchestrators probe GET /healthz
# (liveness) and GET /readyz (readiness) instead.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/hadath"]
CMD ["serve"]
