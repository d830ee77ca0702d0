# syntax=docker/dockerfile:1
# What `docker init` writes for a Python app (platform Python, version 3.12, the port and
# start command below). Source: Docker's guide "Containerize a Python application"
# (https://docs.docker.com/guides/python/containerize/, the Dockerfile docker init
# generates, shown in github.com/docker/docs content/guides/python/containerize.md).
# Docker's explanatory comments are left out; the instructions are kept as written,
# except where the container lab needs a change, each marked "lab:".
# Placeholders in double braces are filled by bench/variants.mjs from bench/apps.mjs.
ARG PYTHON_VERSION={{RUNTIME_VERSION}}
FROM python:${PYTHON_VERSION}-slim

ENV PYTHONDONTWRITEBYTECODE=1
ENV PYTHONUNBUFFERED=1

WORKDIR /app

ARG UID=10001
RUN adduser \
    --disabled-password \
    --gecos "" \
    --home "/nonexistent" \
    --shell "/sbin/nologin" \
    --no-create-home \
    --uid "${UID}" \
    appuser

# lab: the template bind-mounts requirements.txt into this step
#   (--mount=type=bind,source=requirements.txt,target=requirements.txt). BuildKit keys the
#   step's cache on the mounted file; Buildah 1.28 keys it on the instruction text only, so
#   here a changed requirements.txt (or another project's) would reuse a stale install
#   (container-lab README). COPY gives the content-keyed cache BuildKit gives the mount.
COPY requirements.txt requirements.txt
RUN --mount=type=cache,target=/root/.cache/pip \
    python -m pip install -r requirements.txt

USER appuser

COPY . .

EXPOSE {{PORT}}

CMD {{CMD_EXEC}}
