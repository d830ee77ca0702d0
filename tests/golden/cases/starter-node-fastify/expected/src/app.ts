// The HTTP app: GET / and GET /health. src/server.ts starts it; test/app.test.js tests it.
import Fastify, { type FastifyInstance } from "fastify";

// The message GET / returns (configuration comes from the environment: see env.example).
const greeting = process.env.GREETING || "hello";

export function buildApp(options: { logger?: boolean } = {}): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false });

  app.get("/", async () => ({ message: greeting, app: "my-api" }));

  // Liveness probe: the image's HEALTHCHECK calls it.
  app.get("/health", async () => ({ status: "ok" }));

  return app;
}
