/**
 * Plans true for their use-case, from a new user's seventh trial (TRIAL7 U1, U2, U6, U8): each use-case is planned from
 * the flags the user gave, and its plan and code are checked for the statement the trial showed false, and beside it an
 * unlike use-case for what must stay. All are planned into one folder, whose code compiles under tsc --strict and whose
 * generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const ROTATE = ["--summary", "The signed-in user replaces one of their API keys: a new secret is shown once, the old key keeps working for 24 hours, then is revoked", "--context", "Developer", "--route", "/api/me/api-keys/:apiKeyId/rotate", "--resource", "ApiKey", "--value-object", "ApiKeyId:uuid@path", "--response", "apiKeyId,secret,prefix,oldKeyExpiresAt", "--scheduled-command", "RevokeRotatedApiKey", "--transition", "Active->Rotating", "--transition", "Rotating->Revoked@RevokeRotatedApiKey"];
const CANCEL_ORDER = ["--summary", "A customer cancels an order before it ships", "--method", "POST", "--route", "/api/orders/:orderId/cancel", "--resource", "Order", "--transition", "Placed->Cancelled"];

const CASES: Record<string, FitCase> = {
  // U2: an answer that hands out a secret is never replayed "as the first time", and the user's 409 for the state under way
  // (named by its verb: RotationInProgress for Rotating) is the answer a repeat gets, checked before the state moves.
  "Rotate my API key": {
    flags: [...ROTATE, "--error", "RotationInProgress:409:the key was rotated less than 24 hours ago and its old secret still works"],
    must: ["When the key was rotated less than 24 hours ago and its old secret still works, the answer is 409 (RotationInProgress)", /if the key was rotated less than 24 hours ago and its old secret still works -> RotationInProgress \(409\)\n {2}state = moveApiKey\(/],
    mustNot: ["as the first time", "already Rotating (a repeated request)", "already Rotating answers 200"],
  },
  // ...and with no error of the user's: the repeat is refused as any other state, never answered with a second secret.
  "Rotate a client secret": {
    flags: ["--summary", "An owner replaces the client secret of an OAuth client", "--route", "/api/clients/:clientId/rotate-secret", "--resource", "Client", "--response", "clientId,clientSecret", "--transition", "Active->Rotated"],
    must: ["any other change is refused with 409"],
    mustNot: ["as the first time", "(a repeated request)"],
  },
  // ...while a cancel whose error refuses another state by the verb alone ("CannotCancel: it has shipped") keeps the retry's 200.
  "Cancel an order": {
    flags: [...CANCEL_ORDER, "--error", "CannotCancel:409:the order has shipped"],
    must: ["A repeated request that finds the Order already Cancelled answers 200 as the first time", "already Cancelled (a repeated request) -> respond 200 as the first time", "When the order has shipped, the answer is 409 (CannotCancel)"],
    mustNot: [],
  },
  // ...and an archive whose error names its verb while saying it is under way replaces the retry's 200.
  "Archive a project": {
    flags: ["--summary", "A project owner archives a project", "--method", "POST", "--route", "/api/projects/:projectId/archive", "--resource", "Project", "--transition", "Active->Archived", "--error", "ArchiveInProgress:409:an archive of the project is in progress"],
    must: ["the answer is 409 (ArchiveInProgress)"],
    mustNot: ["as the first time"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (TRIAL7, fixa)");
