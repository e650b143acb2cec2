/**
 * Typed failures. Inner code throws these; only the CLI edge turns them into
 * messages and exit codes (2 for InputError, 1 for GenerationError).
 */
export class InputError extends Error {
  /** Where the bad value came from, e.g. `--value-object "Email:mail"` or `answers.json[1].valueObjects[0]`. */
  readonly where: string;
  /** What is wrong with it, without the place (a prompt shows it beside the answer). */
  readonly problem: string;

  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
    this.name = "InputError";
    this.where = where;
    this.problem = problem;
  }
}

/** Several bad inputs at once (a config file with three mistakes): one line each, each naming its key path. */
export class InputErrors extends InputError {
  constructor(problems: string[]) {
    const where = problems[0]!.split(": ")[0]!;
    // The first line names the place; the message is every line.
    super(where, problems.join("\n").slice(where.length + 2));
  }
}

export class GenerationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "GenerationError";
  }
}
