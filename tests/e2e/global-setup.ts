// Brings up the container lab (podman behind the Docker API, docker-compose 1.29) and
// builds the CLI, once for the e2e project. A lab that cannot start fails the run: the
// container tests are never skipped.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export const LAB_DIR = resolve(process.cwd(), "..", "shared", "container-lab");

export default function setup(): void {
  if (!existsSync(join(LAB_DIR, "up"))) {
    throw new Error(`The container lab is not at ${LAB_DIR}; the e2e tests need ../shared/container-lab (see README).`);
  }
  const exports = execFileSync("bash", [join(LAB_DIR, "up")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  for (const m of exports.matchAll(/^export (\w+)=(.*)$/gm)) process.env[m[1]!] = m[2]!;
  if (!process.env.DOCKER_HOST) throw new Error(`container-lab/up printed no DOCKER_HOST:\n${exports}`);
  execFileSync("npm", ["run", "build", "--silent"], { stdio: "inherit" });
}
