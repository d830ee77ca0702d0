"use strict";

// Minimal Express app for docker-scaffold's end-to-end tests: node src/server.js
const express = require("express");

const port = Number.parseInt(process.env.PORT ?? "3000", 10);
const host = process.env.HOST ?? "0.0.0.0";
const greeting = process.env.GREETING ?? "hello from node-express";

const app = express();
app.disable("x-powered-by");

app.get("/", (_req, res) => {
  res.json({ message: greeting, app: "node-express" });
});

app.get("/health", (_req, res) => {
  res.json({ status: "ok" });
});

const server = app.listen(port, host, () => {
  console.log(`node-express listening on http://${host}:${port}`);
});

function shutdown(signal) {
  console.log(`${signal} received, closing server`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5000).unref();
}

process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
