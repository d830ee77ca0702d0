// Failing and passing examples for every compose rule.
import { cmp, svc, type RuleCases } from "./case.js";

const ok = (body: string) => cmp(svc(body));
// Lines count from the top of the file: the service body starts on line 3.
const bad = (body: string, line: number) => cmp(svc(body), line - 1);

export const COMPOSE_CASES: Record<string, RuleCases> = {
  "CMP-SCHEMA-VALID": {
    fail: [cmp("services:\n  app:\n    image: a:1\n    bogus: 1\n", 4), cmp("services:\n  app:\n    image: 'a:1\n", 4), cmp("services: [\n", 2), cmp("services:\n  app:\n    cap_drop: ALL\n", 3)],
    pass: [ok("image: a:1\nread_only: true\nports:\n  - target: 8000\n    host_ip: 127.0.0.1\n    published: '8000'")],
  },
  "CMP-NO-PRIVILEGED": { fail: [bad("privileged: true", 4)], pass: [ok("privileged: false")] },
  "CMP-CAP-DROP-ALL": {
    fail: [bad("cap_drop: [NET_RAW]", 4), cmp(svc("image: a:1"), 2)],
    pass: [
      ok("cap_drop: [all]"),
      ok("cap_drop:\n  - CAP_ALL"),
      cmp("x-hardening: &hardening\n  cap_drop: [ALL]\nservices:\n  app:\n    <<: *hardening\n    image: a:1\n"),
      cmp("services:\n  base:\n    cap_drop: [ALL]\n  app:\n    extends: base\n"),
    ],
  },
  "CMP-CAP-ADD-MINIMAL": { fail: [bad("cap_add:\n  - NET_BIND_SERVICE\n  - SYS_PTRACE", 6)], pass: [ok("cap_add: [NET_BIND_SERVICE, CAP_CHOWN]")] },
  "CMP-NO-NEW-PRIVS": { fail: [bad("security_opt: [\"label:type:x\"]", 4)], pass: [ok("security_opt: [\"no-new-privileges:true\"]"), ok("security_opt:\n  - no-new-privileges")] },
  "CMP-READONLY-ROOTFS": { fail: [cmp(svc("image: a:1"), 2), bad("read_only: 'yes'", 4)], pass: [ok("read_only: true")] },
  "CMP-TMPFS-HARDENED": {
    fail: [bad("tmpfs:\n  - /tmp", 5), bad("volumes:\n  - type: tmpfs\n    target: /tmp", 5)],
    pass: [ok("tmpfs: ['/tmp:rw,noexec,nosuid,size=64m']\nvolumes:\n  - type: tmpfs\n    target: /run\n    tmpfs:\n      size: 1000000")],
  },
  "CMP-USER-NONROOT": {
    fail: [
      bad("user: root", 4),
      bad("user: '0:0'", 4),
      cmp(svc("image: postgres:16"), 2),
      cmp(svc("build: ."), 2, { Dockerfile: "FROM debian:12\n" }),
      // An image whose entrypoint drops root is accepted only with every capability dropped, and only the official one.
      cmp(svc("image: acme/postgres:16\ncap_drop: [ALL]"), 2),
      cmp(svc("image: postgres:16\ncap_drop: [NET_RAW]"), 2),
      // A build context in a sub-folder (several apps): its Dockerfile is read there.
      cmp(svc("build: ./api"), 2, { "api/Dockerfile": "FROM debian:12\n" }),
    ],
    pass: [
      ok("user: '10001:10001'"),
      cmp(svc("build: ."), undefined, { Dockerfile: "FROM debian:12\nUSER 10001:10001\n" }),
      ok("user: ${APP_UID}"),
      // The official postgres entrypoint chowns its directories as root, then runs the server as uid 999.
      ok("image: postgres:17.2-bookworm\ncap_drop: [ALL]\ncap_add: [CHOWN, DAC_OVERRIDE, FOWNER, SETGID, SETUID]"),
      cmp(svc("build:\n  context: ./api\n  dockerfile: Dockerfile"), undefined, { "api/Dockerfile": "FROM debian:12\nUSER 10001:10001\n" }),
    ],
  },
  "CMP-NO-HOST-NETWORK": { fail: [bad("network_mode: host", 4)], pass: [ok("network_mode: 'service:db'")] },
  "CMP-NO-HOST-PID": { fail: [bad("pid: host", 4)], pass: [ok("pid: 'service:app2'")] },
  "CMP-NO-HOST-IPC": { fail: [bad("ipc: host", 4)], pass: [ok("ipc: private")] },
  "CMP-NO-HOST-UTS": { fail: [bad("uts: host", 4)], pass: [ok("image: a:1")] },
  "CMP-NO-HOST-USERNS": { fail: [bad("userns_mode: host", 4)], pass: [ok("image: a:1")] },
  "CMP-NO-HOST-CGROUP": { fail: [bad("cgroup: host", 4), bad("cgroup_parent: x", 4)], pass: [ok("cgroup: private")] },
  "CMP-NO-DOCKER-SOCKET": {
    fail: [bad("volumes:\n  - /var/run/docker.sock:/var/run/docker.sock:ro", 5), bad("volumes:\n  - type: bind\n    source: /run/containerd/containerd.sock\n    target: /c.sock", 5)],
    pass: [ok("volumes:\n  - ./docker.sock.md:/doc.md:ro\n  - data:/data")],
  },
  "CMP-NO-SENSITIVE-MOUNTS": { fail: [bad("volumes:\n  - /etc/passwd:/etc/passwd:ro", 5), bad("volumes:\n  - /:/host", 5)], pass: [ok("volumes:\n  - ./etc:/etc/app:ro\n  - /srv/data:/data")] },
  "CMP-NO-DEVICES": { fail: [bad("devices: ['/dev/fuse']", 4)], pass: [ok("image: a:1")] },
  "CMP-NO-SHARED-PROPAGATION": { fail: [bad("volumes:\n  - ./d:/d:rshared", 5)], pass: [ok("volumes:\n  - ./d:/d:ro,rprivate")] },
  "CMP-SECCOMP-DEFAULT": { fail: [bad("security_opt: ['seccomp=unconfined']", 4)], pass: [ok("security_opt: ['seccomp=./profile.json']")] },
  "CMP-LSM-NOT-DISABLED": { fail: [bad("security_opt: ['apparmor:unconfined']", 4), bad("security_opt: ['label=disable']", 4)], pass: [ok("security_opt: ['apparmor:docker-default']")] },
  "CMP-MEM-LIMIT": {
    fail: [cmp(svc("image: a:1"), 2), { files: { "docker-compose.override.yml": svc("image: a:1"), "compose.yaml": "services:\n  other:\n    mem_limit: 1g\n" }, line: 2 }],
    pass: [{ files: { "docker-compose.override.yml": svc("ports: ['127.0.0.1:1:1']"), "docker-compose.yml": svc("mem_limit: 256m") } }, ok("mem_limit: 256m"), ok("deploy:\n  resources:\n    limits:\n      memory: 256M")] },
  "CMP-CPU-LIMIT": { fail: [cmp(svc("image: a:1"), 2)], pass: [ok("cpus: 0.5"), ok("deploy:\n  resources:\n    limits:\n      cpus: '0.5'")] },
  "CMP-PIDS-LIMIT": { fail: [cmp(svc("image: a:1"), 2), bad("pids_limit: -1", 4)], pass: [ok("pids_limit: 100"), ok("deploy:\n  resources:\n    limits:\n      pids: 100")] },
  "CMP-ULIMITS": {
    fail: [{ files: { "docker-compose.yml": svc("image: a:1") }, line: 2, config: { enable: ["CMP-ULIMITS"] } }],
    pass: [{ files: { "docker-compose.yml": svc("ulimits:\n  nofile: 1024") }, config: { enable: ["CMP-ULIMITS"] } }, cmp(svc("image: a:1"))],
  },
  "CMP-RESTART-BOUNDED": {
    fail: [bad("restart: always", 4), bad("restart: on-failure", 4), bad("deploy:\n  restart_policy:\n    condition: any", 5)],
    pass: [ok("restart: on-failure:5"), ok("restart: 'no'"), ok("deploy:\n  restart_policy:\n    condition: on-failure\n    max_attempts: 3")],
  },
  "CMP-HEALTHCHECK": {
    fail: [cmp(svc("image: a:1"), 2), bad("healthcheck:\n  disable: true", 4), bad("healthcheck:\n  test: [NONE]", 4)],
    pass: [ok("healthcheck:\n  test: [CMD, /app, health]"), cmp(svc("build: ."), undefined, { Dockerfile: "FROM debian:12\nHEALTHCHECK CMD [\"/h\"]\n" })],
  },
  "CMP-DEPENDS-HEALTHY": {
    fail: [cmp("services:\n  app:\n    depends_on: [db]\n  db:\n    healthcheck:\n      test: [CMD, pg_isready]\n", 3)],
    pass: [cmp("services:\n  app:\n    depends_on:\n      db:\n        condition: service_healthy\n      cache:\n        condition: service_started\n  db:\n    healthcheck:\n      test: [CMD, pg_isready]\n  cache:\n    image: redis:7\n")],
  },
  "CMP-PORTS-BIND-IFACE": {
    fail: [bad("ports: ['8000:8000']", 4), bad("ports: ['0.0.0.0:8000:8000']", 4), bad("ports:\n  - target: 80\n    published: '8080'", 5), bad("ports: ['8000']", 4)],
    pass: [ok("ports: ['127.0.0.1:8000:8000', '[::1]:8001:8001', '${BIND:-127.0.0.1}:8002:8002', '${HOST_IP}:8003:8003']")],
  },
  "CMP-NO-PRIVILEGED-HOST-PORTS": { fail: [bad("ports: ['127.0.0.1:80:8080']", 4)], pass: [ok("ports: ['127.0.0.1:8080:80']")] },
  "CMP-ONLY-NEEDED-PORTS": {
    fail: [bad("ports: ['127.0.0.1:9000-9005:9000-9005']", 4), cmp("services:\n  a:\n    ports: ['127.0.0.1:8000:80']\n  b:\n    ports: ['127.0.0.1:8000:81']\n", 5)],
    pass: [ok("ports: ['127.0.0.1:8000:80', '127.0.0.1:8000:80/udp']")],
  },
  "CMP-IMAGE-PINNED": { fail: [bad("image: redis", 4), bad("image: redis:latest", 4), bad("image: acme/app:stable", 4)], pass: [ok("image: redis:7.4-alpine"), ok("image: ${REGISTRY}/app:1.0"), ok("image: redis@sha256:" + "c".repeat(64))] },
  "CMP-BUILD-IMAGE-PULLPOLICY": { fail: [bad("build: .\nimage: app:local", 5)], pass: [ok("build: .\nimage: app:local\npull_policy: build"), ok("build: .")] },
  "CMP-NO-LITERAL-SECRETS": {
    fail: [bad("environment:\n  DB_PASSWORD: hunter2", 5), bad("environment:\n  - API_TOKEN=abc", 5), bad("environment:\n  PG_PASSWORD: ${PG_PASSWORD:-postgres}", 5), bad("environment:\n  GREETING: ghp_abcdefghijklmnopqrstuvwxyz0123456789", 5)],
    pass: [ok("environment:\n  DB_PASSWORD: ${DB_PASSWORD:?set it}\n  DB_PASSWORD_FILE: /run/secrets/db\n  MYSQL_RANDOM_ROOT_PASSWORD: '1'\n  EMPTY_TOKEN: ''\n  LOG_LEVEL: info")],
  },
  "CMP-SECRETS-FILE": {
    fail: [bad("environment:\n  DB_PASSWORD: ${DB_PASSWORD}", 5), bad("secrets: [missing]", 4), cmp("services:\n  app:\n    image: a:1\nsecrets:\n  x: {}\n", 5)],
    pass: [cmp("services:\n  app:\n    secrets: [db]\n    environment:\n      DB_PASSWORD_FILE: /run/secrets/db\nsecrets:\n  db:\n    file: ./db.txt\n")],
  },
  "CMP-CUSTOM-NETWORK": { fail: [bad("network_mode: bridge", 4)], pass: [ok("networks: [backend]"), ok("image: a:1")] },
  "CMP-LOGGING-BOUNDED": {
    fail: [cmp(svc("image: a:1"), 2), bad("logging:\n  driver: json-file\n  options:\n    max-size: 10m", 4)],
    pass: [ok("logging:\n  driver: json-file\n  options:\n    max-size: 10m\n    max-file: '3'"), ok("logging:\n  driver: journald")],
  },
  "CMP-NO-VERSION": { fail: [cmp("version: '3.8'\nservices:\n  app:\n    image: a:1\n", 1)], pass: [cmp(svc("image: a:1"))] },
  "CMP-PROJECT-NAME": {
    fail: [{ files: { "compose.yaml": svc("image: a:1") }, line: 1, config: { enable: ["CMP-PROJECT-NAME"] } }],
    pass: [{ files: { "compose.yaml": "name: shop\n" + svc("image: a:1") }, config: { enable: ["CMP-PROJECT-NAME"] } }, cmp(svc("image: a:1"))],
  },
  "CMP-STYLE": {
    fail: [bad("ports:\n  - \"127.0.0.1:80:80\"", 5), bad("user: '1'\nimage: a:1", 5), cmp("services:\n  b:\n    image: a:1\n  a:\n    image: a:1\n", 4), cmp("volumes:\n  x:\nservices:\n  a:\n    image: a:1\n", 3), bad("volumes:\n  - './a:/a'", 5), bad("depends_on: [web, db]", 4)],
    pass: [ok("image: a:1\nvolumes:\n  - ./a:/a\nports:\n  - '127.0.0.1:80:80'\nuser: '1'\ncap_drop: [ALL]")],
  },
};
