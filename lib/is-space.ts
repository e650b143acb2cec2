// Linear scans read text one character at a time; this is their /\s/.

/** Whether the UTF-16 code unit `c` is what /\s/ matches; a comparison per character, not a regular expression per character. */
export function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
