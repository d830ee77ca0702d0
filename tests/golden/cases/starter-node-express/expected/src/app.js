// The HTTP app: GET / and GET /health. src/server.js starts it; test/app.test.js tests it.
import express from "express";

// The message GET / returns (configuration comes from the environment: see env.example).
const greeting = process.env.GREETING || "hello";

export function createApp() {
  const app = express();
  app.disable("x-powered-by");

  app.get("/", (_req, res) => {
    res.json({ message: greeting, app: "my-api" });
  });

  // Liveness probe: the image's HEALTHCHECK calls it.
  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });

  return app;
}
