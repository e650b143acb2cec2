/**
 * Plans true for their use-case (fit12c): an upload whose accepted types hold no image is told nothing of re-encoding
 * images or stripping a photo's GPS metadata, while one that may hold an image still is. Every case is planned into one
 * folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const UPLOAD = ["--method", "POST", "--route", "/api/deals/:dealId/files", "--resource", "Deal", "--capability", "file-upload"];

const CASES: Record<string, FitCase> = {
  // A PDF kept and served: no image among its types, so no re-encoding, pixel cap or EXIF test.
  "Attach a contract": {
    flags: ["--summary", "A member attaches a signed contract PDF to a deal", ...UPLOAD],
    must: ["application/pdf", "Content-Disposition: attachment", "scanned for malware"],
    mustNot: ["re-encoded", "Re-encode", "EXIF", "GPS", "pixel-dimension cap"],
  },
  // ...an accepted type that is an image (a photo of the site): re-encoded, its metadata stripped, and tested.
  "Attach a site photo": {
    flags: ["--summary", "A member attaches a photo of the site to a deal", ...UPLOAD],
    must: ["image/png", "re-encoded", "a JPEG with GPS EXIF data is stored without any EXIF GPS tags", "Photos carry GPS coordinates"],
    mustNot: [],
  },
  // ...and types not named yet may be images: the plan keeps the rule beside its question on the types.
  "Attach a file": {
    flags: ["--summary", "A member attaches a file to a deal", ...UPLOAD],
    must: ["Images are re-encoded (metadata such as GPS stripped); archives are not unpacked", "a JPEG with GPS EXIF data is stored without any EXIF GPS tags"],
    mustNot: ["Images among them"],
  },
  // ...types declared by the request, an image among a PDF: the images among them, and the PDF served as stored.
  "Attach a scan": {
    flags: ["--summary", "A member attaches a scanned document to a deal", ...UPLOAD, "--value-object", "ContentType:enum(image/png|application/pdf)"],
    must: ["Images among them are re-encoded", "documents are served as stored", "a JPEG with GPS EXIF data is stored without any EXIF GPS tags"],
    mustNot: [],
  },
  // ...a CSV imported into records is parsed and deleted, never served: no image rule either.
  "Import deal contacts": {
    flags: ["--summary", "A member imports the contacts of a deal from a CSV file", ...UPLOAD.slice(0, 3), "/api/deals/:dealId/contact-imports", ...UPLOAD.slice(4)],
    must: ["text/csv"],
    mustNot: ["re-encoded", "EXIF", "pixel-dimension cap"],
  },
};


const PROFILE = ["--summary", "The signed-in user updates their display name and bio", "--route", "/api/me/profile", "--resource", "Profile"];
const PATCH_CASES: Record<string, FitCase> = {
  // A PATCH with optional inputs: a field left out keeps its value, tested, and whether null clears one is asked.
  "Update my profile": {
    flags: [...PROFILE, "--method", "PATCH", "--value-object", "DisplayName?:string(1..80)", "--value-object", "Bio?:string(0..500)"],
    must: [
      "A PATCH applies only the inputs its body carries: an optional input (DisplayName or Bio) left out of the body keeps its stored value",
      "Needs a Profile seeded with a value in every optional field, then a valid request whose body carries one of them with a new value and leaves out the rest",
      'it.todo("INT-3 a PATCH whose body leaves out an optional input (DisplayName or Bio) changes the fields it carries and leaves the one left out, like every other stored field, as it was',
      "Can a PATCH clear an optional field (DisplayName or Bio): is null a clear, as in JSON Merge Patch (RFC 7396), or refused with 400?",
    ],
    mustNot: [],
  },
  // ...a PATCH with one required and one optional input names only the optional one.
  "Rename a project": {
    flags: ["--summary", "A project owner renames a project and may change its description", "--method", "PATCH", "--route", "/api/projects/:projectId", "--resource", "Project", "--value-object", "Name:string(1..80)", "--value-object", "Description?:string(0..500)"],
    must: ["an optional input (Description) left out of the body keeps its stored value", "Can a PATCH clear an optional field (Description)"],
    mustNot: ["(Name or Description)", "(Name)"],
  },
  // ...a PUT replaces the whole record: nothing is left out, so neither the rule nor the question.
  "Replace my profile": {
    flags: [...PROFILE, "--method", "PUT", "--value-object", "DisplayName?:string(1..80)", "--value-object", "Bio?:string(0..500)"],
    must: ["A PUT sets the whole record"],
    mustNot: ["A PATCH applies only", "JSON Merge Patch"],
  },
  // ...and a PATCH whose inputs are all required has no field to leave out, and nothing to clear.
  "Set my time zone": {
    flags: ["--summary", "The signed-in user sets their time zone", "--method", "PATCH", "--route", "/api/me/time-zone", "--resource", "Profile", "--value-object", "TimeZone:string(1..64)"],
    must: [],
    mustNot: ["A PATCH applies only", "JSON Merge Patch"],
  },
  // A move between two Accounts the body names, with --resource: a create of the move loading both by the request's ids,
  // as without --resource; never a change loading one Account by an id the route does not have.
  "Move money": {
    flags: ["--summary", "The signed-in user moves money between two of their accounts", "--method", "POST", "--route", "/api/me/transfers", "--resource", "Account", "--value-object", "FromAccountId:uuid", "--value-object", "ToAccountId:uuid", "--value-object", "AmountMinor:int(1..1000000)"],
    must: ["fromAccount, toAccount = the two Accounts fromAccountId and toAccountId name", "transfer = new Transfer of the move", "respond 201"],
    mustNot: ["findForCaller(callerId: string, id: string)", "repository.save("],
  },
  // ...while an action on the one Account the route names stays a change of it.
  "Freeze an account": {
    flags: ["--summary", "An owner freezes one of their accounts", "--method", "POST", "--route", "/api/accounts/:accountId/freeze", "--resource", "Account", "--transition", "Active->Frozen"],
    must: ["Frozen"],
    mustNot: ["new Transfer", "the two Accounts"],
  },
};

describeFit({ ...CASES, ...PATCH_CASES }, "an upload re-encodes images only where an accepted type may be one; a PATCH says what a field left out does");
