/**
 * A batch's render thread hands each use-case's files over as bytes, and the main thread writes those bytes: it must
 * not decode a text (a plan is 100 KB) that nothing reads. fileOfBytes makes the plan given its stamp from bytes; the
 * file it copies has a content getter that would decode the old bytes.
 */
import { fileOfBytes } from "../lib/write/planned-file.js";

describe("a file made from bytes", () => {
  it("copies the other fields without reading the content of the file it is made from, and decodes its own only when read", () => {
    let reads = 0;
    const original = Object.defineProperty({ path: "docs/plan.md", mode: "owned" as const, isPlan: true }, "content", {
      enumerable: true,
      get: () => {
        reads++;
        return "the old text";
      },
    });
    const bytes = Buffer.from("the new text, ü and →\n", "utf8");
    const file = fileOfBytes(original, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { placeholders: 2 });
    expect(reads).toBe(0);
    expect(file.bytes).toEqual(new Uint8Array(bytes));
    expect(file.placeholders).toBe(2);
    expect({ ...file }).toEqual({ path: "docs/plan.md", mode: "owned", isPlan: true, content: "the new text, ü and →\n" });
    expect(reads).toBe(0);
  });
});
