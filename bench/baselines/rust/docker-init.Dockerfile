# syntax=docker/dockerfile:1
# What `docker init` writes for a Rust app (platform Rust, the version and port below): an
# Alpine build stage compiling with cache mounts, and an Alpine final stage running the
# binary as a non-root user. Docker's guide (https://docs.docker.com/guides/rust/build-images/)
# runs docker init without printing the file; this is its output as committed in public
# repositories (their header reads "Want to help us make this template better?").
# Docker's explanatory comments are left out; the instructions are kept as written,
# except where the container lab needs a change, each marked "lab:".
# Placeholders in double braces are filled by bench/variants.mjs from bench/apps.mjs.
ARG RUST_VERSION={{RUNTIME_VERSION}}
ARG APP_NAME={{BINARY}}

# lab: the template's build stage is rust:${RUST_VERSION}-alpine with
#   `RUN apk add --no-cache clang lld musl-dev git`; the lab refuses Alpine, so this is
#   Debian slim, whose toolchain links with the gcc it already has (a glibc binary, where
#   the template makes a musl one).
FROM rust:${RUST_VERSION}-slim-bookworm AS build
ARG APP_NAME
WORKDIR /app

# lab: the template bind-mounts src, Cargo.toml and Cargo.lock into the build step.
#   Buildah 1.28 keys the cache on the instruction text only, not on the mounted files
#   (container-lab README); COPY gives the content-keyed cache BuildKit gives the mounts.
COPY src src
COPY Cargo.toml Cargo.lock ./
RUN --mount=type=cache,target=/app/target/ \
    --mount=type=cache,target=/usr/local/cargo/git/db \
    --mount=type=cache,target=/usr/local/cargo/registry/ \
    cargo build --locked --release && \
    cp ./target/release/$APP_NAME /bin/server

# lab: the template's final stage is alpine:3.18; the lab refuses Alpine, so this is
#   Debian slim (the stand-in is about 100 MB; alpine is under 10 MB on Docker Hub: read
#   this baseline's image size with that in mind). Debian's adduser takes the same options.
FROM debian:bookworm-slim AS final

ARG UID=10001
RUN adduser \
    --disabled-password \
    --gecos "" \
    --home "/nonexistent" \
    --shell "/sbin/nologin" \
    --no-create-home \
    --uid "${UID}" \
    appuser
USER appuser

COPY --from=build /bin/server /bin/

EXPOSE {{PORT}}

CMD ["/bin/server"]
