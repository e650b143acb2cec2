/** Flag parsing from the schema: any order, repeatable, `--flag=value`, `--no-flag`, errors that name the flag. */
import { describe, expect, it } from "@jest/globals";
import { planSchema } from "../generators/plan/schema.js";
import { parseArgv } from "../lib/cli/argv.js";
import { runSchema } from "../lib/cli/run-options.js";
import { parseAll } from "../lib/schema/resolve.js";

const schema = { ...planSchema, ...runSchema };
const parse = (...argv: string[]) => parseAll(schema, parseArgv(argv, schema).given);

describe("parseArgv", () => {
  it("takes flags in any order, repeatable ones in order of appearance", () => {
    const values = parse("--value-object", "A:email", "--name", "X", "--value-object=B:uuid", "--audit", "--tests", "domain,security");
    expect(values.name).toBe("X");
    expect(values.valueObjects?.map((v) => v.name)).toEqual(["A", "B"]);
    expect(values.audit).toBe(true);
    expect(values.tests).toEqual(["security", "domain"]);
  });

  it("reads --no-<flag> and --flag=false for booleans", () => {
    expect(parse("--no-audit").audit).toBe(false);
    expect(parse("--audit=false").audit).toBe(false);
  });

  it("splits comma lists and merges repeats of them", () => {
    expect(parse("--pii", "email,phone", "--pii", "ip").pii).toEqual(["email", "phone", "ip"]);
  });

  it("keeps positionals apart, for the caller to refuse", () => {
    expect(parseArgv(["plan-extra", "--name", "X"], schema).positionals).toEqual(["plan-extra"]);
  });

  it.each([
    [["--nmae", "X"], "--nmae: unknown flag; did you mean --name? (see --help)"],
    [["--zzzzzz", "X"], "--zzzzzz: unknown flag (see --help)"],
    [["--name"], "--name: needs a value (\"Request password reset\")"],
    [["--name", "--audit"], "--name: needs a value (\"Request password reset\")"],
    [["--name", "A", "--name", "B"], "--name: given twice; it takes one value"],
    [["-n", "X"], "-n: unknown option; flags are spelled --name (see --help)"],
  ])("%j fails with %j", (argv, message) => {
    expect(() => parseArgv(argv, schema)).toThrow(message);
  });
});
