/**
 * Plans true for their use-case, from a new user's twelfth trial (TRIAL12, trial16): each use-case is planned from
 * the flags a team would give, and its plan and code are checked for the statement the trial showed false, and beside
 * it unlike use-cases for what must stay. All are planned into one folder, whose code compiles under tsc --strict and
 * whose generated tests pass.
 */
import { describe, expect, it } from "@jest/globals";
import { planSchema } from "../generators/plan/schema.js";
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // Z16: an audit log's ActorId filters the list the scoped query answers: an actor with no entries (a deleted user)
  // lists nothing, 200; it is no record to look up, 404 when unknown, nor one the caller "acts on".
  "List the audit log of my organization": {
    flags: ["--summary", "Organization admins list the audit log newest first, filtered by actor and action, with cursor pagination", "--context", "Audit", "--method", "GET", "--route", "/api/organizations/:organizationId/audit-log", "--resource", "Organization", "--relation", "org-admin", "--value-object", "OrganizationId:uuid", "--value-object", "ActorId?:uuid", "--value-object", "Action?:string(1..64)", "--value-object", "Cursor?:string(1..200)", "--value-object", "PageSize?:int(1..100)", "--capability", "pagination", "--response", "entries,nextCursor"],
    must: ["| capability-pagination-filters |", "an empty page -> 200 with no items"],
    mustNot: ["| referenced-records |", "find the record actorId names", "An id the request names (ActorId) is unknown", "Which records may ActorId name", "in ActorId and acts on it"],
  },
  // ...while the ids a transfer's body names are records it acts on, each looked up within the caller's reach...
  "Transfer money between my accounts": {
    flags: ["--summary", "The caller moves money from one of its accounts to another", "--context", "Payments", "--route", "/api/me/transfers", "--value-object", "FromAccountId:uuid", "--value-object", "ToAccountId:uuid", "--value-object", "Amount:int(1..100000000)", "--event", "MoneyTransferred:transferId"],
    // "between my accounts": both are the caller's own (TRIAL18A D11).
    must: ["| referenced-records |", "every record the request names by id (FromAccountId, ToAccountId) is found through a query scoped to the caller's own records"],
    mustNot: [],
  },
  // ...and so is the account a read of one figure names in its query string: no list, a 404 outside the caller's reach.
  "Show the balance of one of my accounts": {
    flags: ["--summary", "The caller reads the balance of one of its accounts", "--context", "Payments", "--method", "GET", "--route", "/api/me/balance", "--value-object", "AccountId:uuid@query", "--response", "balance,currency"],
    must: ["| referenced-records |", "An id the request names (AccountId) is unknown or outside what the caller may reach"],
    mustNot: [],
  },
  // Z13: a CRM's customer record holds none of the staff roles: no "target of equal or higher privilege refused", no
  // account-takeover threat; one agent's volume is still watched, and whether a customer can also be staff is asked...
  "Merge two duplicate customer records": {
    flags: ["--summary", "An admin merges a duplicate customer into the surviving one, which keeps every reference of the other", "--context", "Customers", "--auth", "roles", "--roles", "admin", "--route", "/api/customers/:customerId/merge", "--resource", "Customer", "--value-object", "CustomerId:uuid", "--value-object", "DuplicateCustomerId:uuid", "--transition", "Active->Merged", "--error", "SameCustomer:422:the duplicate is the surviving customer itself", "--event", "CustomersMerged:customerId,duplicateCustomerId", "--audit"],
    must: ["| staff-customer-action |", "One agent's requests to POST /api/customers/:customerId/merge in a day over their usual baseline", "Can a Customer also be one of our staff"],
    mustNot: ["| staff-account-action |", "acts only on accounts of lower privilege", "holds role admin or one above it", "the first step to taking that account over", "Which roles rank above admin"],
  },
  // ...while a user's account, which may be an administrator's or a fellow agent's, keeps the check.
  "Reset a user's second factor as a support agent": {
    flags: ["--summary", "A support agent removes the second factor of a user who lost their device", "--context", "Support", "--auth", "roles", "--roles", "support-agent", "--route", "/api/users/:userId/two-factor/reset", "--resource", "User", "--value-object", "UserId:uuid", "--transition", "TwoFactorEnabled->TwoFactorDisabled", "--audit"],
    must: ["| staff-account-action |", "acts only on accounts of lower privilege", "holds role support-agent or one above it (the order of roles) -> 403, nothing changed"],
    mustNot: ["| staff-customer-action |", "Can a User also be one of our staff"],
  },
  // Z5: "the owner or a collaborator" reorders a playlist: both relations are said and queried for, whichever way the
  // team typed them (owner,collaborator; owner|collaborator), never the collaborator alone...
  "Reorder the tracks of a playlist": {
    flags: ["--summary", "The owner or a collaborator sends the new order of the playlist's tracks", "--context", "Music", "--method", "PATCH", "--route", "/api/playlists/:playlistId/tracks/order", "--resource", "Playlist", "--relation", "owner,collaborator", "--value-object", "PlaylistId:uuid", "--value-object", "TrackIds:uuid[1..500]", "--event", "PlaylistTracksReordered:playlistId"],
    must: ["Only an owner or collaborator of the Playlist may call it", "findForOwnerOrCollaborator(callerId: string, id: string)", "the caller is not an owner or collaborator of the Playlist"],
    mustNot: ["Only a collaborator of the Playlist", "findForCollaborator(", "owner,collaborator"],
  },
  "Rename a shared folder": {
    flags: ["--summary", "Its owner or an editor renames a folder", "--context", "Files", "--method", "PATCH", "--route", "/api/folders/:folderId", "--resource", "Folder", "--relation", "owner|editor", "--value-object", "FolderId:uuid", "--value-object", "Name:string(1..120)"],
    // An editor is a role among the folder's members: a member who is neither gets 403, as for one relation (memberRole).
    must: ["Only an owner or editor of the Folder may call it", "The caller is a member of the Folder but not an owner or editor"],
    mustNot: ["owner|editor"],
  },
  // ...while one relation is planned as before.
  "Archive a finished project": {
    flags: ["--summary", "The owner archives a finished project", "--context", "Projects", "--route", "/api/projects/:projectId/archive", "--resource", "Project", "--relation", "owner", "--value-object", "ProjectId:uuid", "--transition", "Active->Archived"],
    must: ["Only the owner of the Project may call it", "findForOwner("],
    // No If-Match input, no entity-tag (Z21).
    mustNot: [" or owner", "OrOwner", "entity-tag"],
  },
  // Z12: "no longer pending answers 409" beside "a repeated cancel answers 200": the error's requirement says the repeat
  // of this very request (the Transfer already Cancelled) is answered as the first time, so the two do not contradict...
  "Cancel a pending bank transfer": {
    flags: ["--summary", "The payer cancels a transfer while it is still pending", "--context", "Payments", "--route", "/api/transfers/:transferId/cancel", "--resource", "Transfer", "--relation", "payer", "--value-object", "TransferId:uuid", "--transition", "Pending->Cancelled", "--error", "NotPending:409:the transfer is no longer pending", "--event", "TransferCancelled:transferId"],
    must: ["When the transfer is no longer pending, the answer is 409 (NotPending), in the one problem+json shape; a Transfer already Cancelled, where this request leaves it, is a repeated request instead, answered 200 as the first time.", "a repeated request on a Transfer already Cancelled answers 200 and changes nothing"],
    mustNot: [],
  },
  // ...while a team that refuses the repeat itself keeps its 409 alone, and an error about something else says nothing of it.
  "Close a support ticket": {
    flags: ["--summary", "An agent closes a ticket", "--context", "Support", "--route", "/api/tickets/:ticketId/close", "--resource", "Ticket", "--relation", "assignee", "--value-object", "TicketId:uuid", "--transition", "Open->Closed", "--error", "TicketAlreadyClosed:409:the ticket is already closed", "--error", "NotOpen:409:the ticket is not open"],
    must: ["the answer is 409 (TicketAlreadyClosed)"],
    mustNot: ["is a repeated request instead", "a repeated request on a Ticket already Closed answers"],
  },
  "Archive a project with open tasks refused": {
    flags: ["--summary", "The owner archives a finished project", "--context", "Projects", "--route", "/api/projects/:projectId/archive", "--resource", "Project", "--value-object", "ProjectId:uuid", "--transition", "Active->Archived", "--error", "ProjectNotFinished:409:the project has open tasks"],
    must: ["the answer is 409 (ProjectNotFinished), in the one problem+json shape."],
    mustNot: ["is a repeated request instead"],
  },
  // Z21: an If-Match whose value object accepts any text is not said to be "an entity-tag, not free text": the
  // comparison reads it as an entity-tag and a malformed one is 400...
  "Reorder the tracks of a shared playlist": {
    flags: ["--summary", "A collaborator sends the new order of the playlist's tracks", "--context", "Music", "--method", "PATCH", "--route", "/api/playlists/:playlistId/track-order", "--resource", "Playlist", "--relation", "collaborator", "--value-object", "PlaylistId:uuid", "--value-object", "TrackIds:uuid[1..500]", "--value-object", "IfMatch:string(1..64)@header"],
    must: ["| if-match |", "the If-Match value is compared as an entity-tag", "one that is no entity-tag is malformed, 400, even where its value object's rule accepts any text"],
    mustNot: ["not free text"],
  },
};

