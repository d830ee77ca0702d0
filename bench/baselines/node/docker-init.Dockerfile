# syntax=docker/dockerfile:1
# What `docker init` writes for a Node.js app without a build script (platform Node,
# package manager npm, the version, start command and port below). Source: Docker's guide
# "Containerize a Node.js application" (https://docs.docker.com/guides/nodejs/containerize/,
# github.com/docker/docs content/guides/nodejs/containerize.md).
# Docker's explanatory comments are left out; the instructions are kept as written,
# except where the container lab needs a change, each marked "lab:".
# Placeholders in double braces are filled by bench/variants.mjs from bench/apps.mjs.
ARG NODE_VERSION={{RUNTIME_VERSION}}

# lab: the template's base is node:${NODE_VERSION}-alpine; the lab refuses Alpine tags, so
#   this is the Debian slim image of the same Node.js (larger than Alpine on Docker Hub).
FROM node:${NODE_VERSION}-bookworm-slim

ENV NODE_ENV production

WORKDIR /usr/src/app

# lab: the template bind-mounts package.json and package-lock.json into this step. Buildah
#   1.28 keys the cache on the instruction text only, not on the mounted files (container-lab
#   README); COPY gives the content-keyed cache BuildKit gives the mounts.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev

USER node

COPY . .

EXPOSE {{PORT}}

CMD {{CMD_SHELL}}
