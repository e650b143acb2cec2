/**
 * Plans true for their use-case (session 14, fix14a): each use-case is planned from its flags, and its plan and code are
 * checked for the statement that was missing or false, beside unlike use-cases for what must stay. All are planned into
 * one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // 1. An error the summary says as a clause ("the last owner cannot leave") says when it applies: in its requirement,
  // its contract row, its handler step and its test, never "(TODO say when)".
  "Leave a team": {
    flags: ["--summary", "A member leaves a team; the last owner cannot leave", "--method", "DELETE", "--route", "/api/teams/:teamId/members/me", "--resource", "Team", "--relation", "member", "--error", "LastOwnerCannotLeave:409"],
    must: ["When the last owner tries to leave, the answer is 409 (LastOwnerCannotLeave)", "| 409 | LastOwnerCannotLeave: the last owner tries to leave |", "if the last owner tries to leave -> LastOwnerCannotLeave (409)", "answers 409 LastOwnerCannotLeave when the last owner tries to leave"],
    mustNot: ["When LastOwnerCannotLeave applies", "say when", "when it applies -> LastOwnerCannotLeave"],
  },
  // ...a clause with words between the name's, after "fails if": the condition from its article, said once.
  "Book a room slot": {
    flags: ["--summary", "The attendee books a slot; fails if the slot is already full", "--route", "/api/slots/:slotId/bookings", "--resource", "Slot", "--error", "SlotAlreadyFull:409"],
    must: ["When the slot is already full, the answer is 409 (SlotAlreadyFull)", "if the slot is already full -> SlotAlreadyFull (409)"],
    mustNot: ["When SlotAlreadyFull applies", "if if"],
  },
  // ...a criterion's words say it as well as a summary's.
  "Transfer team ownership": {
    flags: ["--route", "/api/teams/:teamId/owner", "--resource", "Team", "--value-object", "NewOwnerId:uuid", "--error", "NewOwnerNotMember:422", "--criteria", "Given the new owner is not a member, when the owner transfers the team, then the answer is 422"],
    must: ["When the new owner is not a member, the answer is 422 (NewOwnerNotMember)"],
    mustNot: ["When NewOwnerNotMember applies"],
  },
  // ...while an error whose name the answers' words do not say still asks when, and a bare 404 on a load stays its own.
  "Rename a team": {
    flags: ["--summary", "The owner renames a team; names are unique in an organisation", "--route", "/api/teams/:teamId/name", "--method", "PUT", "--resource", "Team", "--value-object", "TeamName:string(1..80)", "--error", "TeamNameTaken:409", "--error", "TeamNotFound:404"],
    must: ["When TeamNameTaken applies (TODO(plan): say when)", "null -> TeamNotFound (404)"],
    mustNot: ["When names are unique"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (fix14a)");
