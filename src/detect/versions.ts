// Runtime version strings and ranges -> the answer ("22", "3.12", "1.23"), conservatively.
//
// Policy (documented in src/detect/README.md):
// - a pin (.nvmrc "20.11.1", .python-version "3.12.3", "20.x", "==3.11.*") -> its major (Node)
//   or major.minor (Python, Go);
// - Node ^X / ~X -> X (the major is fixed); Poetry ~3.11 and PEP 440 ~=3.11.2 -> 3.11;
// - a bounded range (">=18 <21", ">=3.10,<3.13") -> the highest release it allows ("20", "3.12");
// - a union ("^18 || ^20") -> the highest alternative;
// - an open floor (">=20", "^3.9" in Poetry, "~=3.10") -> the floor, unless that release is
//   past end of life (EOL_BEFORE), then null: any supported release satisfies the range, so
//   the generator's default applies. The floor is kept as `min` either way;
// - moving targets ("lts/*", "node", "latest", "*", "system") -> null.
export type VersionLanguage = "node" | "python" | "go" | "rust";

/** The oldest release still supported upstream when this table was written (2026-11). */
export const EOL_BEFORE: Record<VersionLanguage, number[] | null> = {
  node: [22], // Node 20 reached end of life on 2026-04-30
  python: [3, 11], // Python 3.10 reached end of life in 2026-10
  go: null, // go.mod's go line is a floor by definition and is what projects build with
  // Rust supports only the latest stable: a `rust-version` (MSRV) floor older than the
  // generator's default toolchain says any newer toolchain builds it.
  rust: [1, 83],
};

/** Node LTS code names (`lts/iron` in .nvmrc). */
export const NODE_CODENAMES: Record<string, string> = {
  argon: "4", boron: "6", carbon: "8", dubnium: "10", erbium: "12", fermium: "14",
  gallium: "16", hydrogen: "18", iron: "20", jod: "22", krypton: "24",
};

export interface NormalisedVersion {
  value: string | null;
  /** Why, in words, for evidence. */
  reason: string;
  /** The lowest release the range allows, when it is a range. */
  min?: string;
}

const PARTS: Record<VersionLanguage, number> = { node: 1, python: 2, go: 2, rust: 2 };

export function normaliseVersion(raw: string, language: VersionLanguage): NormalisedVersion {
  const text = raw.trim().replace(/^v(?=\d)/, "");
  const lower = text.toLowerCase();
  if (language === "node" && lower.startsWith("lts/")) {
    const major = NODE_CODENAMES[lower.slice(4)];
    return major ? { value: major, reason: `${text} is Node ${major}` } : { value: null, reason: `${text} is a moving target` };
  }
  if (/^(\*|x|latest|node|stable|current|system|lts)$/i.test(text) || text === "") {
    return { value: null, reason: `"${text}" is a moving target` };
  }
  const alternatives = text.split("||").map((alt) => evaluate(alt.trim(), language));
  if (alternatives.some((alt) => alt === null)) return { value: null, reason: `"${text}" is not a version range I can read` };
  const best = (alternatives as Evaluated[]).sort((a, b) => compare(b.version, a.version))[0]!;
  const min = (alternatives as Evaluated[]).map((alt) => alt.floor ?? alt.version).sort(compare)[0];
  const shown = format(best.version, language);
  const minShown = min ? format(min, language) : undefined;
  const withMin = (value: string | null, reason: string): NormalisedVersion =>
    minShown && (best.kind !== "pin" || alternatives.length > 1) ? { value, reason, min: minShown } : { value, reason };
  if (shown === "") return { value: null, reason: `"${text}" does not name a ${language === "node" ? "major" : "minor"} release` };
  if (best.kind === "pin") return withMin(shown, alternatives.length > 1 ? `"${text}": the highest alternative is ${shown}` : `"${text}" pins ${shown}`);
  if (best.kind === "highest") return withMin(shown, `"${text}" allows at most ${shown}`);
  const eol = EOL_BEFORE[language];
  if (eol && compare(best.version, eol) < 0) {
    return withMin(null, `"${text}" is an open range whose floor ${shown} is past end of life; any supported release satisfies it, so the default applies`);
  }
  return withMin(shown, `"${text}" is an open range; its floor is ${shown}`);
}

