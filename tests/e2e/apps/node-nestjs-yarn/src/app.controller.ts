import { Controller, Get } from "@nestjs/common";

@Controller()
export class AppController {
  private readonly greeting = process.env.GREETING ?? "hello from node-nestjs";

  @Get()
  index(): { message: string; app: string } {
    return { message: this.greeting, app: "node-nestjs" };
  }

  @Get("health")
  health(): { status: string } {
    return { status: "ok" };
  }
}
