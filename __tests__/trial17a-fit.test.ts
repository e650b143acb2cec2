/**
 * Plans true for their use-case (session 17, trial17a; findings in /work/notes/TRIAL17A.md): each use-case is planned
 * from its flags, and its plan and code are checked for the statement that was missing or false, beside unlike
 * use-cases for what must stay. All are planned into one folder, whose code compiles under tsc --strict and whose
 * generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // A1. A mention's teammates are named by the request (a list of user ids with a word before it): the message goes
  // to whom the request names, capped per recipient, never "a person the Task names" from the record.
  "Mention a teammate in a comment": {
    flags: ["--route", "/api/tasks/:taskId/comments", "--resource", "Task", "--relation", "member", "--value-object", "TaskId:uuid@path", "--value-object", "Body:string(1..5000)", "--value-object", "MentionedUserIds?:uuid[1..20]", "--capability", "sends-message", "--summary", "A member writes a comment on a task that mentions teammates; each mentioned teammate gets a notification"],
    must: ["| capability-sends-message-told |", "RecipientCapped"],
    mustNot: ["| capability-sends-message-record |", "a person the Task names", "never one taken from the request"],
  },
  // ... while a comment that names no one tells a person the record names (its author), never capped by the request.
  "Comment on a post": {
    flags: ["--route", "/api/posts/:postId/comments", "--resource", "Post", "--relation", "member", "--value-object", "PostId:uuid@path", "--value-object", "Body:string(1..5000)", "--capability", "sends-message"],
    must: ["| capability-sends-message-record |", "a person the Post names (their address on file, never one taken from the request)"],
    mustNot: ["| capability-sends-message-told |", "RecipientCapped"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (trial17a)");
