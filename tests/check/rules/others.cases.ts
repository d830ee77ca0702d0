// Failing and passing examples for the .dockerignore, env.example and Makefile rules.
import { cmp, di, env, mk, type RuleCases } from "./case.js";

const GOOD_IGNORE = ".git\n.env\n.env.*\n!.env.example\n*.pem\n*.key\nid_rsa*\nid_ed25519*\n.npmrc\n.pypirc\n**/credentials*\nsecrets/\nDockerfile*\ndocker-compose*.yml\n.dockerignore\nnode_modules\n__pycache__\n.venv\n.pytest_cache\n";
const GOOD_MAKE = "SHELL := bash\n.SHELLFLAGS := -eu -o pipefail -c\nIMAGE ?= app:local\n.PHONY: build lint scan\nbuild:\n\tdocker build --pull -t $(IMAGE) .\nlint:\n\tdocker run --rm -i hadolint/hadolint:v2.12.0 < Dockerfile\n\tnpx --yes dclint@3.1.0 .\nscan:\n\tdocker run --rm aquasec/trivy:0.56.2 image $(IMAGE)\n";

/** Valid Makefile shapes the static parser must accept (MK-DRYRUN-VALID passes). */
export const VALID_MAKEFILES = [
  "ifeq ($(OS),Windows_NT)\n\tEXE = .exe\nelse ifeq ($(UNAME),Darwin)\n\tEXE =\nelse\n\tEXE =\nendif\n",
  "define HELP\nusage: make <target>\n  build  build it\nendef\nexport HELP\n$(info $(HELP))\n$(foreach v,A B,$(eval $(v) := 1))\n",
  "%.o: %.c\n\t$(CC) -c $< -o $@\nall:: a.o\nbuild: IMAGE = x\n-include local.mk\n.ONESHELL:\nx := $(shell echo hi)\n",
];

