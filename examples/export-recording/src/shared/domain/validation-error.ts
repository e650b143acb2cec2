/** Input that a value object, event or command refused; `field` names what was wrong, never the value itself. */
export class ValidationError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = "ValidationError";
    this.field = field;
  }
}
