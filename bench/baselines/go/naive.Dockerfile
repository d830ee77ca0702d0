# The naive baseline: the single-stage Dockerfile people commit. The full toolchain image
# ships with the binary, the whole working copy is sent (there is no .dockerignore), any
# change recompiles from scratch, run as root, no HEALTHCHECK.
# Placeholders in double braces are filled by bench/variants.mjs from bench/apps.mjs.
FROM golang:{{RUNTIME_VERSION}}
WORKDIR /app
COPY . .
RUN go build -o server .
EXPOSE {{PORT}}
CMD {{CMD_EXEC}}
