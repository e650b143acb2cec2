/** Snapshots of a folder, bytes and links included, to prove a failed run left it exactly as it was. */
import { cp, lstat, readdir, readFile, readlink } from "node:fs/promises";
import path from "node:path";

export async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (rel: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      const full = path.join(dir, child);
      if (entry.isSymbolicLink()) out.set(child, `link -> ${await readlink(full)}`);
      else if (entry.isDirectory()) {
        out.set(`${child}/`, `dir ${(await lstat(full)).mode}`);
        await walk(child);
      } else out.set(child, (await readFile(full)).toString("base64"));
    }
  };
  await walk("");
  return out;
}

export async function copyTree(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true, verbatimSymlinks: true });
}
