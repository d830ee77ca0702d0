// Python apps served by their own tool rather than as a WSGI/ASGI object (Streamlit,
// Gradio): framework "none", but the entry script, the command and the tool's default
// port are still stated by the code.
import type { SourceFile } from "../context.js";
import type { PortCandidate } from "../ports.js";
import { found, type Finding } from "../types.js";

export const SCRIPT_SERVERS: readonly {
  package: string;
  imports: RegExp;
  port: number;
  command: (file: string) => string[];
  why: string;
}[] = [
  { package: "streamlit", imports: /^\s*import streamlit\b|^\s*from streamlit\b/m, port: 8501, command: (file) => ["streamlit", "run", file], why: "streamlit run serves on 8501 by default" },
  { package: "gradio", imports: /^\s*import gradio\b|^\s*from gradio\b/m, port: 7860, command: (file) => ["python", file], why: "Gradio's launch() serves on 7860 by default" },
];

const ENTRY_NAMES = ["streamlit_app.py", "app.py", "main.py", "Home.py", "dashboard.py", "demo.py"];

/** The tool, its entry script (app-relative) and default port, when the app is one of SCRIPT_SERVERS. */
export function findScriptServer(files: SourceFile[], appDir: string, deps: Map<string, string>): { start: Finding<string[]>; port: PortCandidate } | null {
  for (const server of SCRIPT_SERVERS) {
    if (!deps.has(server.package)) continue;
    const rel = (file: SourceFile) => (appDir === "" ? file.path : file.path.slice(appDir.length + 1));
    const users = files.filter((file) => server.imports.test(file.text) && !rel(file).includes("/"));
    const entry = users.find((file) => ENTRY_NAMES.includes(rel(file))) ?? (users.length === 1 ? users[0] : undefined);
    if (!entry) continue;
    return {
      start: found(server.command(rel(entry)), `${deps.get(server.package)}: ${server.package}`, `${entry.path}: imports ${server.package} at the top level`),
      port: { port: server.port, tier: 5, evidence: `${deps.get(server.package)}: ${server.why} (tool default)` },
    };
  }
  return null;
}
