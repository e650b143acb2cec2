/**
 * A file's path as a Markdown link destination and back. CommonMark ends a bare destination at a
 * space and GitHub then shows no link, so a config path with a space (`src/Use Cases/...`) is written
 * percent-encoded (`src/Use%20Cases/...`), which GitHub follows and check decodes; check also reads
 * the `<src/Use Cases/...>` form a person may write.
 */

/** The characters that end or break a bare link destination, and `%` itself (else a path's own `%20` would be decoded). */
const UNSAFE = /[\s%()<>]/g;
/** The same, to test (no global state): most paths hold none, and are returned as they are. */
const UNSAFE_ONE = /[\s%()<>]/;

/** A relative path as a link destination. */
export const linkTo = (p: string): string => (UNSAFE_ONE.test(p) ? p.replace(UNSAFE, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`) : p);

/** The path a link destination names: URI-decoded, or as written when it is not valid URI text. */
export function pathOfLink(link: string): string {
  if (!link.includes("%")) return link;
  try {
    return decodeURI(link);
  } catch {
    return link;
  }
}