describeFit(CASES, "TRIAL12's use-cases are planned as they are (list filters by id, staff acting on customers, either of two relations, a repeat beside a left-state error, If-Match's text)");

// Z6: at a prompt, another write method than the name's keeps the endpoint the name proposed (Reorder the tracks of a
// playlist, answered PATCH), and the resource it acts on; the name's own method is unchanged; a read never takes a
// write's route, nor a write a read's.
describe("the route a prompt offers after the method answered (TRIAL12 Z6)", () => {
  const routeOffered = (name: string, method: string): string | undefined => planSchema.route.askDefault?.({ name, method });
  const resourceOffered = (name: string, method: string): string | undefined => planSchema.resource.askDefault?.({ name, method, route: routeOffered(name, method) });
  it.each([
    ["Reorder the tracks of a playlist", "PATCH", "/api/playlists/:playlistId/reorder-tracks", "Playlist"],
    ["Reorder the tracks of my playlist", "PUT", "/api/me/playlist/reorder-tracks", "Playlist"],
    ["Reorder the tracks of a playlist", "POST", "/api/playlists/:playlistId/reorder-tracks", "Playlist"],
    ["Rename a playlist", "PATCH", "/api/playlists/:playlistId", "Playlist"],
    ["Archive project", "GET", "/api/archive-project", undefined],
    ["List invoices of a team", "POST", "/api/list-invoices-of-a-team", undefined],
  ])("%s, %s: %s", (name, method, route, resource) => {
    expect(routeOffered(name, method)).toBe(route);
    expect(resourceOffered(name, method)).toBe(resource);
  });
});
