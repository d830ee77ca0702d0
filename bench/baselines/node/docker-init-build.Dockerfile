# syntax=docker/dockerfile:1
# What `docker init` writes for a Node.js app with a "build" script (platform Node, package
# manager npm, build output directory, start command and port below): base, deps, build and
# final stages. Docker's guides do not print this variant; it is docker init's output as
# committed in public repositories (their header reads "Want to help us make this template
# better?"), and matches the no-build template in Docker's guide "Containerize a Node.js
# application" (https://docs.docker.com/guides/nodejs/containerize/) stage for stage.
# Docker's explanatory comments are left out; the instructions are kept as written,
# except where the container lab needs a change, each marked "lab:".
# Placeholders in double braces are filled by bench/variants.mjs from bench/apps.mjs.
ARG NODE_VERSION={{RUNTIME_VERSION}}

# lab: the template's base is node:${NODE_VERSION}-alpine; the lab refuses Alpine tags, so
#   this is the Debian slim image of the same Node.js (larger than Alpine on Docker Hub).
FROM node:${NODE_VERSION}-bookworm-slim as base

WORKDIR /usr/src/app

FROM base as deps

# lab: both installs bind-mount package.json and package-lock.json in the template. Buildah
#   1.28 keys the cache on the instruction text only, not on the mounted files (container-lab
#   README); COPY gives the content-keyed cache BuildKit gives the mounts.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev

FROM deps as build

RUN --mount=type=cache,target=/root/.npm \
    npm ci

COPY . .
RUN npm run build

FROM base as final

ENV NODE_ENV production

USER node

COPY package.json .

COPY --from=deps /usr/src/app/node_modules ./node_modules
COPY --from=build /usr/src/app/{{BUILD_OUTPUT}} ./{{BUILD_OUTPUT}}

EXPOSE {{PORT}}

CMD {{CMD_SHELL}}
