// Structural three-way merge of docker-compose.yml with the `yaml` Document API. Pure.
// Your document is the one that is edited, so your comments, key order, extra keys and
// extra services stay; only what the template changed since the base is applied to it,
// key by key. A key both sides changed differently is a conflict.
import { isDeepStrictEqual } from "node:util";
import { Document, isMap, isScalar, isSeq, Pair, parseDocument, type Node, type YAMLMap, type YAMLSeq } from "yaml";
import { mergeLines, resolveLines } from "./merge-lines.js";

export type ComposePath = (string | number)[];

export interface ComposeConflict {
  path: ComposePath;
  /** Values as plain data; undefined where the key is absent. */
  base: unknown;
  ours: unknown;
  theirs: unknown;
}

export interface ComposeMerge {
  conflicts: ComposeConflict[];
  /** The merged file, each conflict resolved with your value. */
  ours: string;
  /** The merged file, each conflict resolved with the template's value. */
  theirs: string;
  /** The merged file with `<<<<<<<` markers at each conflict. */
  markers: string;
}

// Lists whose order means nothing: an item added or removed on one side is merged into the
// other. Other lists (command, entrypoint, healthcheck test) are argv: one value, whole.
const SET_LIKE = new Set(["cap_add", "cap_drop", "security_opt", "tmpfs", "ports", "expose", "volumes", "networks", "env_file", "depends_on", "dns", "extra_hosts", "profiles", "devices", "secrets", "configs", "sysctls"]);

const STRINGIFY = { lineWidth: 0 } as const;

function parse(text: string): Document | null {
  const doc = parseDocument(text, { merge: true });
  return doc.errors.length || !isMap(doc.contents) ? null : doc;
}

const js = (node: unknown, doc: Document): unknown => (node && typeof node === "object" && "toJSON" in node ? (node as Node).toJS(doc) : node);

/** null when a side is not a YAML mapping (the caller merges it line by line instead). */
export function mergeCompose(base: string, ours: string, theirs: string): ComposeMerge | null {
  const [b, o, t] = [parse(base), parse(ours), parse(theirs)];
  if (!b || !o || !t) return null;
  const conflicts: ComposeConflict[] = [];
  const takeTheirs: (() => void)[] = [];
  mergeMap([], b.toJS() as Record<string, unknown>, o.contents as YAMLMap, t.contents as YAMLMap, { o, t, conflicts, takeTheirs });
  // The header comment is the template's, unless you rewrote it.
  if (o.commentBefore === b.commentBefore) o.commentBefore = t.commentBefore;
  const oursText = o.toString(STRINGIFY);
  for (const apply of takeTheirs) apply();
  const theirsText = o.toString(STRINGIFY);
  // Both resolutions differ exactly at the conflicts: a two-way diff of them puts the markers there.
  const markers = conflicts.length ? resolveLines(mergeLines(null, oursText, theirsText), "markers") : oursText;
  return { conflicts, ours: oursText, theirs: theirsText, markers };
}

interface Context {
  o: Document;
  t: Document;
  conflicts: ComposeConflict[];
  /** For each conflict, how to put the template's value in its place. */
  takeTheirs: (() => void)[];
}

