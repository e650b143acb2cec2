/**
 * Plans true for their use-case (session 15, fix15f, TRIAL11): each use-case is planned from its flags, and its plan and
 * code are checked for the statement that was missing or false, beside unlike use-cases for what must stay. All are
 * planned into one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // Y11. A presigned URL to upload to is an upload straight to storage, whether or not the answers name file-upload:
  // a short-lived URL bound to the declared type and size, a server key, no-store, and a quota reserved atomically.
  "Create an upload URL for a video": {
    flags: [
      "--summary", "The signed-in user gets a presigned URL to upload one large video straight to object storage; the server never sees the bytes",
      "--route", "/api/me/video-uploads", "--value-object", "FileName:string(1..255)", "--value-object", "ContentType:enum(video/mp4|video/quicktime|video/webm)",
      "--value-object", "ContentLength:int(1..10737418240)", "--response", "uploadId,uploadUrl,expiresAt", "--rate-limit", "20/1h",
      "--error", "QuotaExceeded:403:the user's stored video bytes plus this file exceed their quota",
    ],
    must: [
      "capability-file-upload-direct",
      "under a key the server generates (never derived from the file name",
      "the storage accepts only with the declared Content-Type and at most the declared size",
      "sent with Cache-Control: no-store",
      "The declared size is reserved against the quota when the URL is issued, in one conditional update",
      "Two or more URLs asked for at once each read the same room left in the quota",
      "gives its reserved size back to the quota",
    ],
    mustNot: ["multipart part `file`"],
  },
  // ...one without a quota has the presigned items and no reservation.
  "Get an upload URL for my avatar": {
    flags: ["--route", "/api/me/avatar/upload-url", "--value-object", "ContentType:enum(image/png|image/jpeg)", "--value-object", "ContentLength:int(1..5242880)", "--response", "signedUploadUrl,expiresAt"],
    must: ["capability-file-upload-direct", "sent with Cache-Control: no-store"],
    mustNot: ["reserved against the quota", "capability-file-upload-direct-quota"],
  },
  // ...a signed URL to download a report is no upload.
  "Create a download link for a report": {
    flags: ["--summary", "The owner gets a signed URL to download the report", "--route", "/api/reports/:reportId/download-links", "--resource", "Report", "--response", "url,expiresAt"],
    must: [],
    mustNot: ["capability-file-upload", "presigned for one object", "Upload URLs issued"],
  },
  // ...and a file sent through the API against a quota keeps its own upload items, no URL reserved.
  "Upload a document to my drive": {
    flags: ["--capability", "file-upload", "--route", "/api/me/documents", "--summary", "The user uploads a PDF to their drive; it counts against their storage quota", "--error", "QuotaExceeded:403"],
    must: ["multipart part"],
    mustNot: ["capability-file-upload-direct", "reserved against the quota when the URL is issued"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (fix15f)");
