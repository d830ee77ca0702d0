// `--conflict <mode>`: what update does where your edits and the template's changes conflict.
export const CONFLICT_MODES = ["prompt", "fail", "markers", "ours", "theirs"] as const;
export type ConflictMode = (typeof CONFLICT_MODES)[number];
