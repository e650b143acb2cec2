/** The rewrite of jest-style test code for node's runner, as pure string -> string. */
import { describe, expect, it } from "@jest/globals";
import { toNodeTest } from "../lib/render/node-test.js";

describe("toNodeTest", () => {
  it.each([
    ["expect(a.b).toBe(1);", "assert.equal(a.b, 1);"],
    ["expect(f(x, [1, 2])).not.toBe(g(\")\"));", "assert.notEqual(f(x, [1, 2]), g(\")\"));"],
    ["expect(json).toEqual({ a: [1] });", "assert.deepEqual(json, { a: [1] });"],
    ["expect(e.toJSON()).toMatchObject({ name: \"X\" });", "assert.deepEqual({ ...(e.toJSON()), ...({ name: \"X\" }) }, e.toJSON());"],
    ["expect(keys).not.toContain(field);", "assert.ok(!keys.includes(field));"],
    ["expect(() => new Email(1)).toThrow(ValidationError);", "assert.throws(() => new Email(1), ValidationError);"],
    ["expect(() => f()).toThrow(\"bad\");", "assert.throws(() => f(), { message: \"bad\" });"],
    // A regular expression's escaped brackets are neither opened nor closed.
    ["expect(code).toMatch(/f\\)?\\s*\\(/);", "assert.match(code, /f\\)?\\s*\\(/);"],
  ])("%s", (jest, node) => {
    expect(toNodeTest(`import { strict as assert } from "node:assert";\n${jest}\n`)).toBe(`import { strict as assert } from "node:assert";\n${node}\n`);
  });

  it("turns it.each into a loop whose titles show each row, and imports inspect for %p", () => {
    const code = 'import { it } from "node:test";\n  it.each<[string, unknown]>([["a `b`", 1]])("DOM-1 %s is %p, 100%%", (label, raw) => {\n    use(label, raw);\n  });\n';
    expect(toNodeTest(code)).toBe(
      'import { it } from "node:test";\nimport { inspect } from "node:util";\n  for (const [label, raw] of [["a `b`", 1]] as [string, unknown][]) {\n    it(`DOM-1 ${String(label)} is ${inspect(raw)}, 100%`, () => {\n      use(label, raw);\n    });\n  }\n',
    );
  });

  it("reads past a regular expression with an escaped slash, and a comment with commas after it", () => {
    const jest = 'it.failing("X-1", async () => {\n    expect(reply.headers["location"] ?? "").toMatch(/^\\//);\n    // a comment, with commas, after it\n    expect(list).toHaveLength(1);\n  });';
    const node = 'it.failing("X-1", async () => {\n    assert.match(reply.headers["location"] ?? "", /^\\//);\n    // a comment, with commas, after it\n    assert.equal(list.length, 1);\n  });';
    expect(toNodeTest(`import { strict as assert } from "node:assert";\n${jest}\n`)).toBe(`import { strict as assert } from "node:assert";\n${node}\n`);
  });

  it("refuses a matcher node:assert has no form for, naming it", () => {
    expect(() => toNodeTest("expect(spy).toHaveBeenCalledWith(1);")).toThrow("expect(...).toHaveBeenCalledWith has no node:assert form");
  });

  it("drops the assert import from a file that asserts nothing", () => {
    expect(toNodeTest('import { describe, it } from "node:test";\nimport { strict as assert } from "node:assert";\nit.todo("X-1");\n')).toBe('import { describe, it } from "node:test";\nit.todo("X-1");\n');
  });
});
