/** Adding a test to a test file whatever its formatting (the insertion `event` makes). */
import { describe, expect, it } from "@jest/globals";
import { withTodoTest } from "../generators/grow/test-file-edits.js";

describe("adding a test to a test file (pure)", () => {
  const formatted = "import { describe, it } from '@jest/globals'\n\ndescribe('Rename room', () => {\n  it.todo('INT-1 x')\n})\n";

  it("inserts before the describe's closing brace without semicolons", () => {
    expect(withTodoTest(formatted, "INT-2 y")).toBe("import { describe, it } from '@jest/globals'\n\ndescribe('Rename room', () => {\n  it.todo('INT-1 x')\n  it.todo(\"INT-2 y\")\n})\n");
  });

  it("ignores braces inside strings and comments", () => {
    const tricky = 'describe("a", () => {\n  it.todo("INT-1 })");\n  // })\n});\n';
    expect(withTodoTest(tricky, "INT-2 y")).toBe('describe("a", () => {\n  it.todo("INT-1 })");\n  // })\n  it.todo("INT-2 y");\n});\n');
  });

  it("gives undefined for a file without a top-level describe", () => {
    expect(withTodoTest("it.todo('x')\n", "INT-2 y")).toBeUndefined();
  });
});
