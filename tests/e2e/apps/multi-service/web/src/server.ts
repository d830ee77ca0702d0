// The TypeScript Node server (Fastify) of the multi-service repository, for docker-scaffold's end-to-end tests.
// Built by `npm run build` to dist/server.js, started with `node dist/server.js`.
import Fastify from "fastify";

const port = Number.parseInt(process.env.PORT ?? "3000", 10);
const host = process.env.HOST ?? "0.0.0.0";
const greeting = process.env.GREETING ?? "hello from web";

const app = Fastify({ logger: true });

app.get("/", async () => ({ message: greeting, app: "web" }));

app.get("/health", async () => ({ status: "ok" }));

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  app.log.info({ signal }, "shutting down");
  await app.close();
  process.exit(0);
}

process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);

app.listen({ port, host }).catch((err: unknown) => {
  app.log.error(err);
  process.exit(1);
});
