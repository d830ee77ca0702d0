// The Rust detector: Cargo.toml (package, [[bin]], workspace members, rust-version),
// Cargo.lock, rust-toolchain(.toml), and the code for ports, routes and variables.
import { lineOf, type AppContext, type SourceFile } from "../context.js";
import { collectEnvFromFiles, EnvCollector } from "../env-vars.js";
import { decideHealth, healthRank } from "../health.js";
import type { MountedRoute } from "../mounts.js";
import { sanitiseName } from "../names.js";
import { getRecord, getString, getStringArray, parseToml } from "../parse.js";
import { decidePort, portEnvEvidence, portsFromCompose, portsFromDockerfile, portsFromDotenv, type PortCandidate } from "../ports.js";
import { found, notFound, type Finding, type LanguageResult } from "../types.js";
import { pickVersion, type VersionSource } from "../versions.js";

/** Checked in order against [dependencies] (of the package, or of any workspace member). */
export const RUST_FRAMEWORKS: readonly { framework: string; crates: string[]; defaultPort?: number }[] = [
  { framework: "axum", crates: ["axum"] },
  { framework: "actix-web", crates: ["actix-web"] },
  { framework: "rocket", crates: ["rocket"], defaultPort: 8000 },
];

/** Crates that say a backing service is used. */
const SERVICE_CRATES: Record<string, string[]> = {
  postgres: ["tokio-postgres", "postgres", "deadpool-postgres", "bb8-postgres"],
  redis: ["redis", "deadpool-redis", "bb8-redis", "fred"],
};

