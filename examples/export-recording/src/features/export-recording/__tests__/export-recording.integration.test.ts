import { describe, it } from "@jest/globals";

/**
 * Integration tests of Export recording. Each it.todo names what to prove, with the ID
 * the plan uses; replace it with a test and keep the ID.
 */
describe("Export recording — Integration tests", () => {
  it.todo("INT-1 POST /api/recordings/:recordingId/exports answers 202 for a valid request from Host");
  it.todo("INT-2 answers 202 with the status resource in Location before the job has run");
  it.todo("INT-3 the status resource reports pending, then done with the result, or failed");
  it.todo("INT-4 answers 404 for a Recording that does not exist");
  it.todo("INT-5 RecordingExportCompleted is published when RunRecordingExport runs, and not by the request");
  it.todo("INT-6 publishes each event once per committed change, and none when the change fails");
  it.todo("INT-7 RunRecordingExport runs once when due, and a failed run is retried or dead-lettered");
  it.todo("INT-8 writes an audit record for a success and for a failure, without personal data");
  it.todo("INT-9 an unsigned request for a stored file's object key is refused with 403, and listing the bucket is refused");
  it.todo("INT-10 the download response has Content-Disposition: attachment, the stored Content-Type and X-Content-Type-Options: nosniff");
  it.todo("INT-11 issuing a signed URL writes an audit record with the caller's id, file id, time and client, and no file name");
  it.todo("INT-12 AC-1 WHEN a host asks for an export THE SYSTEM SHALL answer 202 with the export's status resource before the file exists");
  it.todo("INT-13 AC-2 Given a finished export, when the host asks for its status, then the answer links to the file and RecordingExportCompleted has been published once");
});
