import { expect } from "@jest/globals";
import type { Problem, Reply } from "../ports/ports.js";

/** The one problem+json shape, with the given status and correlation id, and no internal details. */
export function expectProblem(reply: Reply<unknown>, status: number, correlationId = "correlation-1"): void {
  expect(reply.status).toBe(status);
  expect(reply.headers["content-type"]).toBe("application/problem+json");
  const body = reply.body as Problem;
  expect(body).toMatchObject({ status, correlationId });
  expect(typeof body.type).toBe("string");
  expect(typeof body.title).toBe("string");
}
