/**
 * A path a message names is shown as a shell reads it back, as the other messages name files: bare where plain,
 * single-quoted where not, escaped only where a control character would break the message's one line.
 */
import { describe, expect, it } from "@jest/globals";
import { shownWord } from "../lib/cli/shell-word.js";
import { cli, tempDir } from "./support/project.js";
import path from "node:path";
import { writeFile } from "node:fs/promises";

describe("shownWord", () => {
  it("leaves a plain path bare, single-quotes one a shell would split, escapes a control character", () => {
    expect(shownWord("/tmp/app/src")).toBe("/tmp/app/src");
    expect(shownWord("/tmp/my app")).toBe("'/tmp/my app'");
    expect(shownWord("it's")).toBe("'it'\\''s'");
    expect(shownWord("a\nb")).toBe('"a\\nb"');
  });

  it("names a --dest with a space as a shell reads it back, not in JSON quotes", async () => {
    const file = path.join(await tempDir(), "a file");
    await writeFile(file, "");
    const run = await cli(["plan", "--name", "Close ticket", "--dest", file, "--date", "2026-01-01"]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim()).toBe(`mjoplan: --dest '${file}': names a file, not a folder`);
  });
});
