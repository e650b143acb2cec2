// Rewrites the README's flag tables from the schemas (the built ones, in dist/): `npm run readme`.
// A test fails when the README and the schema differ.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readmeTables, replaceTables } from "../dist/lib/cli/readme-tables.js";
import { generators } from "../dist/generators/index.js";

const readme = path.join(path.dirname(fileURLToPath(import.meta.url)), "../README.md");
writeFileSync(readme, replaceTables(readFileSync(readme, "utf8"), readmeTables(generators)));
