// Starts the app (npm run build, then npm start): listens on $PORT (default 3000);
// shutdown hooks close it cleanly on SIGTERM (docker stop) and SIGINT (Ctrl+C).
import "reflect-metadata";
import { NestFactory } from "@nestjs/core";
import type { NestExpressApplication } from "@nestjs/platform-express";

import { AppModule } from "./app.module";

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule);
  app.disable("x-powered-by");
  app.enableShutdownHooks();
  const port = Number.parseInt(process.env.PORT || "3000", 10);
  await app.listen(port, "0.0.0.0");
  console.log(`my-api listening on port ${port}`);
}

void bootstrap();
