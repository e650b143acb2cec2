/** The README's flag tables come from the schemas; when one changes without the other, this fails (`npm run readme` mends it). */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { readmeTables, replaceTables } from "../lib/cli/readme-tables.js";
import { generators } from "../generators/index.js";
import { ROOT } from "./support/project.js";

describe("README", () => {
  it("holds the flag table of every command exactly as the schema describes it", async () => {
    const readme = await readFile(path.join(ROOT, "README.md"), "utf8");
    expect(replaceTables(readme, readmeTables(generators))).toBe(readme);
  });
});
