/**
 * Prettier runs in mjoplan's process (Prettier 2 synchronously): a run formats one file per turn of
 * the event loop where it can be interrupted, so a signal during a use-case's formatting ends the run
 * before the next file, not after the whole use-case (trial2 T22).
 */
import { describe, expect, it } from "@jest/globals";
import * as prettier from "prettier";
import { formatWith, type Formatter } from "../lib/format/format-files.js";
import { Interrupted } from "../lib/write/commit.js";
import { tempDir } from "./support/project.js";

describe("formatting with Prettier under a signal", () => {
  it("stops before the next file once the signal is aborted, with Interrupted", async () => {
    const dest = await tempDir();
    const controller = new AbortController();
    const formatted: string[] = [];
    const counting = {
      version: prettier.version,
      resolveConfig: prettier.resolveConfig,
      // The real Prettier; the signal comes while the first file is formatted, as a Ctrl-C would.
      format: (source: string, options: Record<string, unknown>) => {
        formatted.push(String(options["filepath"]));
        controller.abort();
        return prettier.format(source, options);
      },
    };
    const formatter = { kind: "prettier", prettier: counting, origin: "bundled" } as unknown as Formatter;
    const files = ["a.ts", "b.ts", "c.ts"].map((p) => ({ path: p, content: "const   x =  1\n", mode: "create" }) as never);
    await expect(formatWith(formatter, files, dest, controller.signal)).rejects.toBeInstanceOf(Interrupted);
    expect(formatted).toHaveLength(1);
  });

  it("without a signal formats every file", async () => {
    const dest = await tempDir();
    const formatter = { kind: "prettier", prettier, origin: "bundled" } as unknown as Formatter;
    const files = ["a.ts", "b.ts"].map((p) => ({ path: p, content: "const   x =  1\n", mode: "create" }) as never);
    const out = await formatWith(formatter, files, dest);
    expect(out.map((f: { content: string }) => f.content)).toEqual(["const x = 1;\n", "const x = 1;\n"]);
  });
});