const PORT_ENV = "((?:[A-Z][A-Z0-9]*_)?PORT)";
/** Port patterns in Rust sources: tier 1 literal binds and env defaults. */
const PORT_PATTERNS: { regex: RegExp; label: string; envGroup?: number; portGroup: number }[] = [
  // env::var("PORT").unwrap_or_else(|_| "8080".to_string()) / .unwrap_or("8080".into())
  { regex: new RegExp(`env::var\\(\\s*"${PORT_ENV}"\\s*\\)[\\s\\S]{0,80}?unwrap_or(?:_else)?\\([^"]{0,20}"(\\d{2,5})"`, "g"), label: "$env defaults to $port", envGroup: 1, portGroup: 2 },
  // "0.0.0.0:8080", "127.0.0.1:3000", "[::]:8080"
  { regex: /"(?:0\.0\.0\.0|127\.0\.0\.1|localhost|\[::\])?:(\d{2,5})"/g, label: "address :$port", portGroup: 1 },
  // SocketAddr::from(([0, 0, 0, 0], 3000)), .bind(("0.0.0.0", 8080))
  { regex: /\(\s*\[\s*0\s*,\s*0\s*,\s*0\s*,\s*0\s*\]\s*,\s*(\d{2,5})\s*\)/g, label: "SocketAddr port $port", portGroup: 1 },
  { regex: /\.bind\(\s*\(\s*"[^"]*"\s*,\s*(\d{2,5})\s*\)\s*\)/g, label: "bind((host, $port))", portGroup: 1 },
];

/** Route patterns: axum/actix `.route("/x", ...)`, actix/rocket `#[get("/x")]`, actix `web::resource("/x")`, a std server's `"GET /x"`. */
const ROUTE_PATTERNS = [/\.route\(\s*"(\/[^"\s]*)"/g, /#\[(?:get|head)\(\s*"(\/[^"\s]*)"/g, /web::resource\(\s*"(\/[^"\s]*)"/g, /"(?:GET|HEAD) (\/[^"\s]*)/g, /==\s*"(\/[^"\s]*)"/g];

interface CargoManifest {
  path: string;
  toml: Record<string, unknown>;
}

export async function detectRust(ctx: AppContext): Promise<LanguageResult> {
  const loaded = await ctx.load("Cargo.toml", "toml");
  const broken = loaded.status === "ok" ? null : loaded.status === "broken" ? `${ctx.at("Cargo.toml")}: ${loaded.problem}` : "no Cargo.toml";
  const root = loaded.status === "ok" ? loaded.value : null;
  const pkg = root ? getRecord(root, "package") : undefined;
  const workspace = root ? getRecord(root, "workspace") : undefined;
  // The crates to read: the package itself, and every workspace member (globs: one level, `crates/*`).
  const members: CargoManifest[] = [];
  if (root && pkg) members.push({ path: ctx.at("Cargo.toml"), toml: root });
  for (const member of await workspaceMembers(ctx, getStringArray(workspace, "members") ?? [])) members.push(member);

  const deps = new Map<string, string>();
  for (const m of members) {
    for (const key of Object.keys(getRecord(m.toml, "dependencies") ?? {})) if (!deps.has(key)) deps.set(key, m.path);
  }
  const hit = RUST_FRAMEWORKS.find((f) => f.crates.some((c) => deps.has(c)));
  const framework: Finding<string> = hit
    ? found(hit.framework, `${deps.get(hit.crates.find((c) => deps.has(c))!)}: [dependencies] ${hit.crates.find((c) => deps.has(c))}`)
    : root ? found("none", `${ctx.at("Cargo.toml")}: no axum, actix-web or rocket among the dependencies`) : notFound(broken!);

  // The binary: one [[bin]], or the one named like a server; else the crate that has src/main.rs.
  const bins = await binaries(ctx, members);
  const bin = decideBin(bins, hit ? deps.get(hit.crates.find((c) => deps.has(c))!) : undefined);

  const versionSources: VersionSource[] = [];
  const toolchain = await toolchainChannel(ctx);
  if (toolchain) versionSources.push(toolchain);
  const rustVersion = getString(pkg, "rust-version") ?? getString(workspace, "package", "rust-version");
  // rust-version is the minimum supported Rust version: a floor, not a pin.
  if (rustVersion) versionSources.push({ where: `${ctx.at("Cargo.toml")}: rust-version`, raw: `>=${rustVersion}` });
  const version = pickVersion(versionSources, "rust");

  const files = await ctx.sources([".rs"], ["Cargo.toml"]);
  const allFiles = files.length > 0 || members.length <= 1 ? files : await memberSources(ctx, members);
  const candidates: PortCandidate[] = [...portsFromRust(allFiles), ...(await portsFromDotenv(ctx)), ...(await portsFromDockerfile(ctx)), ...(await portsFromCompose(ctx))];
  if (hit?.defaultPort) {
    const rocketToml = await ctx.text("Rocket.toml");
    const configured = rocketToml ? /^\s*port\s*=\s*(\d{2,5})/m.exec(rocketToml) : null;
    if (configured) candidates.push({ port: Number(configured[1]), tier: 0, evidence: `${ctx.at("Rocket.toml")}:${lineOf(rocketToml!, configured.index)}: port = ${configured[1]}` });
    else candidates.push({ port: hit.defaultPort, tier: 5, evidence: `${hit.framework} listens on ${hit.defaultPort} by default (ROCKET_PORT overrides it)`, envName: "ROCKET_PORT" });
  }
  const port = decidePort(candidates);

  const env = new EnvCollector();
  for (const file of allFiles) {
    for (const m of file.text.matchAll(/\b(?:env::var(?:_os)?|dotenvy::var|dotenv::var)\(\s*"([A-Za-z_][A-Za-z0-9_]*)"/g)) env.add(m[1]!, `${file.path}:${lineOf(file.text, m.index)}`);
  }
  await collectEnvFromFiles(ctx, env);
  const portEnv = candidates.find((c) => c.envName && c.port === port.value)?.envName ?? (env.list().some((v) => v.name === "PORT") ? "PORT" : undefined);

  const services = new Map<string, string[]>();
  for (const [service, crates] of Object.entries(SERVICE_CRATES)) {
    const crate = crates.find((c) => deps.has(c));
    if (crate) services.set(service, [`${deps.get(crate)}: [dependencies] ${crate}`]);
  }
  const sqlx = members.map((m) => ({ m, features: getStringArray(m.toml, "dependencies", "sqlx", "features") ?? [] })).find((x) => x.features.includes("postgres"));
  if (sqlx && !services.has("postgres")) services.set("postgres", [`${sqlx.m.path}: sqlx with the postgres feature`]);

  const lock = await ctx.findUp(["Cargo.lock"]);
  const name = getString(pkg, "name");
  const declaredTargets = pkg ? targetPaths(root!) : [];
  const isWorkspace = workspace !== undefined && members.length > (pkg ? 1 : 0);
  return {
    framework,
    packageManager: root ? found("cargo", `${ctx.at("Cargo.toml")}: Cargo package${isWorkspace ? " (workspace)" : ""}`) : notFound(broken!),
    runtimeVersion: root ? version.version : notFound(broken!),
    port,
    startCommand: notFound(bin.value ? `the generator builds the ${bin.value} binary and runs it` : "no binary to build"),
    buildCommand: notFound("the generator builds the binary (cargo build --release) itself"),
    healthPath: decideHealth(routesFromRust(allFiles)),
    name: name && sanitiseName(name) ? found(sanitiseName(name)!, `${ctx.at("Cargo.toml")}: package ${name}`) : bin.value && sanitiseName(bin.value) ? found(sanitiseName(bin.value)!, bin.evidence[0] ?? "the binary's name") : notFound(broken ?? "no [package] name"),
    services: root ? found([...services.keys()].sort(), ...([...services.values()].flat().length ? [...services.values()].flat() : ["no database or cache crate among the dependencies"])) : notFound(broken!),
    env: env.list(),
    manifestBroken: broken !== null && broken !== "no Cargo.toml",
    extra: {
      rustBin: bin,
      cargoLock: found(lock !== null, lock ? `${lock}: dependencies are locked (--locked)` : "no Cargo.lock: the build cannot pass --locked; commit one for reproducible images"),
      cargoWorkspace: found(isWorkspace, isWorkspace ? `${ctx.at("Cargo.toml")}: [workspace] with ${members.length} crates` : "a single crate"),
      ...(declaredTargets.length ? { rustTargets: found(declaredTargets, `${ctx.at("Cargo.toml")}: target paths ${declaredTargets.join(", ")}`) } : {}),
      rustBuildScript: found(pkg !== undefined && (await ctx.exists("build.rs")), (await ctx.exists("build.rs")) ? `${ctx.at("build.rs")}: a build script` : "no build.rs"),
      ...(portEnv ? { portEnv: found(portEnv, ...portEnvEvidence(candidates, portEnv, env.list())) } : {}),
    },
  };
}

async function workspaceMembers(ctx: AppContext, patterns: string[]): Promise<CargoManifest[]> {
  const dirs: string[] = [];
  for (const pattern of patterns.slice(0, 50)) {
    if (pattern.endsWith("/*")) {
      const parent = pattern.slice(0, -2);
      for (const entry of await ctx.reader.list(ctx.at(parent))) if (entry.kind === "dir") dirs.push(`${parent}/${entry.name}`);
    } else if (!pattern.includes("*")) dirs.push(pattern.replace(/\/$/, ""));
  }
  const out: CargoManifest[] = [];
  for (const dir of dirs) {
    const loaded = await ctx.load(`${dir}/Cargo.toml`, "toml");
    if (loaded.status === "ok") out.push({ path: ctx.at(`${dir}/Cargo.toml`), toml: loaded.value });
  }
  return out;
}

interface Bin {
  name: string;
  evidence: string;
  manifest: string;
}

async function binaries(ctx: AppContext, members: CargoManifest[]): Promise<Bin[]> {
  const out: Bin[] = [];
  for (const m of members) {
    const pkgName = getString(m.toml, "package", "name");
    const declared = Array.isArray(m.toml.bin) ? (m.toml.bin as unknown[]) : [];
    for (const entry of declared) {
      const name = getString(entry, "name");
      if (name) out.push({ name, evidence: `${m.path}: [[bin]] name = "${name}"`, manifest: m.path });
    }
    const dir = m.path.slice(0, -"Cargo.toml".length);
    if (declared.length === 0 && pkgName && (await ctx.reader.exists(`${dir}src/main.rs`))) {
      out.push({ name: pkgName, evidence: `${dir}src/main.rs: the binary of package ${pkgName}`, manifest: m.path });
    }
  }
  return out;
}

function decideBin(bins: Bin[], frameworkManifest: string | undefined): Finding<string> {
  if (bins.length === 1) return found(bins[0]!.name, bins[0]!.evidence);
  const ofFramework = frameworkManifest ? bins.filter((b) => b.manifest === frameworkManifest) : [];
  if (ofFramework.length === 1) return found(ofFramework[0]!.name, `${ofFramework[0]!.evidence} (the crate that uses the web framework)`);
  const named = bins.filter((b) => /(^|[-_])(server|api|app|web|service)$/.test(b.name));
  if (named.length === 1) return found(named[0]!.name, `${named[0]!.evidence} (named like the server)`);
  return notFound(bins.length ? `several binaries: ${bins.map((b) => b.name).join(", ")}; not choosing (pass --build-command "cargo build --release --locked --bin NAME")` : "no binary target (src/main.rs or [[bin]])");
}

/** rust-toolchain.toml `[toolchain] channel`, or the legacy one-line rust-toolchain file. */
async function toolchainChannel(ctx: AppContext): Promise<VersionSource | null> {
  for (const file of ["rust-toolchain.toml", "rust-toolchain"]) {
    const text = await ctx.text(file);
    if (text === null) continue;
    const parsed = parseToml(text);
    const channel = parsed.ok ? getString(parsed.value, "toolchain", "channel") : text.trim().split("\n")[0]?.trim();
    if (channel) return { where: `${ctx.at(file)}: channel`, raw: channel.replace(/^stable$/, "latest").replace(/^(nightly|beta).*$/, "latest") };
  }
  return null;
}

/** Paths of [lib], [[bin]], [[example]], [[test]], [[bench]] that Cargo.toml names: the dependency layer stubs them. */
function targetPaths(toml: Record<string, unknown>): string[] {
  const out: string[] = [];
  const lib = getString(toml, "lib", "path");
  if (lib) out.push(lib);
  for (const kind of ["bin", "example", "test", "bench"]) {
    const list = Array.isArray(toml[kind]) ? (toml[kind] as unknown[]) : [];
    for (const entry of list) {
      const path = getString(entry, "path");
      if (path) out.push(path.replace(/^\.\//, ""));
    }
  }
  return [...new Set(out)].filter((p) => /^[A-Za-z0-9._/-]+\.rs$/.test(p) && !p.includes(".."));
}

async function memberSources(ctx: AppContext, members: CargoManifest[]): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const m of members) {
    const dir = m.path.slice(ctx.at("").length).replace(/^\//, "").replace(/Cargo\.toml$/, "").replace(/\/$/, "");
    const text = dir === "" ? null : await ctx.text(`${dir}/src/main.rs`);
    if (text !== null) out.push({ path: ctx.at(`${dir}/src/main.rs`), text });
  }
  return out;
}

function portsFromRust(files: SourceFile[]): PortCandidate[] {
  const out: PortCandidate[] = [];
  for (const file of files) {
    for (const pattern of PORT_PATTERNS) {
      for (const m of file.text.matchAll(pattern.regex)) {
        const port = Number(m[pattern.portGroup]);
        if (!(port > 0 && port < 65536)) continue;
        const envName = pattern.envGroup ? m[pattern.envGroup] : undefined;
        const label = pattern.label.replace("$port", String(port)).replace("$env", envName ?? "");
        out.push({ port, tier: 1, evidence: `${file.path}:${lineOf(file.text, m.index)}: ${label}`, ...(envName ? { envName } : {}) });
      }
    }
  }
  return out;
}

function routesFromRust(files: SourceFile[]): MountedRoute[] {
  const out: MountedRoute[] = [];
  for (const file of files) {
    for (const regex of ROUTE_PATTERNS) {
      for (const m of file.text.matchAll(regex)) {
        const path = m[1]!;
        if (healthRank(path) < 0) continue;
        out.push({ path, evidence: `${file.path}:${lineOf(file.text, m.index)}: route ${m[0].trim()}`, file: file.path });
      }
    }
  }
  return out;
}
