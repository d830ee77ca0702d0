// Minimal NestJS app for docker-scaffold's end-to-end tests.
// Built by `npm run build` to dist/main.js, started with `node dist/main.js`.
import "reflect-metadata";
import { NestFactory } from "@nestjs/core";
import type { NestExpressApplication } from "@nestjs/platform-express";

import { AppModule } from "./app.module";

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule);
  app.disable("x-powered-by");
  // Close the HTTP server cleanly on SIGTERM/SIGINT (docker stop).
  app.enableShutdownHooks();

  const port = Number.parseInt(process.env.PORT ?? "3000", 10);
  const host = process.env.HOST ?? "0.0.0.0";
  await app.listen(port, host);
  console.log(`node-nestjs listening on http://${host}:${port}`);
}

void bootstrap();
