// The real prompts (@inquirer/prompts) in a real terminal, driven with tmux: the built
// executable asks each question, arrow keys and typed answers reach it, the files are
// written with the chosen answers; Ctrl+C at the first prompt exits 130 and writes nothing.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { OUTPUT_FILES } from "../../src/model/plan.js";
import { BUILT_CLI, assertBuilt } from "../helpers/built-cli.js";
import { TmuxSession, requireTmux, sh, waitUntil } from "../helpers/tmux.js";
import { tempDir } from "../helpers/tmp.js";

const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

/** Run `node dist/cli/main.js init <dir>` in a terminal with CI unset; its exit code goes to a file. */
function startInit(dir: string): { session: TmuxSession; exitFile: string } {
  requireTmux();
  assertBuilt();
  const exitFile = join(tempDir("ds-exit-"), "exit");
  const session = new TmuxSession();
  sessions.push(session);
  session.start(`unset CI; ${sh(process.execPath)} ${sh(BUILT_CLI)} init ${sh(dir)}; echo "EXIT=$?" > ${sh(exitFile)}`);
  return { session, exitFile };
}

function exitCode(exitFile: string): Promise<number> {
  return waitUntil(() => {
    if (!existsSync(exitFile)) return undefined;
    const m = /^EXIT=(\d+)$/m.exec(readFileSync(exitFile, "utf8"));
    return m ? Number(m[1]) : undefined;
  }, `the exit code in ${exitFile}`);
}

/** The active prompt `message` (inquirer marks it with "?"). */
const asking = (message: string) => new RegExp(`^\\? ${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "m");
/** The answered prompt `message` showing `answer` (inquirer marks it with a check mark). */
const answered = (message: string, answer: string) => new RegExp(`^(?!\\?)\\S+ ${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} ${answer.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`, "m");

describe("the real prompts in a terminal (tmux)", () => {
  it("tmux is installed", () => {
    requireTmux();
  });

  it("answers every question with keys: Go chosen with the arrows, a custom port, read-only declined", async () => {
    const dir = tempDir("ds-tty-");
    const { session, exitFile } = startInit(dir);
    const step = async (message: string, send: () => void, answer: string) => {
      await session.waitFor(asking(message));
      send();
      await session.waitFor(answered(message, answer));
    };

    await step("Language", () => session.keys("Down", "Down", "Enter"), "Go");
    await step("Framework", () => session.keys("Up", "Up", "Enter"), "chi");
    await step("Package manager", () => session.keys("Enter"), "go");
    await step("Go version", () => session.keys("Enter"), "1.23");
    await step("Port the app listens on", () => (session.type("9090"), session.keys("Enter")), "9090");
    await step("Production start command", () => session.keys("Enter"), "/app/server");
    await step("Health check path (empty for a TCP probe)", () => session.keys("Enter"), "/healthz");
    await step("Final image", () => session.keys("Enter"), "distroless (no shell, no package manager: smallest attack surface)");
    await step("Numeric uid (and gid) to run as", () => session.keys("Enter"), "65532");
    await step("Read-only root filesystem (a tmpfs for /tmp)?", () => (session.type("n"), session.keys("Enter")), "No");
    await step("Drop all Linux capabilities?", () => session.keys("Enter"), "Yes");
    await step("Forbid privilege escalation (no-new-privileges)?", () => session.keys("Enter"), "Yes");
    await step("Development target (a reloading dev stage, make dev)?", () => session.keys("Enter"), "No");
    await step("Install from a private registry (build secrets)?", () => session.keys("Enter"), "No");
    await step("CI workflow", () => session.keys("Enter"), "none");
    await step("Keep base images and dependencies fresh with", () => session.keys("Enter"), "nothing");

    // The summary comes before the confirmation, and nothing is written before it is given.
    const summary = await session.waitFor(asking("Write these files?"));
    expect(summary).toMatch(/port\s+9090\s+\[answered\]/);
    expect(summary).toMatch(/framework\s+chi\s+\[answered\]/);
    expect(summary).toMatch(/CREATE\s+Dockerfile/);
    expect(readdirSync(dir)).toEqual([]);
    session.keys("Enter");

    expect(await exitCode(exitFile)).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([...OUTPUT_FILES, ".docker-scaffold"].sort());
    const dockerfile = readFileSync(join(dir, "Dockerfile"), "utf8");
    expect(dockerfile).toContain("EXPOSE 9090");
    expect(dockerfile).toContain('CMD ["/app/healthcheck", "http://127.0.0.1:9090/healthz"]');
    expect(dockerfile).toContain("FROM gcr.io/distroless/static-debian12:nonroot");
    const compose = readFileSync(join(dir, "docker-compose.yml"), "utf8");
    expect(compose).not.toContain("read_only");
    expect(compose).toContain("ALL");
    const recorded = parseYaml(readFileSync(join(dir, ".docker-scaffold.yml"), "utf8")) as { answers: Record<string, unknown> };
    expect(recorded.answers).toMatchObject({ language: "go", framework: "chi", port: 9090, security: { readOnly: false } });
    expect(session.screen()).toMatch(/Wrote in /);
  }, 90_000);

  it("Ctrl+C at the first prompt exits 130 and writes nothing", async () => {
    const dir = tempDir("ds-tty-");
    const { session, exitFile } = startInit(dir);
    await session.waitFor(asking("Language"));
    session.keys("C-c");
    expect(await exitCode(exitFile)).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it("Ctrl+C at the final confirmation exits 130 and writes nothing", async () => {
    const dir = tempDir("ds-tty-");
    const { session, exitFile } = startInit(dir);
    const enterAt = async (message: string) => {
      await session.waitFor(asking(message));
      session.keys("Enter");
    };
    // Enter everywhere: FastAPI, and its starter app (offered in an empty folder) accepted.
    for (const message of ["Language", "Framework", "Package manager", "Python version", "Port the app listens on", "Production start command", "Health check path", "Numeric uid", "Read-only root filesystem", "Drop all Linux capabilities?", "Forbid privilege escalation", "Development target", "Install from a private registry", "CI workflow", "Keep base images and dependencies fresh with", "There is no app here yet"]) {
      await enterAt(message);
    }
    await session.waitFor(asking("Write these files?"));
    session.keys("C-c");
    expect(await exitCode(exitFile)).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
  }, 90_000);
});
