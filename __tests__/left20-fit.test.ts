/**
 * Plans true for their use-case (session 20, left20: the findings session 19 left open, LEFT20 in the notes): each
 * use-case is planned from its flags, and its plan and code are checked for the statement that was missing or false,
 * beside unlike use-cases for what must stay. All are planned into one folder, whose code compiles under tsc --strict
 * and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // TRIAL19C F16. An asynchronous import answers 202 before the file is read: its ContactsImported, with the counts of
  // what was imported, exists only when the job finishes, and the job emits it. The plan said "A successful request
  // emits ContactsImported ... after the state change", and its test had the request publish it.
  "Import contacts from CSV": {
    flags: ["--summary", "A signed-in user uploads a CSV file of up to 50,000 contacts; it is imported asynchronously", "--route", "/api/me/contact-imports", "--async", "--capability", "file-upload", "--response", "importId,status", "--pii", "email,name,phone", "--event", "ContactsImported:importId,importedCount,skippedCount,failedCount"],
    must: ["The ImportContactsFromCsv job emits ContactsImported (version 1) when it runs, not the request", "| ContactsImported | 1 | ImportContactsFromCsv job, when it runs |", "ContactsImported is published when ImportContactsFromCsv job runs, and not by the request"],
    mustNot: ["A successful request emits ContactsImported", "the request, after the change", "a successful request publishes ContactsImported"],
  },
  // ... while an event named for the acceptance itself stays the request's,
  "Request data export": {
    flags: ["--summary", "A signed-in user asks for an export of their data; it is built asynchronously", "--route", "/api/me/data-exports", "--async", "--response", "exportId,status", "--event", "DataExportRequested:exportId"],
    must: ["A successful request emits DataExportRequested (version 1) after the state change", "| DataExportRequested | 1 | the request, after the change |"],
    mustNot: ["job emits DataExportRequested"],
  },
  // ... and a request that does its work at once emits its event as before.
  "Add a contact": {
    flags: ["--route", "/api/me/contacts", "--value-object", "Email:email", "--response", "contactId", "--event", "ContactAdded:contactId"],
    must: ["A successful request emits ContactAdded (version 1) after the state change"],
    mustNot: ["job emits ContactAdded"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (left20)");
