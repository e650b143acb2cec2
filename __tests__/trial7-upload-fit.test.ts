/**
 * Uploads planned true for their use-case, from a new user's seventh trial (TRIAL7 U7): the size limit the answers
 * give is the one the plan states, the answers' own 413 and 415 are the upload's checks (named once, before the file
 * is stored), a condition with its own error is a row of its own, and a Content-Type header beside a file is warned.
 */
import { describe, expect, it } from "@jest/globals";
import { describeFit, type FitCase } from "./support/fit.js";
import { cli, tempDir } from "./support/project.js";

const AVATAR = ["--summary", "The signed-in user uploads a new profile picture (JPEG, PNG or WebP, at most 5 MB); it is resized to 512x512 and replaces the old one", "--context", "Profiles", "--method", "PUT", "--route", "/api/me/avatar", "--resource", "Profile", "--value-object", "ContentType:enum(image/jpeg|image/png|image/webp)@header", "--value-object", "ContentLength:int(1..5242880)@header", "--value-object", "AltText?:string(0..200)", "--response", "avatarUrl,version", "--capability", "file-upload", "--error", "UnsupportedMediaType:415:the file is not a JPEG, PNG or WebP image", "--error", "PayloadTooLarge:413:the file is over 5 MB", "--error", "ImageTooLarge:422:the image is over 8000x8000 pixels"];

const CASES: Record<string, FitCase> = {
  // The user's 5 MB (its ContentLength rule) everywhere, the user's error names for the size and type checks, made as the
  // file streams and before it is stored; the pack's names and its 25 MB nowhere; the 422s one row each.
  "Upload my avatar": {
    flags: AVATAR,
    must: [
      "Uploads are limited in size to 5 MB",
      "MAX_UPLOAD_BYTES = 5242880",
      "-> PayloadTooLarge (413), nothing stored",
      // The declared size over the limit is the same 413, not a 400 beside it.
      "over the maximum it is refused with 413 (PayloadTooLarge) before the body is read",
      "-> err => 400 problem+json, but over the maximum => PayloadTooLarge (413), nothing read",
      /=> UnsupportedMediaType \(415\)\n {2}if the image is over 8000x8000 pixels -> ImageTooLarge \(422\), nothing stored\n(?:.*\n)? {2}fileId = new id; storage\.store/,
      "| 422 | ImageTooLarge: the image is over 8000x8000 pixels | none | problem+json |\n| 422 | The malware scan",
      // U9: a real 1x1 JPEG (the first accepted type) is the valid request's file, so the tests that need one arrange it.
      'declaredType: "image/jpeg", fileName: "upload-my-avatar.jpg"',
      "Uint8Array.from([0xff, 0xd8, 0xff, 0xe0",
      'it.failing("SEC-4 answers a request without valid credentials with 401"',
      'it.failing("INT-1 PUT /api/me/avatar answers 200 for a valid request',
      // ...and each accepted type, sent as a real file declared as something else, is stored with the type its bytes have.
      /it\.failing\("INT-\d+ a valid file of each allowed type is accepted and stored with the type read from its content"/,
      '.toContain("image/webp");',
    ],
    mustNot: ["the generator has no sample", 'it.todo("SEC-4', "between 1 and 5242880, parsed from its text; anything else is refused with 400", "25 MB", "FileTooLarge", "FileTypeNotAllowed", "if the file is over 5 MB ->", "if the file is not a JPEG", "the right maximum", "The file is larger than the size limit"],
  },
  // A limit the summary gives, with no error named: that limit, and the pack's own error names.
  "Upload a company logo": {
    flags: ["--summary", "An admin uploads the company logo (up to 2 MB)", "--method", "PUT", "--route", "/api/company/logo", "--resource", "Company", "--capability", "file-upload"],
    must: ["Uploads are limited in size to 2 MB", "MAX_UPLOAD_BYTES = 2097152", "FileTooLarge", "FileTypeNotAllowed", "Are image/png, image/jpeg the types needed?"],
    mustNot: ["25 MB", "the right maximum"],
  },
  // A 413 error naming its size sets the limit; no limit given anywhere keeps the pack's default and asks.
  "Attach a receipt": {
    flags: ["--summary", "An employee attaches a receipt PDF to an expense", "--method", "POST", "--route", "/api/expenses/:expenseId/receipts", "--resource", "Expense", "--capability", "file-upload", "--error", "ReceiptTooLarge:413:the receipt is over 10 MB"],
    must: ["Uploads are limited in size to 10 MB", "MAX_UPLOAD_BYTES = 10485760", "-> ReceiptTooLarge (413), nothing stored", "FileTypeNotAllowed", "Are application/pdf the types needed?", 'declaredType: "application/pdf"', "%PDF-1.4\\n1 0 obj"],
    mustNot: ["25 MB", "FileTooLarge", "the generator has no sample"],
  },
  "Import contacts": {
    flags: ["--summary", "A member imports contacts from a CSV file", "--method", "POST", "--route", "/api/contacts/imports", "--capability", "file-upload"],
    must: ["Uploads are limited in size to 25 MB", "is 25 MB the right maximum?", "FileTooLarge"],
    mustNot: [],
  },
};

// U9: a sample of each common type the generator knows (GIF, WebP, plain text here); none of a type it does not (a ZIP), and the plan says so.
CASES["Upload a sticker"] = {
  flags: ["--summary", "A member uploads an animated sticker", "--route", "/api/stickers", "--value-object", "MediaType:enum(image/gif|image/webp)", "--capability", "file-upload"],
  must: ['declaredType: "image/gif", fileName: "upload-a-sticker.gif"', "Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61"],
  mustNot: ["the generator has no sample"],
};
CASES["Upload release notes"] = {
  flags: ["--summary", "A maintainer uploads release notes as a text file", "--route", "/api/releases/notes", "--value-object", "MediaType:enum(text/plain)", "--capability", "file-upload"],
  must: ['declaredType: "text/plain", fileName: "upload-release-notes.txt"'],
  mustNot: ["the generator has no sample"],
};
CASES["Upload a backup archive"] = {
  flags: ["--summary", "An admin uploads a backup archive", "--route", "/api/backups", "--value-object", "MediaType:enum(application/zip)", "--capability", "file-upload"],
  // The generator carries a zip sample now (capability-file-upload-archive, fit13b): its tests upload a real one.
  must: [`declaredType: "application/zip"`],
  mustNot: ["the generator has no sample"],
};

describeFit(CASES, "each upload's plan states the answers' limit, names each check once, and its tests upload a real file (TRIAL7 U7, U9)");

describe("a Content-Type header beside a file upload (TRIAL7 U7)", () => {
  it("is warned: the request is multipart/form-data, so its Content-Type is never the file's type", async () => {
    const run = await cli(["plan", "--name", "Upload my avatar", ...AVATAR, "--dest", await tempDir(), "--date", "2026-01-01", "--dry-run"]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr)).toMatch(/warning: --value-object ContentType: the request of a file upload is multipart\/form-data/);
  });
  it("is not warned for a JSON request's Content-Type, nor for an upload without one", async () => {
    const json = await cli(["plan", "--name", "Create a note", "--route", "/api/notes", "--value-object", "ContentType:enum(application/json)@header", "--dest", await tempDir(), "--dry-run"]);
    const upload = await cli(["plan", "--name", "Upload a company logo", "--method", "PUT", "--route", "/api/company/logo", "--capability", "file-upload", "--dest", await tempDir(), "--dry-run"]);
    expect(String(json.stderr) + String(upload.stderr)).not.toMatch(/multipart/);
  });
});
