// Split an image reference (`registry/name:tag@sha256:...`) the way Docker does.

export interface ImageRef {
  raw: string;
  /** Registry host when the first path part looks like one (has a dot or colon, or is localhost). */
  registry?: string;
  /** Repository path without registry, lower-cased. */
  name: string;
  tag?: string;
  digest?: string;
}

export function parseImageRef(raw: string): ImageRef {
  let rest = raw.trim();
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | undefined;
  const slash = rest.indexOf("/");
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes(".") || first.includes(":") || first === "localhost") {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  const ref: ImageRef = { raw, name: rest.toLowerCase() };
  if (registry !== undefined) ref.registry = registry.toLowerCase();
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

export const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** The last path part of the repository: `library/python` -> `python`. */
export function shortName(ref: ImageRef): string {
  const parts = ref.name.split("/");
  return parts[parts.length - 1] ?? ref.name;
}
