// .dockerignore: the common sections live in the template; these are per language.
import type { Answers } from "../model/answers.js";

export interface IgnoreSection {
  title: string;
  patterns: string[];
}

export function languageIgnoreSections(a: Answers): IgnoreSection[] {
  const sections = languageSections(a);
  // Credential files a private registry needs: mounted with --secret, never sent as context (issue 9).
  if (a.buildSecrets) sections.push({ title: "Build secrets: passed with --secret, never part of the build context", patterns: [".netrc", "_netrc", "pip.conf", ".pip/"] });
  return sections;
}

function languageSections(a: Answers): IgnoreSection[] {
  switch (a.language) {
    case "python":
      return [
        {
          title: "Python: virtualenvs, caches and build output",
          patterns: [".venv/", "venv/", "__pycache__/", "*.py[cod]", ".pytest_cache/", ".mypy_cache/", ".ruff_cache/", ".tox/", ".coverage", "htmlcov/", "build/", "dist/", "*.egg-info/", ...(a.framework === "django" ? ["staticfiles/", "db.sqlite3"] : [])],
        },
      ];
    case "node":
      return [
        {
          title: "Node.js: dependencies and build output are made inside the image",
          // Build output is excluded only when the image builds it itself.
          patterns: ["node_modules/", "npm-debug.log*", "yarn-error.log*", ".pnpm-store/", ".yarn/cache/", "coverage/", ".turbo/", ...(a.buildCommand ? ["dist/", ".next/", "out/"] : [])],
        },
      ];
    case "go":
      return [{ title: "Go: binaries and test output", patterns: ["bin/", "*.test", "*.out", "coverage.*"] }];
    case "rust":
      return [{ title: "Rust: build output is made inside the image", patterns: ["target/", "**/*.rs.bk", "*.pdb"] }];
    case "java":
      return [{ title: "Java: build output and local tool state are made inside the image", patterns: ["target/", "build/", ".gradle/", "out/", "**/*.class", "*.log"] }];
    default:
      return [];
  }
}
