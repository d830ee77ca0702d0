# syntax=docker/dockerfile:1
# What `docker init` writes for a Go app (platform Go, the version, main package "." and
# port below): a build stage and an Alpine final stage running as a non-root user.
# Docker's guides do not print it; it is docker init's output as committed in public
# repositories (their header reads "Want to help us make this template better?").
# Docker's explanatory comments are left out; the instructions are kept as written,
# except where the container lab needs a change, each marked "lab:".
# Placeholders in double braces are filled by bench/variants.mjs from bench/apps.mjs.
ARG GO_VERSION={{RUNTIME_VERSION}}
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build
WORKDIR /src

# lab: the template bind-mounts go.sum and go.mod into this step. Buildah 1.28 keys the
#   cache on the instruction text only, not on the mounted files (container-lab README);
#   COPY gives the content-keyed cache BuildKit gives the mounts. The glob keeps a module
#   without dependencies (no go.sum, like the example app) building; BuildKit would fail
#   on the missing bind source.
COPY go.mod go.sum* ./
RUN --mount=type=cache,target=/go/pkg/mod/ \
    go mod download -x

ARG TARGETARCH

# lab: the template bind-mounts the whole context (--mount=type=bind,target=.) instead of
#   copying it; same cache reason. Only this throwaway stage sees the sources either way.
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod/ \
    CGO_ENABLED=0 GOARCH=$TARGETARCH go build -o /bin/server .

# lab: the template's final stage is alpine:latest with `apk --update add ca-certificates
#   tzdata`; the lab refuses Alpine, so this is Debian slim with the same two packages
#   (the stand-in is about 130 MB; alpine is under 10 MB on Docker Hub: read this
#   baseline's image size with that in mind).
FROM debian:bookworm-slim AS final

RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tzdata \
 && update-ca-certificates \
 && rm -rf /var/lib/apt/lists/*

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

ENTRYPOINT [ "/bin/server" ]
