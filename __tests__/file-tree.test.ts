/** The summary tree after a run. */
import { describe, expect, it } from "@jest/globals";
import { fileTree } from "../lib/cli/file-tree.js";

describe("fileTree", () => {
  it("nests files under their folders, folds single-folder chains, and aligns the notes", () => {
    expect(
      fileTree([
        { path: "docs/features/api/X/X-plan.md", note: "create" },
        { path: "src/x/domain/a.ts", note: "create" },
        { path: "src/x/domain/b.ts", note: "skip" },
        { path: "src/shared/r.ts", note: "keep" },
      ]),
    ).toEqual([
      "├─ docs/features/api/X/",
      "│  └─ X-plan.md          create",
      "└─ src/",
      "   ├─ x/domain/",
      "   │  ├─ a.ts            create",
      "   │  └─ b.ts            skip",
      "   └─ shared/",
      "      └─ r.ts            keep",
    ]);
  });
});
