// Failing and passing examples for every Dockerfile rule.
import { findShellcheck } from "../../../src/check/shellcheck-runner.js";
import { df, type RuleCases } from "./case.js";

// Debian's shellcheck is required here (installed by .ci/run): no silent skipping.
const SHELLCHECK = findShellcheck() ?? (() => { throw new Error("shellcheck is not installed (apt-get install shellcheck)"); })();

const H = "HEALTHCHECK CMD [\"/app\", \"health\"]\n";

export const DOCKERFILE_CASES: Record<string, RuleCases> = {
  "DF-SYNTAX-VALID": {
    fail: [df("FROM debian:12\nRUNN echo\n", 2), df("FROM debian:12\nRUN <<EOT\necho hi\n", 2), df("FROM debian:12\nCMD [\"a\", \"b\"\n", 2), df("", 1), df("FROM debian:12\nHEALTHCHECK --interval=5 CMD [\"x\"]\n", 2)],
    pass: [df("# syntax=docker/dockerfile:1\nFROM debian:12\nRUN <<EOT\necho hi\nEOT\nCMD [\"a\"]\n")],
  },
  "DF-BASE-TAGGED": {
    fail: [df("FROM ubuntu\n", 1), df("ARG V\nFROM python:${V}\n", 2), df("ARG IMG\nFROM ${IMG}\n", 2)],
    pass: [df("ARG V=3.12\nFROM python:${V}-slim AS b\nFROM b\n"), df("FROM scratch\n"), df("FROM alpine@sha256:" + "a".repeat(64) + "\n")],
  },
  "DF-BASE-NOLATEST": { fail: [df("FROM node:latest\n", 1), df("ARG T=latest\nFROM node:$T\n", 2)], pass: [df("FROM node:22-bookworm-slim\n")] },
  "DF-BASE-DIGEST": {
    fail: [df("FROM python:3.12-slim\n", 1, { enable: ["DF-BASE-DIGEST"] })],
    pass: [df(`FROM python:3.12-slim@sha256:${"b".repeat(64)}\n`, undefined, { enable: ["DF-BASE-DIGEST"] }), df("FROM python:3.12-slim\n")],
  },
  "DF-BASE-TRUSTED-REGISTRY": {
    fail: [df("FROM quay.io/acme/base:1\n", 1, { registries: ["registry.acme.example"] })],
    pass: [df("FROM registry.acme.example/base:1\n", undefined, { registries: ["registry.acme.example"] }), df("FROM quay.io/acme/base:1\n")],
  },
  "DF-BASE-MINIMAL": {
    fail: [df("FROM python:3.12\n", 1), df("FROM golang:1.23 AS b\nFROM b\n", 2), df("FROM python:3.12-slim\nRUN apt-get install -y gcc git\n", 2)],
    pass: [df("FROM golang:1.23 AS b\nRUN apt-get install -y git\nFROM gcr.io/distroless/static-debian12:nonroot\n"), df("FROM node:22-alpine\n"), df("FROM eclipse-temurin:21-jre\n")],
  },
  "DF-PKG-SIGNATURES": {
    fail: [df("FROM alpine:3.20\nRUN apk add --allow-untrusted x.apk\n", 2), df("FROM fedora:40\nRUN dnf install -y --nogpgcheck pkg\n", 2), df("FROM debian:12\nRUN apt-get install -y --force-yes x\n", 2)],
    pass: [df("FROM debian:12\nRUN apt-get install -y x\n")],
  },
  "DF-TLS-VERIFY": {
    fail: [df("FROM debian:12\nRUN curl -fsSLk https://x -o y\n", 2), df("FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n", 2), df("FROM python:3.12\nRUN pip install --trusted-host pypi.local -r r.txt\n", 2), df("FROM debian:12\nRUN GIT_SSL_NO_VERIFY=1 git clone https://x\n", 2)],
    pass: [df("FROM debian:12\nRUN curl -fsSL https://x -o y\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n")],
  },
  "DF-NO-CURL-PIPE-SH": {
    fail: [df("FROM debian:12\nRUN curl -fsSL https://x | sh\n", 2), df("FROM debian:12\nRUN wget -qO- https://x | sudo bash -s --\n", 2), df("FROM debian:12\nRUN sh -c \"$(curl -fsSL https://x)\"\n", 2)],
    pass: [df("FROM debian:12\nRUN curl -fsSL https://x -o i.sh && sha256sum -c i.sha && sh i.sh\nRUN curl -s https://x | tar -xz\n")],
  },
  "DF-ADD-REMOTE": {
    fail: [df("FROM debian:12\nADD https://x/y.tgz /opt/\n", 2), df("FROM debian:12\nADD git@github.com:a/b.git /src\n", 2)],
    pass: [df("FROM debian:12\nADD --checksum=sha256:abc https://x/y.tgz /opt/\nADD local.tar.gz /opt/\n")],
  },
  "DF-USER-NONROOT": {
    fail: [df("FROM debian:12\n", 1), df("FROM debian:12\nUSER 10001\nUSER root\n", 3), df("FROM debian:12\nUSER 0:0\n", 2)],
    pass: [df("FROM debian:12 AS base\nUSER 10001:10001\nFROM base\n"), df("FROM gcr.io/distroless/static-debian12:nonroot\n"), df("FROM debian:12\nUSER root\nRUN x\nUSER app\n")],
  },
  "DF-USER-NUMERIC": {
    fail: [df("FROM debian:12\nUSER app\n", 2), df("FROM debian:12\nUSER 1000:1000\n", 2), df("FROM debian:12\nUSER 10001:app\n", 2)],
    pass: [df("FROM debian:12\nUSER 10001:10001\n"), df("ARG UID=65532\nFROM debian:12\nARG UID\nUSER ${UID}\n")],
  },
  "DF-USERADD-NOLOG": {
    fail: [df("FROM debian:12\nRUN useradd -u 10001 app\n", 2), df("FROM debian:12\nRUN useradd --uid=123456 app\n", 2)],
    pass: [df("FROM debian:12\nRUN useradd --no-log-init -u 10001 app && useradd -l -u 65532 b && useradd -u 999 c\n")],
  },
  "DF-NO-SUDO": { fail: [df("FROM debian:12\nRUN sudo apt-get update\n", 2)], pass: [df("FROM debian:12\nRUN apt-get install -y sudo-ldap-doc\n")] },
  "DF-NO-CHPASSWD": {
    fail: [df("FROM debian:12\nRUN echo 'root:x' | chpasswd\n", 2), df("FROM debian:12\nRUN passwd -d root\n", 2)],
    pass: [df("FROM debian:12\nRUN passwd -l root\n")],
  },
  "DF-NO-SECRETS-ARG-ENV": {
    fail: [df("FROM debian:12\nARG GITHUB_TOKEN\n", 2), df("FROM debian:12\nENV DB_PASSWORD=x\n", 2), df("FROM debian:12\nLABEL note=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n", 2), df("FROM debian:12\nENV API_KEY x\n", 2)],
    pass: [df("FROM debian:12\nARG PUBLIC_KEY_URL=https://x\nENV DB_PASSWORD_FILE=/run/secrets/db KEYBOARD=us TOKENIZER=fast\n")],
  },
  "DF-NO-SECRET-FILES": {
    fail: [df("FROM debian:12\nCOPY .env /app/\n", 2), df("FROM debian:12\nCOPY certs/server.key /etc/ssl/\n", 2), df("FROM debian:12\nCOPY id_rsa /root/.ssh/\n", 2)],
    pass: [df("FROM debian:12\nCOPY .env.example /app/\nCOPY id_rsa.pub /root/.ssh/\nCOPY --from=build /run/secrets.json /x\n")],
  },
  "DF-SETUID-STRIP": {
    fail: [df("FROM python:3.12-slim\n", 1), df("FROM python:3.12-slim\nRUN find / -xdev -perm /6000 -type f -print\n", 1)],
    pass: [
      df("FROM python:3.12-slim\nRUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +\n"),
      df("FROM python:3.12-slim\nRUN find / -xdev -perm /6000 -type f -delete\n"),
      df("FROM python:3.12-slim\nRUN find / -xdev -perm /6000 -type f -exec rm -f {} +\n"), df("FROM gcr.io/distroless/python3-debian12\n"), df("FROM scratch\n")],
  },
  "DF-NO-SENSITIVE-VOLUME": { fail: [df("FROM debian:12\nVOLUME /etc\n", 2), df("FROM debian:12\nVOLUME [\"/proc/sys\"]\n", 2)], pass: [df("FROM debian:12\nVOLUME /data /etc/myapp\n")] },
  "DF-WORKDIR-NOT-SYSDIR": { fail: [df("FROM debian:12\nWORKDIR /proc/app\n", 2)], pass: [df("FROM debian:12\nWORKDIR /procurement\n")] },
  "DF-EXPOSE-NO-SSH": { fail: [df("FROM debian:12\nEXPOSE 22/tcp\n", 2), df("FROM debian:12\nRUN apt-get install -y openssh-server\n", 2)], pass: [df("FROM debian:12\nEXPOSE 2222\nRUN apt-get install -y openssh-client\n")] },
  "DF-EXPOSE-UNPRIVILEGED": { fail: [df("FROM nginx:1.27\nEXPOSE 80\n", 2), df("ARG PORT=443\nFROM nginx:1.27\nARG PORT\nEXPOSE ${PORT}\n", 4)], pass: [df("FROM nginx:1.27\nEXPOSE 8080 8443/udp\n")] },
  "DF-HEALTHCHECK": {
    fail: [df("FROM debian:12\n", 1), df("FROM debian:12\nHEALTHCHECK NONE\n", 2), df("FROM debian:12 AS a\n" + H + "FROM debian:12\n", 3)],
    pass: [df("FROM debian:12\n" + H), df("FROM debian:12 AS a\n" + H + "FROM a\n")],
  },
  "DF-APT-UPDATE-WITH-INSTALL": { fail: [df("FROM debian:12\nRUN apt-get update\n", 2)], pass: [df("FROM debian:12\nRUN apt-get update && apt-get install -y x\n")] },
  "DF-APT-NO-RECOMMENDS": { fail: [df("FROM debian:12\nRUN apt-get install -y x\n", 2)], pass: [df("FROM debian:12\nRUN apt-get install -y --no-install-recommends x && apt-get -o APT::Install-Recommends=false install -y y\n")] },
  "DF-APT-YES": { fail: [df("FROM debian:12\nRUN apt-get install x\n", 2)], pass: [df("FROM debian:12\nRUN apt-get install -qy x && apt-get install --yes y && apt-get -qq install z\n")] },
  "DF-APT-CLEAN": {
    fail: [df("FROM debian:12\nRUN apt-get update && apt-get install -y x\n", 2)],
    pass: [
      df("FROM debian:12\nRUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*\n"),
      df("FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y x\n"),
      df("FROM debian:12 AS build\nRUN apt-get update && apt-get install -y x\nFROM debian:12\n"),
    ],
  },
  "DF-APT-PIN": {
    fail: [df("FROM debian:12\nRUN apt-get install -y curl\n", 2)],
    pass: [df("ARG TINI_VERSION=0.19.0-1\nFROM debian:12\nARG TINI_VERSION\nRUN apt-get install -y tini=${TINI_VERSION} curl=7.88 ./local.deb -t bookworm-backports git=1:2.39\n")],
  },
  "DF-APT-GET-NOT-APT": { fail: [df("FROM debian:12\nRUN apt install -y x\n", 2)], pass: [df("FROM debian:12\nRUN apt-get install -y x && apt-cache policy x\n")] },
  "DF-NO-DIST-UPGRADE": { fail: [df("FROM debian:12\nRUN apt-get dist-upgrade -y\n", 2), df("FROM alpine:3.20\nRUN apk upgrade\n", 2)], pass: [df("FROM debian:12\nRUN apt-get install -y --only-upgrade x=1\n")] },
  "DF-APK-NO-CACHE": { fail: [df("FROM alpine:3.20\nRUN apk add curl\n", 2)], pass: [df("FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\nRUN --mount=type=cache,target=/var/cache/apk apk add jq\n")] },
  "DF-APK-PIN": { fail: [df("FROM alpine:3.20\nRUN apk add --no-cache curl\n", 2)], pass: [df("FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps curl=8.9.1-r0 jq~=1.7\n")] },
  "DF-RPM-FAMILY": {
    fail: [df("FROM fedora:40\nRUN dnf install httpd\n", 2), df("FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y tar\n", 2)],
    pass: [df("FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\nRUN zypper -n install curl && zypper clean -a\n")],
  },
  "DF-PIP-NO-CACHE": {
    fail: [df("FROM python:3.12-slim\nRUN pip install -r requirements.txt\n", 2), df("FROM python:3.12-slim\nRUN python -m pip install -r r.txt\n", 2)],
    pass: [
      df("FROM python:3.12-slim\nRUN pip install --no-cache-dir -r r.txt\n"),
      df("FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r r.txt\n"),
      df("FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r r.txt\n"),
      df("FROM python:3.12-slim AS a\nENV PIP_NO_CACHE_DIR=true\nFROM a\nRUN PIP_NO_CACHE_DIR=1 pip install -r r.txt\n"),
    ],
  },
  "DF-PIP-PIN": {
    fail: [df("FROM python:3.12\nRUN pip install --no-cache-dir flask\n", 2), df("FROM python:3.12\nRUN pip install --no-cache-dir --upgrade pip\n", 2)],
    pass: [df("FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt && pip install --no-cache-dir flask==3.0.3 'uvicorn>=0.30' . /wheels/x.whl git+https://github.com/a/b@v1 -c constraints.txt\n")],
  },
  "DF-NPM-PIN": {
    fail: [df("FROM node:22\nRUN npm install express\n", 2), df("FROM node:22\nRUN npm i -g @angular/cli\n", 2)],
    pass: [df("FROM node:22\nRUN npm ci && npm install && npm install -g npm@10.8.2 @scope/pkg@1.2.3 ./local git+https://x/y.git#v1\n")],
  },
  "DF-YARN-CLEAN": {
    fail: [df("FROM node:22\nRUN yarn install --frozen-lockfile\n", 2)],
    pass: [df("FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n")],
  },
  "DF-GO-INSTALL-PIN": { fail: [df("FROM golang:1.23\nRUN go install github.com/a/b/cmd/c\n", 2)], pass: [df("FROM golang:1.23\nRUN go install github.com/a/b/cmd/c@v1.2.3 && go install ./...\n")] },
  "DF-ONE-DOWNLOADER": { fail: [df("FROM debian:12\nRUN curl -o a https://x\nRUN wget -q https://y\n", 3)], pass: [df("FROM debian:12\nRUN curl -o a https://x\nRUN curl -o b https://y\n")] },
  "DF-WGET-PROGRESS": { fail: [df("FROM debian:12\nRUN wget https://x\n", 2)], pass: [df("FROM debian:12\nRUN wget -q https://x && wget --progress=dot:giga https://y && wget -nv https://z\n")] },
  "DF-MULTISTAGE": {
    fail: [df("FROM golang:1.23\nRUN go build -o /app .\n", 1), df("FROM node:22\nRUN npm run build\n", 1)],
    pass: [df("FROM golang:1.23 AS b\nRUN go build -o /app .\nFROM scratch\nCOPY --from=b /app /app\n"), df("FROM python:3.12-slim\nRUN pip install --no-cache-dir -r r.txt\n")],
  },
  "DF-STAGE-NAMES": {
    fail: [df("FROM debian:12 AS a\nFROM debian:12 AS a\n", 2), df("FROM debian:12 AS Build\n", 1), df("FROM debian:12 as build\n", 1), df("FROM debian:12 AS scratch\n", 1)],
    pass: [df("FROM debian:12 AS build\nFROM debian:12 AS final\nfrom debian:12 as lower\n")],
  },
  "DF-COPY-FROM-VALID": {
    fail: [df("FROM debian:12 AS a\nCOPY --from=a /x /y\n", 2), df("FROM debian:12 AS a\nCOPY --from=b /x /y\nFROM debian:12 AS b\n", 2), df("FROM debian:12\nCOPY --from=builder /x /y\n", 2), df("FROM debian:12\nCOPY --from=1 /x /y\nFROM debian:12\n", 2)],
    pass: [df("FROM debian:12 AS a\nFROM debian:12\nCOPY --from=a /x /y\nCOPY --from=0 /x /z\nCOPY --from=docker.io/library/busybox:1.36 /bin/busybox /bin/\n")],
  },
  "DF-COPY-MULTI-DEST": { fail: [df("FROM debian:12\nCOPY a b /app\n", 2), df("FROM debian:12\nCOPY [\"a\", \"b\", \"/app\"]\n", 2)], pass: [df("FROM debian:12\nCOPY a b /app/\nCOPY a /app\n")] },
  "DF-COPY-NOT-ADD": { fail: [df("FROM debian:12\nADD app.py /app/\n", 2)], pass: [df("FROM debian:12\nADD rootfs.tar.xz /\nCOPY app.py /app/\n")] },
  "DF-COPY-CHOWN": { fail: [df("FROM debian:12\nRUN chown -R 10001:10001 /app\n", 2)], pass: [df("FROM debian:12\nCOPY --chown=10001:10001 data /data\nRUN install -d -o 10001 -g 10001 /app/tmp && chown 10001 /app/run\n")] },
  "DF-WORKDIR-ABSOLUTE": { fail: [df("FROM debian:12\nWORKDIR app\n", 2)], pass: [df("FROM debian:12\nWORKDIR /app\nWORKDIR $HOME/x\n")] },
  "DF-WORKDIR-NOT-CD": { fail: [df("FROM debian:12\nRUN cd /tmp && make\n", 2)], pass: [df("FROM debian:12\nWORKDIR /tmp\nRUN make -C /src\n")] },
  "DF-COPY-RELATIVE-WORKDIR": {
    fail: [df("FROM debian:12\nCOPY a.txt app/\n", 2)],
    pass: [df("FROM debian:12 AS base\nWORKDIR /app\nFROM base\nCOPY a.txt ./\nCOPY b.txt /abs/\n")],
  },
  "DF-EXEC-FORM": {
    fail: [df("FROM debian:12\nCMD python app.py\n", 2), df("FROM debian:12\nENTRYPOINT ['/app']\n", 2)],
    pass: [df("FROM debian:12\nENTRYPOINT [\"tini\", \"--\"]\nCMD [\"python\", \"app.py\"]\n")],
  },
  "DF-SINGLE-CMD-ENTRYPOINT-HEALTHCHECK": {
    fail: [df("FROM debian:12\nCMD [\"a\"]\nCMD [\"b\"]\n", 3), df("FROM debian:12\n" + H + H, 3)],
    pass: [df("FROM debian:12 AS a\nCMD [\"a\"]\nFROM debian:12\nCMD [\"b\"]\n")],
  },
  "DF-NO-MAINTAINER": { fail: [df("FROM debian:12\nMAINTAINER me\n", 2)], pass: [df("FROM debian:12\nLABEL org.opencontainers.image.authors=me\n")] },
  // With Debian's shellcheck (the config runner is what checkPaths passes when it is installed).
  "DF-RUN-SHELLCHECK": {
    fail: [
      df("FROM debian:12\nARG V=1\nRUN apt-get install -y tini=${V}\n", 3, { shellcheck: SHELLCHECK }),
      df("FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt \\\n    for f in $(ls *.txt); do echo $f; done\n", 2, { shellcheck: SHELLCHECK }),
    ],
    pass: [
      df("FROM debian:12\nARG V=1\nRUN apt-get install -y \"tini=${V}\" \\\n && find / -xdev -perm /6000 -type f -exec chmod a-s {} \\;\n", undefined, { shellcheck: SHELLCHECK }),
      // No runner (checkTexts alone, or shellcheck not installed): the rule does not run.
      df("FROM debian:12\nRUN echo $HOME\n"),
    ],
  },
  "DF-PIPEFAIL": {
    fail: [
      df("FROM debian:12\nRUN curl -s https://x | tar -xz\n", 2),
      df("FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN a | b\n", 3),
      // A pipe inside a case branch is still a pipe.
      df("FROM debian:12\nRUN case \"$x\" in a|b) curl -s https://x | tar -xz ;; esac\n", 2),
      df("FROM debian:12\nRUN echo case x in | tee y\n", 2),
    ],
    pass: [
      df("FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN a | b\n"),
      df("FROM alpine:3.20 AS a\nSHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]\nFROM a\nRUN a | b\n"),
      df("FROM debian:12\nRUN set -o pipefail && a | b\nRUN [\"a\", \"|\", \"b\"]\n"),
      // `|` between case patterns separates alternatives (the Java template picks the jar this way).
      df("FROM debian:12\nRUN for jar in target/*.jar; do case \"$jar\" in *-sources.jar|*-javadoc.jar|*/original-*) ;; *) cp \"$jar\" /out/app.jar ;; esac; done\n"),
    ],
  },
  "DF-SHELL-INSTR": { fail: [df("FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n", 2)], pass: [df("FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN ln -s /opt/x /usr/bin/x\n")] },
  "DF-NO-CONTAINER-ADMIN-CMDS": { fail: [df("FROM debian:12\nRUN service nginx start\n", 2)], pass: [df("FROM debian:12\nRUN apt-get install -y vim procps\n")] },
  "DF-VAR-DEFINED": {
    fail: [df("FROM python:${PY}-slim\n", 1), df("ARG V=1\nFROM debian:12\nLABEL v=$V\n", 3), df("FROM debian:12\nENV A=1 B=$A\n", 2), df("ARG T\nFROM node:${T}\n", 2)],
    pass: [df("ARG V=1\nFROM debian:12\nARG V\nLABEL v=$V\nENV A=1\nENV B=$A\nRUN echo $V $HOME\nFROM --platform=$BUILDPLATFORM debian:12\n")],
  },
  "DF-PORT-VALID": {
    fail: [df("FROM debian:12\nEXPOSE 70000\n", 2), df("FROM debian:12\nEXPOSE 80/TCP\n", 2), df("FROM debian:12\nEXPOSE 8080:80\n", 2)],
    pass: [df("FROM debian:12\nEXPOSE 8080 8081/udp 9000-9010/tcp\n")],
  },
  "DF-ONBUILD": { fail: [df("FROM debian:12\nONBUILD ONBUILD RUN x\n", 2)], pass: [df("FROM debian:12\nONBUILD COPY . /app\n")] },
  "DF-FROM-PLATFORM": {
    fail: [df("FROM --platform=linux/amd64 debian:12\n", 1), df("FROM --platform=$TARGETPLATFORM debian:12\n", 1)],
    pass: [df("FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM debian:12\n")],
  },
  "DF-STYLE": {
    fail: [df("from debian:12\n", 1), df("FROM debian:12\nENV A 1\n", 2), df("FROM debian:12\nRUN echo a\nRUN echo b\n", 3), df("FROM debian:12\nLABEL Version=1\n", 2), df("FROM debian:12\nRUN a \\\n\n  && b\n", 3)],
    pass: [df("FROM debian:12\nENV A=1\nLABEL org.opencontainers.image.version=1\nRUN a && b && c\nRUN d\nRUN --mount=type=cache,target=/x e\n")],
  },
  "DF-LABELS-OCI": {
    fail: [df("FROM debian:12\nLABEL org.opencontainers.image.title=x\n", 1)],
    pass: [df("FROM debian:12 AS base\nLABEL org.opencontainers.image.title=x org.opencontainers.image.source=y org.opencontainers.image.version=1\nFROM base\nLABEL org.opencontainers.image.revision=abc org.opencontainers.image.licenses=MIT\n")],
  },
  "DF-SYNTAX-DIRECTIVE": {
    fail: [df("FROM debian:12\nRUN --mount=type=cache,target=/x true\n", 1), df("FROM debian:12\nCOPY --link a /a\n", 1)],
    pass: [df("# syntax=docker/dockerfile:1\nFROM debian:12\nRUN --mount=type=cache,target=/x true\n"), df("FROM debian:12\nRUN true\n")],
  },
};
