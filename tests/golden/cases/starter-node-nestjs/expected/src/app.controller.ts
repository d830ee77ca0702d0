// The HTTP routes: GET / and GET /health.
import { Controller, Get } from "@nestjs/common";

@Controller()
export class AppController {
  // The message GET / returns (configuration comes from the environment: see env.example).
  private readonly greeting = process.env.GREETING || "hello";

  @Get()
  index(): { message: string; app: string } {
    return { message: this.greeting, app: "my-api" };
  }

  // Liveness probe: the image's HEALTHCHECK calls it.
  @Get("health")
  health(): { status: string } {
    return { status: "ok" };
  }
}
