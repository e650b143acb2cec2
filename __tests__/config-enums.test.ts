/**
 * The config keys with a fixed set of values: a value outside it is one problem naming the key
 * and the values it may take, and the JSON Schema shipped for editors offers the same values.
 */
import { describe, expect, it } from "@jest/globals";
import { configJsonSchema, mergeVocabularies, parseConfig } from "../lib/config/config.js";

const vocabulary = mergeVocabularies([]);
const where = "mjoplan.config.json";

describe("config keys with fixed values", () => {
  it.each([
    ["importExtension", ".ts", `${where}.importExtension: must be ".js" or ""`],
    ["testRunner", "mocha", `${where}.testRunner: must be one of jest, vitest, node`],
    ["valueObjectStyle", "exception", `${where}.valueObjectStyle: must be one of result, throw`],
  ])("%s refuses %j with one problem naming the key and its values", (key, value, problem) => {
    const { config, problems } = parseConfig({ [key]: value }, where, vocabulary);
    expect(problems).toEqual([problem]);
    expect(config[key as "testRunner"]).not.toBe(value);
  });

  it.each([
    ["importExtension", "", ".js"],
    ["testRunner", "node", "jest"],
    ["valueObjectStyle", "throw", "result"],
  ])("%s takes %j, and has its default when not set", (key, value, fallback) => {
    expect(parseConfig({ [key]: value }, where, vocabulary)).toEqual({ config: expect.objectContaining({ [key]: value }), problems: [] });
    expect(parseConfig({}, where, vocabulary).config[key as "testRunner"]).toBe(fallback);
  });

  it("offers editors the same values and defaults", () => {
    const { properties } = configJsonSchema(vocabulary) as { properties: Record<string, { enum?: unknown[]; default?: unknown }> };
    expect([properties["importExtension"], properties["testRunner"], properties["valueObjectStyle"]].map((p) => [p?.enum, p?.default])).toEqual([
      [[".js", ""], ".js"],
      [["jest", "vitest", "node"], "jest"],
      [["result", "throw"], "result"],
    ]);
  });
});
