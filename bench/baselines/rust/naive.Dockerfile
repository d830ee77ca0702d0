# The naive baseline: the single-stage Dockerfile people commit. The full toolchain image
# ships with the binary and the build's target/ folder, the whole working copy is sent
# (there is no .dockerignore), any change recompiles every crate, run as root, no HEALTHCHECK.
# Placeholders in double braces are filled by bench/variants.mjs from bench/apps.mjs.
FROM rust:{{RUNTIME_VERSION}}
WORKDIR /app
COPY . .
RUN cargo build --release
EXPOSE {{PORT}}
CMD {{CMD_EXEC}}
