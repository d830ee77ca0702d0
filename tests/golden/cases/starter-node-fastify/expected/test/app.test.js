// The app's own test (npm test compiles first): requests injected into the app, no network.
import assert from "node:assert/strict";
import { test } from "node:test";

import { buildApp } from "../dist/app.js";

test("GET /health answers ok", async () => {
  const app = buildApp();
  const res = await app.inject({ method: "GET", url: "/health" });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { status: "ok" });
  await app.close();
});

test("GET / greets", async () => {
  const app = buildApp();
  const res = await app.inject({ method: "GET", url: "/" });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().app, "my-api");
  await app.close();
});
