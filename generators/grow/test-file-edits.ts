/**
 * Adds a test to a test file the plan wrote, whatever the repository's formatter made of it
 * (`});` or `})`, either quote): the file's last top-level `describe(...)` is found and closed by
 * bracket matching, not by the text mjoplan's templates write.
 */
import { closeOf } from "../../lib/render/node-test.js";

/** The file with `it.todo(title)` as the last test of its last top-level describe block; undefined when it has none. */
export function withTodoTest(code: string, title: string): string | undefined {
  const head = [...code.matchAll(/^describe\s*\(/gm)].pop();
  if (!head) return undefined;
  const open = head.index + head[0].length - 1;
  let end: number;
  try {
    end = closeOf(code, open) - 1;
  } catch {
    return undefined;
  }
  // The callback's body closes with the last `}` before the call's `)`.
  const close = code.lastIndexOf("}", end);
  if (close <= open || code.slice(close + 1, end).trim() !== "") return undefined;
  const semi = /^\}\);$/m.test(code) ? ";" : "";
  const before = code.slice(0, close).replace(/\s+$/, "");
  return `${before}\n  it.todo(${JSON.stringify(title)})${semi}\n${code.slice(close)}`;
}
