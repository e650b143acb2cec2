/** A file's text, or undefined where there is none to read (missing, a folder): what growing, init and agent setup ask of a repository's files. */
import { readFileSync } from "node:fs";

export function readTextOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
