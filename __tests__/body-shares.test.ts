/**
 * Issue 17 point 6, held: among the tests that can run on the ports' in-memory fakes, at least 85% of
 * each plan's generated tests have a body, for every use-case the bench measures that needs nothing
 * beyond the ports (sending a message included: the outbox, the send job and a fake message port). Those
 * that do (an HTTP client against real hosts, uploaded bytes and a scanner)
 * are named, and their remaining tests are todos that say what each needs. Counted from the plans
 * the built CLI writes, as `npm run bench` counts them.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { BIN, ROOT, tempDir } from "./support/project.js";
import { BEYOND_PORTS, planShares, SHARE_ANSWERS } from "../scripts/bench-test-bodies.mjs";

interface Share {
  useCase: string;
  beyondPorts: string[];
  tests: number;
  withBody: number;
  infrastructure: number;
  shareWithoutInfrastructure: number;
}

describe("the share of generated tests with a body (npm run bench)", () => {
  let shares: Share[];
  beforeAll(async () => {
    shares = planShares(BIN, await tempDir(), (SHARE_ANSWERS as string[]).map((f) => path.join(ROOT, f))) as Share[];
  });

  it("is at least 85% for every use-case that needs no infrastructure beyond the ports", () => {
    const within = shares.filter((s) => s.beyondPorts.length === 0);
    expect(within.map((s) => s.useCase)).toEqual(expect.arrayContaining(["RequestPasswordReset", "ExportRecording", "OpenMeetingInvite", "CancelMeeting", "ListUpcomingMeetings", "EraseMyData", "DownloadRecording"]));
    expect(within.filter((s) => s.shareWithoutInfrastructure < 0.85).map((s) => `${s.useCase} ${(100 * s.shareWithoutInfrastructure).toFixed(0)}%`)).toEqual([]);
  });

  it("names the use-cases left out of the target by the capability that needs real infrastructure", () => {
    const beyond = shares.filter((s) => s.beyondPorts.length > 0);
    // Sending a message is within the ports (the outbox, the send job and the message port's fake): the password reset is held to the target.
    expect(beyond.map((s) => [s.useCase, s.beyondPorts])).toEqual([
      ["SyncCalendar", ["external-call"]],
      ["UploadAvatar", ["file-upload"]],
    ]);
    expect(Object.keys(BEYOND_PORTS).sort()).toEqual(["external-call", "file-upload"]);
  });
});
