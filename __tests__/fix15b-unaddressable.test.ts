/**
 * A POST under /me that starts the caller's one thing and hands out a secret shown once (an authenticator's seed:
 * POST /api/me/two-factor/enrolment answering secret, otpauthUrl) creates nothing a URL names: it answers 200 with
 * that answer, no Location (fix15b). A secret handed out with one of a collection (POST /api/me/api-keys), or a create
 * of an addressable record, still answers 201 with the Location of the new one.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CREATED = ["| 201 | Created: Location names the new resource", "respond 201 with Location of the new resource"];

const CASES: Record<string, FitCase> = {
  "Start two-factor enrolment": {
    flags: ["--method", "POST", "--route", "/api/me/two-factor/enrolment", "--response", "secret,otpauthUrl"],
    must: ["| 200 | Done: the response fields above | none | the response fields |", "  respond 200\n", "then it answers 200", "| second-factor-enrol |"],
    mustNot: [...CREATED, "Success headers: Location", "201 with Location", 'reply.headers["location"]'],
  },
  "Create an API key": {
    flags: ["--method", "POST", "--route", "/api/me/api-keys", "--value-object", "Label:string(1..60)", "--response", "apiKeyId,apiKey"],
    must: [...CREATED, "Success headers: Location: the new resource."],
    mustNot: ["| 200 | Done"],
  },
  "Create a meeting": {
    flags: ["--method", "POST", "--route", "/api/meetings", "--value-object", "Title:string(1..120)", "--response", "meetingId,title"],
    must: CREATED,
    mustNot: ["| 200 | Done"],
  },
  "Rotate my API key": {
    flags: ["--method", "POST", "--route", "/api/me/api-key/rotate", "--response", "apiKey"],
    must: ["| 200 |"],
    mustNot: CREATED,
  },
};

describeFit(CASES, "a create under /me handing out a secret no URL names answers 200, no Location (fix15b)");
