// The app's own test (npm test compiles first): the Nest app on a free port, asked over HTTP.
require("reflect-metadata");
const assert = require("node:assert/strict");
const { after, before, test } = require("node:test");
const { NestFactory } = require("@nestjs/core");

const { AppModule } = require("../dist/app.module");

let app;
let base;

before(async () => {
  app = await NestFactory.create(AppModule, { logger: false });
  await app.listen(0, "127.0.0.1");
  base = await app.getUrl();
});

after(async () => {
  await app.close();
});

test("GET /health answers ok", async () => {
  const res = await fetch(`${base}/health`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: "ok" });
});

test("GET / greets", async () => {
  const res = await fetch(`${base}/`);
  assert.equal(res.status, 200);
  assert.equal((await res.json()).app, "my-api");
});
