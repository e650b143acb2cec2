import { describe, it } from "@jest/globals";

/**
 * Security tests of Export recording. Each it.todo names what to prove, with the ID
 * the plan uses; replace it with a test and keep the ID.
 */
describe("Export recording — Security tests", () => {
  it.todo("SEC-1 answers every failure with one problem+json shape and no internal details");
  it.todo("SEC-2 answers 429 while the caller's running jobs are at the cap");
  it.todo("SEC-3 answers another caller's job status with 404");
  it.todo("SEC-4 answers a Recording the caller is not the host of with 404, the same as a missing one");
  it.todo("SEC-5 answers a request without valid credentials with 401");
  it.todo("SEC-6 refuses invalid input with 400 naming the field, without echoing the value");
  it.todo("SEC-7 runs a replayed RunRecordingExport (same id) only once");
  it.todo("SEC-8 answers request 6 within 1h from one account with 429 and Retry-After");
  it.todo("SEC-9 counts requests per account across clients");
  it.todo("SEC-10 accepts requests again after the 1h window resets");
  it.todo("SEC-11 a signed URL used 1 second after its expiry is refused by storage with 403");
  it.todo("SEC-12 a download link used a second time is refused with 410 and issues no storage URL");
  it.todo("SEC-13 a signed URL whose object key is changed to another file's key is refused with 403");
  it.todo("SEC-14 the download request past the caller's download limit within the window is refused with 429 and Retry-After");
});
