import path from "node:path";

/** `p` is `root` or below it (`root` may end in a separator: `/`, `C:\\`). Both are real, absolute paths. */
export const isInside = (root: string, p: string): boolean => p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
