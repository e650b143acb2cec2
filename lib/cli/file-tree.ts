/** The files of a run as a tree, each with what happened to it: what a person reads after a run. */

interface Node {
  children: Map<string, Node>;
  note?: string;
}

/** Paths (forward slashes) and a note for each, as tree lines; a folder with one child folder is folded into it. */
export function fileTree(entries: readonly { path: string; note: string }[]): string[] {
  const root: Node = { children: new Map() };
  for (const { path, note } of entries) {
    let node = root;
    for (const part of path.split("/")) {
      let child = node.children.get(part);
      if (!child) node.children.set(part, (child = { children: new Map() }));
      node = child;
    }
    node.note = note;
  }
  const rows: [string, string][] = [];
  const walk = (node: Node, prefix: string): void => {
    const kids = [...node.children];
    kids.forEach(([name, child], i) => {
      let label = name;
      let n = child;
      // Fold chains of single folders (docs/features/api/X/) into one line.
      while (n.note === undefined && n.children.size === 1 && [...n.children.values()][0]!.children.size > 0) {
        const [next, nextNode] = [...n.children][0]!;
        label += `/${next}`;
        n = nextNode;
      }
      const last = i === kids.length - 1;
      rows.push([`${prefix}${last ? "└─ " : "├─ "}${label}${n.children.size ? "/" : ""}`, n.note ?? ""]);
      walk(n, `${prefix}${last ? "   " : "│  "}`);
    });
  };
  walk(root, "");
  const width = Math.max(0, ...rows.map(([l]) => [...l].length));
  return rows.map(([l, note]) => (note ? `${l}${" ".repeat(width - [...l].length + 2)}${note}` : l));
}
