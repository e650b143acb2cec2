/**
 * Base of value objects: immutable, compared by type and value (never by
 * JSON.stringify, whose result depends on key order).
 */
export abstract class ValueObject<T extends string | number | boolean> {
  readonly value: T;

  protected constructor(value: T) {
    this.value = value;
  }

  equals(other: ValueObject<T>): boolean {
    return other.constructor === this.constructor && other.value === this.value;
  }

  toJSON(): T {
    return this.value;
  }

  toString(): string {
    return String(this.value);
  }
}
