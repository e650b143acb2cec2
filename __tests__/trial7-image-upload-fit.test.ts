/**
 * An upload of images plans what a reviewer of image processing asks for (U7 left by TRIAL7): decoding by a maintained
 * library in a sandbox under a pixel cap read before any decode (decompression bombs), metadata stripped, and only the
 * re-encoded variant served, never the original bytes. A CSV import, a PDF upload and an upload whose types are not
 * named yet are no images: none of it there.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const IMAGE_ITEMS = ["in a separate worker or sandbox with memory and time limits and no network", "checked against a pixel cap before any decode", "What other users get is only the re-encoded variant", "the original bytes are never served", "(a decompression bomb)", "Which image library decodes the images"];

const CASES: Record<string, FitCase> = {
  "Upload my avatar": {
    flags: ["--summary", "The signed-in user uploads a new profile picture (JPEG, PNG or WebP, at most 5 MB)", "--method", "PUT", "--route", "/api/me/avatar", "--resource", "Profile", "--capability", "file-upload"],
    must: [
      ...IMAGE_ITEMS,
      "ImageTragick, libwebp CVE-2023-4863",
      /\/\/ Needs the image-processing worker's port the contract does not have yet, and a PNG fixture[^\n]*\n {2}it\.todo\("SEC-\d+ an image whose header declares more pixels than the cap/,
      /\/\/ Needs the sandboxed image worker as deployed[^\n]*\n {2}it\.todo\("SEC-\d+ the image is decoded in the sandboxed worker/,
      /it\.todo\("INT-\d+ what another user gets is the re-encoded variant: not the uploaded bytes/,
      "Images are re-encoded on ingest and their metadata (EXIF with GPS, device data) stripped",
    ],
    // The pixel cap is said once, in the image pack's requirement, not again in the stored file's.
    mustNot: ["Images are refused past a pixel-dimension cap"],
  },
  // A photo whose types the user declares (an enum input): the same items.
  "Add a photo to a listing": {
    flags: ["--summary", "A host adds a photo to one of their listings", "--method", "POST", "--route", "/api/listings/:listingId/photos", "--resource", "Listing", "--capability", "file-upload", "--value-object", "ContentType:enum(image/jpeg|image/webp)"],
    must: IMAGE_ITEMS,
    mustNot: [],
  },
  // A CSV import is parsed into records and never served: no decoder, no variant.
  "Import contacts from a CSV file": {
    flags: ["--summary", "A signed-in user imports contacts from a CSV file", "--method", "POST", "--route", "/api/contact-imports", "--capability", "file-upload"],
    must: ["text/csv"],
    mustNot: [...IMAGE_ITEMS, "image-processing worker", "re-encoded variant"],
  },
  // A PDF is kept and served, but it is no image to decode.
  "Upload an invoice PDF": {
    flags: ["--summary", "An accountant uploads an invoice as a PDF", "--method", "POST", "--route", "/api/invoices/:invoiceId/documents", "--resource", "Invoice", "--capability", "file-upload"],
    must: ["application/pdf"],
    mustNot: [...IMAGE_ITEMS, "image-processing worker", "re-encoded variant"],
  },
};

describeFit(CASES, "an image upload plans its decoding and its served variant, and nothing else does (U7 left by TRIAL7)");
