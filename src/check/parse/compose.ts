// A compose file as YAML with line positions (yaml's LineCounter and node ranges),
// its services as plain data for the rules, and a way back from a key path to a line.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLMap } from "yaml";
import type { SourceFile } from "./source.js";

export interface ParseProblem {
  line: number;
  column?: number;
  message: string;
}

export interface ServiceView {
  name: string;
  line: number;
  data: Record<string, unknown>;
  /** Line of the key (or list item) at `path` inside this service, or the nearest existing parent. */
  lineOf(...path: (string | number)[]): number;
  /** The YAML node at `path` (to read quoting style, for example). */
  nodeAt(...path: (string | number)[]): unknown;
}

export interface ComposeModel {
  kind: "compose";
  file: SourceFile;
  errors: ParseProblem[];
  /** The whole document as plain data (undefined when it could not be parsed). */
  data: Record<string, unknown> | undefined;
  services: ServiceView[];
  /** Line of a top-level key or path, or 1. */
  lineOf(...path: (string | number)[]): number;
  /** Every scalar string value with its line, for interpolation checks. */
  strings: { value: string; line: number; path: (string | number)[] }[];
}

export function parseCompose(file: SourceFile): ComposeModel {
  const counter = new LineCounter();
  const model: ComposeModel = { kind: "compose", file, errors: [], data: undefined, services: [], lineOf: () => 1, strings: [] };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(file.text, { lineCounter: counter, merge: true, uniqueKeys: true });
    for (const e of doc.errors.slice(0, 5)) {
      const pos = e.linePos?.[0];
      model.errors.push({ line: pos?.line ?? 1, column: pos?.col, message: firstLine(e.message).replace(/ at line \d+, column \d+:?$/, "") });
    }
    if (doc.errors.length > 0) return model;
    const data: unknown = doc.toJS({ maxAliasCount: 100 });
    if (data === null || data === undefined) {
      model.errors.push({ line: 1, message: "the file is empty" });
      return model;
    }
    if (typeof data !== "object" || Array.isArray(data)) {
      model.errors.push({ line: 1, message: "the top level must be a mapping (services:, volumes:, ...)" });
      return model;
    }
    model.data = data as Record<string, unknown>;
  } catch (err) {
    // Deeply nested or pathological input: yaml recursion limits, alias bombs.
    model.errors.push({ line: 1, message: `cannot read the YAML: ${err instanceof Error ? firstLine(err.message) : String(err)}` });
    return model;
  }
  const lineAt = (offset: number) => counter.linePos(offset).line;
  const root = doc.contents as Node | null;
  model.lineOf = (...path) => lineOfPath(root, path, lineAt) ?? 1;
  collectStrings(root, [], lineAt, model.strings, 0);
  const services = doc.get("services", true);
  if (isMap(services)) {
    for (const pair of services.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : "";
      const value = pair.value;
      const line = isScalar(pair.key) && pair.key.range ? lineAt(pair.key.range[0]) : 1;
      const raw = model.data.services as Record<string, unknown> | undefined;
      const data = raw?.[name];
      const node = isMap(value) ? (value as YAMLMap) : null;
      model.services.push({
        name,
        line,
        data: data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
        lineOf: (...path) => (node ? lineOfPath(node, path, lineAt) : undefined) ?? line,
        nodeAt: (...path) => (node ? node.getIn(path, true) : undefined),
      });
    }
  }
  return model;
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).trim();
}

function lineOfPath(node: Node | null, path: (string | number)[], lineAt: (o: number) => number): number | undefined {
  let current: unknown = node;
  let line: number | undefined = node?.range ? lineAt(node.range[0]) : undefined;
  for (const key of path) {
    if (isMap(current)) {
      const pair = current.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) return line;
      const k = pair.key as Node;
      if (k.range) line = lineAt(k.range[0]);
      current = pair.value;
    } else if (isSeq(current) && typeof key === "number") {
      const item = current.items[key] as Node | undefined;
      if (!item) return line;
      const target = isPair(item) ? (item.key as Node) : item;
      if (target?.range) line = lineAt(target.range[0]);
      current = item;
    } else {
      return line;
    }
  }
  return line;
}

function collectStrings(
  node: unknown,
  path: (string | number)[],
  lineAt: (o: number) => number,
  out: ComposeModel["strings"],
  depth: number,
): void {
  if (depth > 64 || out.length > 10_000) return;
  if (isScalar(node)) {
    if (typeof node.value === "string" && node.range) out.push({ value: node.value, line: lineAt(node.range[0]), path });
  } else if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "?";
      collectStrings(pair.value, [...path, key], lineAt, out, depth + 1);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => collectStrings(item, [...path, i], lineAt, out, depth + 1));
  }
}
