/**
 * Fills a generated handler contract with an implementation, as a person would:
 * the fixture's imports beside the contract's, its helpers before the functions,
 * and each function's body in place of its "not implemented" line.
 * A fixture is TypeScript in sections: `//# imports`, `//# helpers`, `//# body <function>`; `shared` is more of them
 * that every fixture takes (the problem+json reply), put before the fixture's own. A section named twice is both,
 * in order: a capability's helper file (fixtures/implemented/<capability>.helpers.ts) brings its own imports.
 */
export function implement(handler: string, fixture: string, shared = ""): string {
  const sections = new Map<string, string>();
  // The helpers every fixture shares (fixtures/implemented/shared.helpers.ts) come first: a section named twice is both, in order.
  const parts = `${shared}\n${fixture}`.split(/^\/\/# (.+)$/m);
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!.trim();
    const text = parts[i + 1]!.replace(/^\n/, "").replace(/\n$/, "");
    sections.set(name, sections.has(name) ? `${sections.get(name)}\n${text}` : text);
  }
  // The contract imports value objects as types; an implementation calls them.
  let out = handler.replace(/^import type \{ (\w+) \} from ("\.\/[^"]+");$/gm, "import { $1 } from $2;");
  const lastImport = [...out.matchAll(/^import .*;$/gm)].pop()!;
  const at = lastImport.index! + lastImport[0].length;
  out = `${out.slice(0, at)}\n${sections.get("imports") ?? ""}${out.slice(at)}`;
  const firstFunction = out.indexOf("\nexport async function ");
  out = `${out.slice(0, firstFunction)}\n${sections.get("helpers") ?? ""}\n${out.slice(firstFunction)}`;
  for (const [name, body] of sections) {
    if (!name.startsWith("body ")) continue;
    const fn = name.slice(5);
    const line = new RegExp(`^(?:  void \\[.*\\]; // what the implementation will use\n)?  throw new Error\\("not implemented: ${fn} .*\\);$`, "m");
    if (!line.test(out)) throw new Error(`the contract has no function ${fn} to implement`);
    out = out.replace(line, () => body);
  }
  return out;
}

/** The generated tests with their pending markers removed, as the implementer does once they pass. */
export const unmarkPending = (code: string): string => code.replaceAll("it.failing(", "it(");
