// CMP-STYLE: the layout dclint 3.1.0 expects, so a generated file passes it: single-quoted
// ports/expose, unquoted volumes, dclint's service key order, alphabetical services,
// top-level order, unique container names.
import { isScalar } from "yaml";
import type { ComposeModel, ServiceView } from "../../parse/compose.js";
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { asList } from "./values.js";

const KEY_GROUPS = [
  ["image", "build", "container_name"],
  ["depends_on"],
  ["volumes", "volumes_from", "configs", "secrets"],
  ["environment", "env_file"],
  ["ports", "networks", "network_mode", "extra_hosts"],
  ["command", "entrypoint", "working_dir", "restart", "healthcheck"],
  ["logging", "labels"],
  ["user", "isolation"],
].flat();
const TOP_ORDER = ["version", "name", "include", "services", "networks", "volumes", "secrets", "configs"];

export const cmpStyle = defineRule({
  id: "CMP-STYLE",
  severity: "info",
  target: "compose",
  on: "compose",
  title: "dclint's layout: quoted ports, key order, alphabetical services, unique container names",
  why: "A consistent layout makes reviews and diffs easy, and keeps `dclint` (run by the lint target) quiet.",
  fix: "Run `dclint --fix docker-compose.yml`, or follow the message.",
  refs: { dclint: "require-quotes-in-ports, no-quotes-in-volumes, service-keys-order, services-alphabetical-order, service-dependencies-alphabetical-order, top-level-properties-order, no-duplicate-container-names" },
  check(model) {
    if (!model.data) return [];
    const hits: Hit[] = [...topOrder(model)];
    const names = new Map<string, string>();
    let previous = "";
    for (const svc of model.services) {
      if (previous.localeCompare(svc.name) > 0) hits.push({ line: svc.line, message: `service ${svc.name} should come before ${previous} (alphabetical order)` });
      if (svc.name.localeCompare(previous) > 0) previous = svc.name;
      hits.push(...quoting(svc), ...keyOrder(svc), ...dependencyOrder(svc));
      const cn = svc.data.container_name;
      if (cn !== undefined) {
        const other = names.get(String(cn));
        if (other) hits.push({ line: svc.lineOf("container_name"), message: `container_name ${String(cn)} is also used by ${other}` });
        names.set(String(cn), svc.name);
      }
    }
    return hits;
  },
});

function topOrder(model: ComposeModel): Hit[] {
  const keys = Object.keys(model.data ?? {});
  const xs = keys.filter((k) => k.startsWith("x-")).sort((a, b) => a.localeCompare(b));
  const order = [...xs, ...TOP_ORDER];
  const hits: Hit[] = [];
  let last = -1;
  for (const k of keys) {
    const i = order.indexOf(k);
    if (i === -1 || i < last) hits.push({ line: model.lineOf(k), message: `top-level key ${k} is out of order (${order.join(", ")})` });
    else last = i;
  }
  return hits;
}

function quoting(svc: ServiceView): Hit[] {
  const hits: Hit[] = [];
  for (const section of ["ports", "expose"]) {
    asList(svc.data[section]).forEach((_, i) => {
      const node = svc.nodeAt(section, i);
      if (isScalar(node) && node.type !== "QUOTE_SINGLE") hits.push({ line: svc.lineOf(section, i), message: `service ${svc.name}: quote ${section} entries with single quotes` });
    });
  }
  asList(svc.data.volumes).forEach((_, i) => {
    const node = svc.nodeAt("volumes", i);
    if (isScalar(node) && node.type !== "PLAIN") hits.push({ line: svc.lineOf("volumes", i), message: `service ${svc.name}: do not quote volume entries` });
  });
  return hits;
}

function dependencyOrder(svc: ServiceView): Hit[] {
  const deps = svc.data.depends_on;
  const names = Array.isArray(deps) ? deps.map(String) : deps && typeof deps === "object" ? Object.keys(deps) : [];
  const sorted = [...names].sort((a, b) => a.localeCompare(b));
  return names.join("\0") === sorted.join("\0") ? [] : [{ line: svc.lineOf("depends_on"), message: `service ${svc.name}: list depends_on alphabetically` }];
}

function keyOrder(svc: ServiceView): Hit[] {
  const keys = Object.keys(svc.data);
  const rest = keys.filter((k) => !KEY_GROUPS.includes(k)).sort((a, b) => a.localeCompare(b));
  const order = [...KEY_GROUPS, ...rest];
  const hits: Hit[] = [];
  let last = -1;
  for (const k of keys) {
    const i = order.indexOf(k);
    if (i < last) hits.push({ line: svc.lineOf(k), message: `service ${svc.name}: key ${k} is out of order` });
    last = Math.max(last, i);
  }
  return hits;
}
