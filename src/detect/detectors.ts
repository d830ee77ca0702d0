// The detector table: one entry per language, each with the files that mark a folder
// as an app of that language.
import type { Language } from "../model/answers.js";
import type { AppContext } from "./context.js";
import { detectGo } from "./go/index.js";
import { detectNode } from "./node/index.js";
import { detectJava } from "./java/index.js";
import { detectPython } from "./python/index.js";
import { detectRust } from "./rust/index.js";
import type { LanguageResult } from "./types.js";

export interface LanguageDetector {
  language: Language;
  /** A file in the folder that makes it an app of this language, and what it says. */
  markers: readonly { file: string; reason: string }[];
  detect(ctx: AppContext): Promise<LanguageResult>;
}

export const DETECTORS: readonly LanguageDetector[] = [
  {
    language: "go",
    markers: [{ file: "go.mod", reason: "Go module" }],
    detect: detectGo,
  },
  {
    language: "rust",
    markers: [{ file: "Cargo.toml", reason: "Cargo package" }],
    detect: detectRust,
  },
  {
    language: "java",
    markers: [
      { file: "pom.xml", reason: "Maven project" },
      { file: "build.gradle", reason: "Gradle project" },
      { file: "build.gradle.kts", reason: "Gradle project (Kotlin DSL)" },
    ],
    detect: detectJava,
  },
  {
    language: "python",
    markers: [
      { file: "pyproject.toml", reason: "Python project" },
      { file: "requirements.txt", reason: "pip requirements" },
      { file: "Pipfile", reason: "Pipenv project" },
      { file: "setup.py", reason: "Python package" },
      { file: "manage.py", reason: "Django project" },
      { file: "uv.lock", reason: "uv lockfile" },
      { file: "poetry.lock", reason: "Poetry lockfile" },
      { file: "requirements/base.txt", reason: "pip requirements" },
      { file: "requirements/production.txt", reason: "pip requirements" },
      { file: "requirements/prod.txt", reason: "pip requirements" },
    ],
    detect: detectPython,
  },
  {
    language: "node",
    markers: [{ file: "package.json", reason: "Node package" }],
    detect: detectNode,
  },
];

/** Languages recognised by their manifest but not detected (none since Rust and Java joined DETECTORS). */
export const RECOGNISED_ONLY: readonly { file: string; language: string }[] = [];
