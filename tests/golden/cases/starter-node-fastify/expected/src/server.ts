// Starts the app (npm run build, then npm start): listens on $PORT (default 3000) and
// closes cleanly on SIGTERM (docker stop) and SIGINT (Ctrl+C).
import { buildApp } from "./app.js";

const port = Number.parseInt(process.env.PORT || "3000", 10);
const app = buildApp({ logger: true });

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  app.log.info({ signal }, "closing the server");
  await app.close();
  process.exit(0);
}

process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);

app.listen({ port, host: "0.0.0.0" }).catch((err: unknown) => {
  app.log.error(err);
  process.exit(1);
});
