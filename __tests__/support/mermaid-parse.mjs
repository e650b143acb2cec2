// Parses every Mermaid block of the Markdown files named on the command line with Mermaid's own
// parser (jsdom provides the window it wants) and prints one JSON line per block.
// Run as a child process: Mermaid's ESM graph is more than jest's module sandbox should carry.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");

const results = [];
for (const file of process.argv.slice(2)) {
  for (const m of readFileSync(file, "utf8").matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)) {
    try {
      await mermaid.parse(m[1]);
      results.push({ file, ok: true });
    } catch (e) {
      results.push({ file, ok: false, error: String(e?.message ?? e).split("\n")[0], diagram: m[1] });
    }
  }
}
process.stdout.write(JSON.stringify(results));
