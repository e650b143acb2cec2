/**
 * The kernel in a CommonJS repository: imports without an extension throughout
 * (the kernel's own too), `mjoplan kernel` writing it once with an index, and
 * plans importing it through the team's alias. The repository's own tsc
 * (module commonjs) and jest (CommonJS, no `.js` mapping) pass over the result.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { asProject, cli, jestSummary, ROOT, runGeneratedTests, tempDir, typecheck, readTree } from "./support/project.js";


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
    const result = await runGeneratedTests(dest, { swc: { module: { type: "commonjs" } }, moduleNameMapper: { "^@acme/kernel$": "<rootDir>/src/shared/kernel/index.ts" } });
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

  it("rests on a team's own base classes through ejected kernel templates that keep the documented contract", async () => {
    const dest = await tempDir();
    await asProject(dest, "module");
    // The team's own base classes, as a DDD repository has them: props, and validate() called from the constructor.
    await mkdir(path.join(dest, "src/libs/ddd"), { recursive: true });
    await writeFile(
      path.join(dest, "src/libs/ddd/value-object.base.ts"),
      [
        "export abstract class ValueObjectBase<T> {",
        "  protected readonly props: T;",
        "  protected constructor(props: T) {",
        "    this.validate(props);",
        "    this.props = Object.freeze(props);",
        "  }",
        "  protected abstract validate(props: T): void;",
        "  equals(other?: ValueObjectBase<T>): boolean {",
        "    return other !== undefined && other.constructor === this.constructor && JSON.stringify(other.props) === JSON.stringify(this.props);",
        "  }",
        "}",
        "export class ArgumentInvalidException extends Error {",
        '  readonly code = "GENERIC.ARGUMENT_INVALID";',
        "}",
        "",
      ].join("\n"),
    );
    const eject = await cli(["eject", "kernel/value-object.ts.hbs", "kernel/validation-error.ts.hbs", "--dest", dest]);
    expect(eject.exitCode).toBe(0);
    await writeFile(
      path.join(dest, ".mjoplan/templates/kernel/value-object.ts.hbs"),
      [
        'import { ValueObjectBase } from "../../libs/ddd/value-object.base.js";',
        "",
        "/** The contract the stubs rely on: a protected constructor taking the value, and `value` to read it. */",
        "export abstract class ValueObject<T extends string | number | boolean> extends ValueObjectBase<{ value: T }> {",
        "  protected constructor(value: T) {",
        "    super({ value });",
        "  }",
        "  // The stub validated before constructing; the team's hook has nothing left to check.",
        "  protected validate(): void {}",
        "  get value(): T {",
        "    return this.props.value;",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
    await writeFile(
      path.join(dest, ".mjoplan/templates/kernel/validation-error.ts.hbs"),
      [
        'import { ArgumentInvalidException } from "../../libs/ddd/value-object.base.js";',
        "",
        "export class ValidationError extends ArgumentInvalidException {",
        "  readonly field: string;",
        "  constructor(field: string, message: string) {",
        "    super(message);",
        "    this.field = field;",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
    const plan = await cli(["plan", "--answers", path.join(ROOT, "examples/request-password-reset.answers.json"), "--dest", dest, "--date", "2026-01-01"]);
    expect(plan.exitCode).toBe(0);
    expect(await readFile(path.join(dest, "src/shared/domain/value-object.ts"), "utf8")).toContain("extends ValueObjectBase<{ value: T }>");
    const check = await typecheck(dest);
    expect(check.stdout).toBe("");
    const summary = jestSummary(await runGeneratedTests(dest));
    expect(summary.failed).toBe(0);
    expect(summary.passed).toBeGreaterThan(10);
  });
});
