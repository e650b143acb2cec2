/**
 * Typed failures. Inner code throws these; only the CLI edge turns them into
 * messages and exit codes (2 for InputError, 1 for GenerationError).
 */
export class InputError extends Error {
  /** Where the bad value came from, e.g. `--value-object "Email:mail"` or `answers.json[1].valueObjects[0]`. */
  readonly where: string;

  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
    this.name = "InputError";
    this.where = where;
  }
}

/** Several bad inputs at once (a config file with three mistakes): one line each, each naming its key path. */
export class InputErrors extends InputError {
  constructor(problems: string[]) {
    super(problems[0]!.split(": ")[0]!, problems[0]!.split(": ").slice(1).join(": "));
    this.message = problems.join("\n");
  }
}

export class GenerationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "GenerationError";
  }
}
