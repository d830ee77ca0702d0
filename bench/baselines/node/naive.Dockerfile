# The naive baseline: the single-stage Dockerfile people commit. The full language image,
# the whole working copy (there is no .dockerignore), dependencies installed after the
# sources (so any change re-installs them), run as root, no init, no HEALTHCHECK.
# Placeholders in double braces are filled by bench/variants.mjs from bench/apps.mjs.
FROM node:{{RUNTIME_VERSION}}
WORKDIR /app
COPY . .
RUN npm install
{{BUILD_STEP}}
EXPOSE {{PORT}}
CMD {{CMD_EXEC}}
