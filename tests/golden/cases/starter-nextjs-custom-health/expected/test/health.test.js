// The app's own test (npm test): the health route handler, called as Next.js calls it.
import assert from "node:assert/strict";
import { test } from "node:test";

import { GET } from "../app/api/v1/healthz/route.js";

test("GET /api/v1/healthz answers ok", async () => {
  const res = GET();
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: "ok" });
});
