/**
 * The kernel in a CommonJS repository: imports without an extension throughout
 * (the kernel's own too), `mjoplan kernel` writing it once with an index, and
 * plans importing it through the team's alias. The repository's own tsc
 * (module commonjs) and jest (CommonJS, no `.js` mapping) pass over the result.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { asProject, cli, jestSummary, ROOT, tempDir, typecheck, readTree } from "./support/project.js";

const NODE_MODULES = path.join(ROOT, "node_modules");

describe("kernel", () => {
  it("is written once with an index by `mjoplan kernel`, imported through kernelImport, and passes tsc and jest in a CommonJS repository", async () => {
    const dest = await tempDir();
    await asProject(dest, "commonjs");
    const tsconfig = { compilerOptions: { target: "ES2022", module: "commonjs", strict: true, noEmit: true, skipLibCheck: true, types: [], paths: { "@acme/kernel": ["./src/shared/kernel/index.ts"] } }, include: ["src/**/*.ts"] };
    await writeFile(path.join(dest, "tsconfig.json"), JSON.stringify(tsconfig));
    await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify({ importExtension: "", paths: { kernel: "src/shared/kernel" }, kernelImport: "@acme/kernel" }));

    const kernel = await cli(["kernel", "--dest", dest]);
    expect(kernel.stderr).toBe("");
    expect(kernel.exitCode).toBe(0);
    const written = await readTree(dest);
    expect([...written.keys()].filter((p) => p.startsWith("src/"))).toEqual(["src/shared/kernel/domain-event.ts", "src/shared/kernel/index.ts", "src/shared/kernel/result.ts", "src/shared/kernel/validation-error.ts", "src/shared/kernel/value-object.ts"]);
    expect(written.get("src/shared/kernel/domain-event.ts")).toContain('from "./result";');
    expect(written.get("src/shared/kernel/index.ts")).toBe('export * from "./result";\nexport * from "./validation-error";\nexport * from "./value-object";\nexport * from "./domain-event";\n');

    const plan = await cli(["plan", "--answers", path.join(ROOT, "examples/request-password-reset.answers.json"), "--dest", dest, "--date", "2026-01-01"]);
    expect(plan.exitCode).toBe(0);
    const after = await readTree(dest);
    const code = [...after].filter(([p]) => p.endsWith(".ts") && !p.startsWith("src/shared/"));
    expect(code.length).toBeGreaterThan(5);
    for (const [file, text] of code) {
      for (const [, spec] of text.matchAll(/from "([^"]+)"/g)) if (spec!.startsWith(".")) expect(`${file}: ${spec}`).not.toMatch(/\.js$/);
    }
    expect(after.get("src/features/request-password-reset/domain/email.value-object.ts")).toContain('from "@acme/kernel";');

    const check = await typecheck(dest);
    expect(check.stdout).toBe("");
    const config = {
      rootDir: dest,
      testEnvironment: "node",
      transform: { "^.+\\.ts$": ["@swc/jest", { module: { type: "commonjs" } }] },
      moduleNameMapper: { "^@acme/kernel$": "<rootDir>/src/shared/kernel/index.ts" },
    };
    const result = await execa("node", [path.join(NODE_MODULES, "jest/bin/jest.js"), "--config", JSON.stringify(config), "--ci", "--json"], { cwd: dest, reject: false });
    const summary = jestSummary(result);
    expect(summary.failed).toBe(0);
    expect(summary.passed).toBeGreaterThan(10);
    expect(JSON.parse(await readFile(path.join(dest, "package.json"), "utf8")).type).toBe("commonjs");
  });

  it("refuses a kernel path that names a use-case (exit 2)", async () => {
    const dest = await tempDir();
    await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify({ paths: { kernel: "src/{use-case}/kernel" } }));
    const run = await cli(["kernel", "--dest", dest]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/paths\.kernel: \{use-case\} names a use-case, but the kernel is shared by all of them/);
  });
});
