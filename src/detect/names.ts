// Image/service names (DESIGN.md: lower-case `[a-z0-9][a-z0-9._-]*`).

/** "@acme/Web API" -> "web-api"; null when nothing usable is left. */
export function sanitiseName(raw: string): string | null {
  const unscoped = raw.trim().replace(/^@[^/]+\//, "");
  const name = unscoped
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+/, "")
    .replace(/[._-]+$/, "")
    .slice(0, 63)
    .replace(/[._-]+$/, "");
  return name === "" ? null : name;
}

/** The last segment of a path-like name ("github.com/acme/api/v2" -> "api"). */
export function lastSegment(path: string): string {
  const parts = path.split("/").filter((part) => part !== "");
  const last = parts.at(-1) ?? "";
  // Go major-version suffixes (/v2) are not the name.
  return /^v\d+$/.test(last) && parts.length > 1 ? (parts.at(-2) ?? last) : last;
}
