// Starts the app (npm start): listens on $PORT (default 3000) and closes cleanly on
// SIGTERM (docker stop) and SIGINT (Ctrl+C).
import { createApp } from "./app.js";

const port = Number.parseInt(process.env.PORT || "3000", 10);

const server = createApp().listen(port, () => {
  console.log(`my-api listening on port ${port}`);
});

function shutdown(signal) {
  console.log(`${signal} received: closing the server`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  // Requests still running after 10 seconds are cut off.
  setTimeout(() => process.exit(1), 10_000).unref();
}

process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
