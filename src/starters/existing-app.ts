// Whether a directory already holds an app: then a starter is never written there.
// Detection decides for the languages it knows; a manifest of a language it only
// recognises (Cargo.toml, pom.xml) or does not detect at all (Gemfile, composer.json,
// *.csproj) counts too: a starter beside a Rust or Ruby app would be wrong just the same.
import { createFsReader, detectProject, RECOGNISED_ONLY, type Detection } from "../detect/index.js";

const OTHER_MANIFESTS: readonly { file: string; language: string }[] = [
  { file: "Gemfile", language: "Ruby" },
  { file: "composer.json", language: "PHP" },
  { file: "mix.exs", language: "Elixir" },
  { file: "deno.json", language: "Deno" },
  { file: "deno.jsonc", language: "Deno" },
  { file: "build.sbt", language: "Scala" },
  { file: "Package.swift", language: "Swift" },
];
const OTHER_EXTENSIONS: readonly { ext: string; language: string }[] = [
  { ext: ".csproj", language: ".NET" },
  { ext: ".fsproj", language: ".NET" },
  { ext: ".sln", language: ".NET" },
];

/**
 * What makes `dir` an app directory ("package.json: a node app"), or null when it holds none.
 * `detection` is the one init already made of `dir` (null when detection was turned off).
 */
export async function findExistingApp(dir: string, detection: Detection | null): Promise<string | null> {
  const d = detection ?? (await detectProject(dir));
  if (d.answers.language !== null) {
    const where = typeof d.extra.appPath === "string" ? `${d.extra.appPath}/` : "";
    return `${where ? `${where}: ` : ""}${d.evidence.language?.[0] ?? `a ${d.answers.language} app`}`;
  }
  if (d.apps.length > 0) return d.apps.map((a) => `${a.path}: a ${a.language} app`).join(", ");
  const reader = createFsReader(dir);
  for (const m of [...RECOGNISED_ONLY, ...OTHER_MANIFESTS]) {
    if (await reader.exists(m.file)) return `${m.file}: a ${m.language} project`;
  }
  for (const entry of await reader.list("")) {
    const other = OTHER_EXTENSIONS.find((o) => entry.kind === "file" && entry.name.endsWith(o.ext));
    if (other) return `${entry.name}: a ${other.language} project`;
  }
  return null;
}