export const OTHER_CASES: Record<string, RuleCases> = {
  "DI-EXISTS": {
    fail: [{ files: { Dockerfile: "FROM debian:12\n" }, line: 1 }],
    pass: [{ files: { Dockerfile: "FROM debian:12\n", ".dockerignore": ".git\n" } }, { files: { "api.Dockerfile": "FROM debian:12\n", "api.Dockerfile.dockerignore": ".git\n" } }],
  },
  "DI-EXCLUDE-SECRETS": { fail: [di(".git\n*.pem\n")], pass: [di(GOOD_IGNORE)] },
  "DI-EXCLUDE-VCS": { fail: [di("node_modules\n")], pass: [di(".git\n"), di("*\n!src\n")] },
  "DI-EXCLUDE-BUILD-ARTIFACTS": {
    fail: [di(".git\n", "FROM node:22\nRUN npm ci\n"), di(".git\n", "FROM python:3.12-slim\n")],
    pass: [di("node_modules\n", "FROM node:22\n"), di(".git\n", "FROM golang:1.23\n")],
  },
  "DI-NOT-HIDE-COPIED": {
    fail: [{ files: { Dockerfile: "FROM debian:12\nCOPY src/ /app/src/\n", ".dockerignore": "src\n" }, line: 2 }, { files: { Dockerfile: "FROM debian:12\nCOPY app.py /app/\n", ".dockerignore": "*\n!src\n" }, line: 2 }],
    pass: [{ files: { Dockerfile: "FROM debian:12\nCOPY src/ /app/src/\nCOPY --from=b /x /y\nCOPY *.py /app/\n", ".dockerignore": "*\n!src\nsrc/**/*.pyc\n" } }],
  },
  "DI-EXCLUDE-DOCKER-FILES": { fail: [di(".git\n")], pass: [di("Dockerfile*\n.dockerignore\ndocker-compose*.yml\n")] },
  "ENV-NO-REAL-SECRETS": {
    fail: [env("AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n", 1), env("SECRET_KEY=8f3kLm29Qz7xWv1pR4tY6uBn0cHe5sJd\n", 1), env("DATABASE_URL=postgres://app:Zx8kP2mQ9vL4tR7w@db/app\n", 1)],
    pass: [env("SECRET_KEY=changeme\nDB_PASSWORD=\nAPI_TOKEN=<your token>\nDATABASE_URL=postgres://app:changeme@db/app\nLOG_LEVEL=info\n")],
  },
  "ENV-COVERS-COMPOSE-VARS": {
    fail: [
      { files: { "docker-compose.yml": "services:\n  app:\n    image: app:${TAG}\n", "env.example": "OTHER=1\n" }, line: 3, file: "docker-compose.yml" },
      { files: { "docker-compose.yml": "services:\n  app:\n    image: app:1\n", "env.example": "UNUSED=1\n" }, line: 1, file: "env.example" },
    ],
    pass: [
      { files: { "docker-compose.yml": "services:\n  app:\n    image: app:${TAG}\n    ports: ['${BIND:-127.0.0.1}:80:80']\n    environment:\n      PRICE: $$5\n", "env.example": "TAG=1.0\n" } },
      { files: { "docker-compose.yml": "services:\n  app:\n    image: app:1\n    env_file: .env\n", "env.example": "APP_SETTING=1\n" } },
      env("ONLY=1\n"),
    ],
  },
  "ENV-FORMAT": {
    fail: [env("export A=1\n", 1), env("A = 1\n", 1), env("lower_case=1\n", 1), env("A=1\nA=2\n", 2), env("not a line\n", 1)],
    pass: [env("# comment\n\nA=1\nB_2=\"quoted value\"\n")],
  },
  "ENV-DOTENV-IGNORED": {
    fail: [env("A=1\n", 1, { ".gitignore": "node_modules\n" }), env("A=1\n", 1, { ".gitignore": ".env\nenv.example\n" })],
    pass: [env("A=1\n", undefined, { ".gitignore": ".env*\n!env.example\n" }), env("A=1\n")],
  },
  "MK-PHONY": { fail: [mk("build:\n\techo hi\n", 1)], pass: [mk(".PHONY: build\nbuild:\n\techo hi\nout/app: main.go\n\tgo build -o $@\n")] },
  "MK-SAFE-SHELL": { fail: [mk("build:\n\ttrue\n", 1), mk("SHELL := bash\n.SHELLFLAGS := -c\n", 2)], pass: [mk("SHELL := /bin/bash\n.SHELLFLAGS := -euo pipefail -c\n")] },
  "MK-BUILD-PULL": { fail: [mk(".PHONY: b\nb:\n\tdocker build -t x .\n", 3), mk("b:\n\tdocker compose build app\n", 2)], pass: [mk("b:\n\tdocker build --pull -t x .\n\tdocker compose up -d --build\n\tdocker compose build --pull\n")] },
  "MK-BUILD-SECRETS": { fail: [mk("b:\n\tdocker build --build-arg NPM_TOKEN=$(NPM_TOKEN) .\n", 2)], pass: [mk("b:\n\tdocker build --pull --secret id=npm,env=NPM_TOKEN --build-arg VERSION=1 .\n")] },
  "MK-LINT-TARGETS": {
    fail: [mk("SHELL := bash\n", 1), mk(".PHONY: lint scan\nlint:\n\tdocker run --rm -i hadolint/hadolint < Dockerfile\n\tdclint .\nscan:\n\ttrivy image x\n", 3)],
    pass: [
      mk(GOOD_MAKE),
      // docker-scaffold names them docker-lint/docker-scan when the Makefile already has lint/scan.
      mk(".PHONY: lint docker-lint docker-scan\nlint:\n\truff check .\ndocker-lint:\n\tdocker run --rm -i hadolint/hadolint:v2.12.0 hadolint - < Dockerfile\n\tnpx --yes dclint@3.1.0 docker-compose.yml\ndocker-scan:\n\tdocker run --rm aquasec/trivy:0.58.1 image x\n"),
    ],
  },
  "MK-SUPPLY-CHAIN": { fail: [mk("b:\n\tdocker buildx build --pull -t x .\n", 2)], pass: [mk("b:\n\tdocker buildx build --pull --provenance=true --sbom=true -t x .\n")] },
  "MK-DRYRUN-VALID": {
    fail: [mk("build:\n    echo spaces\n", 2), mk("ifeq ($(A),1)\nX = 1\n", 1), mk("\techo before any target\n", 1)],
    pass: [mk(GOOD_MAKE), ...VALID_MAKEFILES.map((text) => mk(text))],
  },
  "DF-CONTENT-TRUST": {
    fail: [mk(GOOD_MAKE, 1, { enable: ["DF-CONTENT-TRUST"] })],
    pass: [mk("export DOCKER_CONTENT_TRUST=1\n", undefined, { enable: ["DF-CONTENT-TRUST"] }), mk(GOOD_MAKE)],
  },
};

export { cmp };