function keyOf(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

function mergeMap(path: ComposePath, base: Record<string, unknown> | undefined, ours: YAMLMap, theirs: YAMLMap, ctx: Context): void {
  const keys: unknown[] = ours.items.map(keyOf);
  for (const k of [...theirs.items.map(keyOf), ...Object.keys(base ?? {})]) if (!keys.includes(k)) keys.push(k);
  for (const key of keys) {
    const here = [...path, String(key)];
    const b = base?.[String(key)];
    const oNode = ours.get(key, true) as Node | undefined;
    const tNode = theirs.get(key, true) as Node | undefined;
    const oVal = oNode === undefined ? undefined : js(oNode, ctx.o);
    const tVal = tNode === undefined ? undefined : js(tNode, ctx.t);
    if (isDeepStrictEqual(b, tVal) || isDeepStrictEqual(oVal, tVal)) continue; // nothing to bring over
    if (isDeepStrictEqual(b, oVal)) {
      setValue(ours, theirs, key, tNode); // you did not change it: the template's value
      continue;
    }
    if (isMap(oNode) && isMap(tNode) && (b === undefined || isPlainObject(b))) {
      mergeMap(here, b as Record<string, unknown> | undefined, oNode, tNode, ctx);
      continue;
    }
    if (SET_LIKE.has(String(key)) && isSeq(oNode) && isSeq(tNode) && (b === undefined || Array.isArray(b)) && scalarList(oVal) && scalarList(tVal) && !bothReplaced((b as unknown[] | undefined) ?? [], oVal, tVal)) {
      mergeSet(oNode, tNode, (b as unknown[] | undefined) ?? [], ctx);
      continue;
    }
    ctx.conflicts.push({ path: here, base: b, ours: oVal, theirs: tVal });
    ctx.takeTheirs.push(() => setValue(ours, theirs, key, tNode));
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function scalarList(v: unknown): v is (string | number | boolean)[] {
  return Array.isArray(v) && v.every((x) => ["string", "number", "boolean"].includes(typeof x)) && new Set(v).size === v.length;
}

const has = (list: readonly unknown[], v: unknown) => list.some((x) => isDeepStrictEqual(x, v));

/** Both sides took items out and put others in: two edits of the same item (a port changed twice), not a set to merge. */
function bothReplaced(base: readonly unknown[], ours: readonly unknown[], theirs: readonly unknown[]): boolean {
  const replaced = (side: readonly unknown[]) => base.some((x) => !has(side, x)) && side.some((x) => !has(base, x));
  return replaced(ours) && replaced(theirs);
}

/** Items the template removed go, items it added come (after yours); your own items stay. */
function mergeSet(ours: YAMLSeq, theirs: YAMLSeq, base: unknown[], ctx: Context): void {
  const tVals = theirs.items.map((n) => js(n, ctx.t));
  const oVals = ours.items.map((n) => js(n, ctx.o));
  for (let i = ours.items.length - 1; i >= 0; i--) {
    if (has(base, oVals[i]) && !has(tVals, oVals[i])) ours.items.splice(i, 1);
  }
  theirs.items.forEach((node, i) => {
    if (!has(base, tVals[i]) && !has(oVals, tVals[i])) ours.items.push((node as Node).clone());
  });
}

/** Put the template's value for key into your map (delete it when the template has none). */
function setValue(ours: YAMLMap, theirs: YAMLMap, key: unknown, tNode: Node | undefined): void {
  const index = ours.items.findIndex((p) => keyOf(p) === key);
  if (tNode === undefined) {
    if (index !== -1) ours.items.splice(index, 1);
    return;
  }
  const tPair = theirs.items.find((p) => keyOf(p) === key)!;
  if (index === -1) {
    // A new key goes where the template has it: after the nearest key before it that you have.
    const tIndex = theirs.items.indexOf(tPair);
    let at = ours.items.length;
    for (let j = tIndex - 1; j >= 0; j--) {
      const found = ours.items.findIndex((p) => keyOf(p) === keyOf(theirs.items[j]!));
      if (found !== -1) {
        at = found + 1;
        break;
      }
    }
    ours.items.splice(at, 0, tPair.clone() as Pair);
    return;
  }
  const pair = ours.items[index]!;
  const old = pair.value as Node | null;
  if (isScalar(old) && isScalar(tNode)) {
    // The value changes; your comments around it stay.
    old.value = tNode.value;
    old.type = tNode.type;
    return;
  }
  const next = tNode.clone() as Node;
  if (old && typeof old === "object") {
    next.comment ??= old.comment;
    next.commentBefore ??= old.commentBefore;
  }
  pair.value = next;
}

export function formatComposeConflicts(path: string, conflicts: readonly ComposeConflict[]): string {
  const show = (v: unknown) => (v === undefined ? "(absent)" : JSON.stringify(v));
  return conflicts
    .map((c) => `${path}: ${c.path.join(".")}\n  yours:          ${show(c.ours)}\n  last generated: ${show(c.base)}\n  template:       ${show(c.theirs)}`)
    .join("\n");
}
