// Shape of the per-rule examples: files in, and the line the rule reports on.
import type { CheckConfig } from "../../../src/check/index.js";

export interface RuleCase {
  files: Record<string, string>;
  /** Line of the expected finding (fail cases). */
  line?: number;
  /** File of the expected finding, when it is not the first file. */
  file?: string;
  config?: CheckConfig;
}

export interface RuleCases {
  fail: RuleCase[];
  pass: RuleCase[];
}

export const df = (text: string, line?: number, config?: CheckConfig): RuleCase => ({ files: { Dockerfile: text }, ...(line ? { line } : {}), ...(config ? { config } : {}) });
export const cmp = (text: string, line?: number, extra: Record<string, string> = {}): RuleCase => ({ files: { "docker-compose.yml": text, ...extra }, ...(line ? { line } : {}) });
export const env = (text: string, line?: number, extra: Record<string, string> = {}): RuleCase => ({ files: { "env.example": text, ...extra }, ...(line ? { line } : {}) });
export const mk = (text: string, line?: number, config?: CheckConfig): RuleCase => ({ files: { Makefile: text }, ...(line ? { line } : {}), ...(config ? { config } : {}) });
export const di = (ignore: string, dockerfile = "FROM python:3.12-slim\n", line = 1): RuleCase => ({ files: { ".dockerignore": ignore, Dockerfile: dockerfile }, line, file: ".dockerignore" });

/** A compose service body indented under `services: app:`. */
export const svc = (body: string): string => `services:\n  app:\n${body.replace(/^/gm, "    ")}\n`;
