/** `--dest /`: the dry run and the real run agree, refusing it with the real reason (trial2 T5). */
import { describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";

describe("--dest at the file system's root", () => {
  it.each([["/"], ["../../../../../../../../.."]])("%s is refused by a dry run and a real run alike, exit 2, naming the root", async (dest) => {
    const cwd = await tempDir();
    for (const dry of [["--dry-run"], []]) {
      const run = await cli(["plan", "--name", "Bad", "--dest", dest, ...dry], { cwd });
      expect(run.exitCode).toBe(2);
      expect(String(run.stderr).trim()).toBe(`mjoplan: --dest ${dest}: is the file system's root (/); give the project's folder`);
      expect(run.stdout).not.toMatch(/would be written/);
    }
  });
});