interface Evaluated {
  version: number[];
  kind: "pin" | "highest" | "floor";
  floor?: number[];
}

const COMPARATOR = /(\^|~=|~|>=|<=|>|<|===|==|=|!=)?\s*(\d+(?:\.(?:\d+|x|X|\*))*)/g;

function evaluate(range: string, language: VersionLanguage): Evaluated | null {
  const hyphen = /^(\d+(?:\.\d+)*)\s+-\s+(\d+(?:\.\d+)*)$/.exec(range);
  if (hyphen) return { version: numbers(hyphen[2]!), kind: "highest", floor: numbers(hyphen[1]!) };
  let floor: number[] | undefined;
  let ceiling: number[] | undefined;
  let pin: number[] | undefined;
  let matched = false;
  for (const match of range.matchAll(COMPARATOR)) {
    matched = true;
    const op = match[1] ?? "";
    const parts = match[2]!.split(".");
    const version = numbers(match[2]!);
    switch (op) {
      case "":
      case "=":
      case "==":
      case "===":
        pin = version;
        break;
      case "^":
        // Node: ^20.11 fixes the major. Poetry: ^3.9 means >=3.9,<4: an open floor for Python.
        if (language === "node" || version[0] === 0) pin = version.slice(0, 1);
        else floor = version;
        break;
      case "~":
        if (language === "node" || parts.length >= 2) pin = version.slice(0, 2);
        else floor = version;
        break;
      case "~=":
        if (parts.length >= 3) pin = version.slice(0, 2);
        else floor = version;
        break;
      case ">=":
      case ">":
        floor = version;
        break;
      case "<":
        ceiling = below(version, language);
        break;
      case "<=":
        ceiling = version;
        break;
      default:
        break; // != excludes one release; it does not move the answer
    }
  }
  if (!matched) return null;
  if (pin) return { version: pin, kind: "pin", ...(floor ? { floor } : {}) };
  if (ceiling && ceiling.length > 0) return { version: ceiling, kind: "highest", ...(floor ? { floor } : {}) };
  if (floor) return { version: floor, kind: "floor", floor };
  return null;
}

/** The highest release strictly below `version`, or [] when that says nothing (Python "<4"). */
function below(version: number[], language: VersionLanguage): number[] {
  const [major = 0, minor = 0, patch = 0] = version;
  if (language === "node") return minor > 0 || patch > 0 ? [major] : [major - 1];
  if (patch > 0) return [major, minor];
  if (minor > 0) return [major, minor - 1];
  return [];
}

function numbers(text: string): number[] {
  const out: number[] = [];
  for (const part of text.split(".")) {
    if (!/^\d+$/.test(part)) break;
    out.push(Number(part));
  }
  return out;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function format(version: number[], language: VersionLanguage): string {
  const parts = version.slice(0, PARTS[language]);
  // A Python or Go version needs its minor: "3" alone says nothing about the runtime.
  return parts.length < PARTS[language] ? "" : parts.join(".");
}

/** One place a version is declared: where ("package.json: engines.node") and what it says. */
export interface VersionSource {
  where: string;
  raw: string;
}

/**
 * The first source (in priority order: pins before ranges) that yields a version wins;
 * sources that yield nothing stay in the evidence, and so do later ones for comparison.
 */
export function pickVersion(sources: VersionSource[], language: VersionLanguage): { version: { value: string | null; evidence: string[] }; min: string | null } {
  const evidence: string[] = [];
  let value: string | null = null;
  let min: string | null = null;
  for (const source of sources) {
    const result = normaliseVersion(source.raw, language);
    if (min === null && result.min) min = result.min;
    if (value === null && result.value !== null) {
      value = result.value;
      evidence.unshift(`${source.where} = ${source.raw.trim()}: ${result.reason}`);
    } else if (value === null) {
      evidence.push(`${source.where} = ${source.raw.trim()}: ${result.reason}`);
    } else {
      evidence.push(`${source.where} = ${source.raw.trim()} (lower priority${result.value && result.value !== value ? `; says ${result.value}` : ""})`);
    }
  }
  if (sources.length === 0) evidence.push("no version file, engines/requires field or toolchain line");
  return { version: { value, evidence }, min };
}
