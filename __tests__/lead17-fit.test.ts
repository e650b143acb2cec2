/**
 * Plans true for their use-case (session 17, lead17): a mark, a comment or a report is made on someone else's record
 * the caller may see. With no relation given, the plan took the caller's own (a /me route) or the record's owner: a
 * like only on one's own post, a follow only of oneself, a report of abuse only by the author; and a friend request
 * was accepted by its sender. Each is planned from its
 * flags beside unlike use-cases whose owner or /me scope stands; all compile under tsc --strict and their tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // A report of abuse: anyone who may see the post files it, once; the author never learns who; no take-down by count.
  "Report an abusive post": {
    flags: ["--route", "/api/posts/:postId/reports", "--resource", "Post", "--value-object", "PostId:uuid@path", "--value-object", "Reason:enum(spam|harassment|other)", "--value-object", "Details:string(0..2000)", "--error", "AlreadyReported:409"],
    must: [
      "Only a viewer of the Post may call it (assumed: the answers name no relation; anyone who may see a Post may report it, not only its owner",
      "A reporter counts once per Post: one open report per reporter and Post",
      "The reporter's identity is seen by moderators only: never by the Post's author",
      "reports alone never remove or hide the Post",
      "The report keeps the Post as it was reported",
      "Brigading",
      "| content-report |",
    ],
    mustNot: ["Only the owner of the Post", "the plan takes the owner", "Is the owner of the Post the only one"],
  },
  // A follow under /followers/me is the caller's mark on another User, not a User of the caller's own.
  "Follow a user": {
    flags: ["--method", "PUT", "--route", "/api/users/:userId/followers/me", "--resource", "User", "--value-object", "UserId:uuid@path"],
    must: ["Only a viewer of the User may call it (assumed: the answers name no relation; anyone who may see a User may mark it", "And may a caller do it to itself?", "sets the caller's own Follow of the User"],
    mustNot: ["Only the caller's own Users are reachable", "outside its own", "a User of its own"],
  },
  "Like a post": {
    flags: ["--method", "PUT", "--route", "/api/posts/:postId/like", "--resource", "Post", "--value-object", "PostId:uuid"],
    must: ["anyone who may see a Post may mark it", "And may a caller do it to a Post of its own?"],
    mustNot: ["Only the owner of the Post", "content-report"],
  },
  "Comment on a post": {
    flags: ["--route", "/api/posts/:postId/comments", "--resource", "Post", "--value-object", "PostId:uuid", "--value-object", "Body:string(1..2000)"],
    must: ["anyone who may see a Post may add a Comment to it"],
    mustNot: ["Only the owner of the Post", "content-report", "A reporter counts once"],
  },
  // A bid is made on another's auction: its seller is not the one who bids.
  "Place a bid": {
    flags: ["--route", "/api/auctions/:auctionId/bids", "--resource", "Auction", "--value-object", "AuctionId:uuid@path", "--value-object", "Amount:number(0.01..1000000)"],
    must: ["anyone who may see an Auction may add a Bid to it, not only its owner", "And may a caller do it to an Auction of its own?"],
    mustNot: ["Only the owner of the Auction"],
  },
  // A block kept as the caller's list under /me names the User blocked, not a BlockedUser of the caller's: a mark, silent
  // to the blocked, holding both ways; counted and shown to no one.
  "Block a user": {
    flags: ["--method", "PUT", "--route", "/api/me/blocked-users/:userId", "--value-object", "UserId:uuid@path"],
    must: ["sets the caller's own Block of the User: one row per caller and User", "The blocked person is not told", "holds both ways in every use-case that lets one person reach another", "Follows between the two, either way, end", "| block-person |", "The handler loads the User the request names"],
    mustNot: ["BlockedUser", "A PUT sets the whole record", "count of Blocks", "Who may see who set a Block", "Only the caller's own Users"],
  },
  "Unblock a user": {
    flags: ["--method", "DELETE", "--route", "/api/me/blocked-users/:userId", "--value-object", "UserId:uuid@path"],
    must: ["The handler deletes the caller's own Block of the User, if there is one"],
    mustNot: ["BlockedUser", "atomic decrement", "block-person"],
  },
  "Favourite a product": {
    flags: ["--method", "PUT", "--route", "/api/me/favourites/:productId", "--value-object", "ProductId:uuid@path"],
    must: ["sets the caller's own Favourite of the Product", "moves by an atomic increment"],
    mustNot: ["block-person", "A PUT sets the whole record"],
  },
  // The same marks after the record's id: a block of a User, a mute of a conversation, each the caller's own row.
  "Block a user from their profile": {
    flags: ["--method", "PUT", "--route", "/api/users/:userId/block", "--resource", "User", "--value-object", "UserId:uuid@path"],
    must: ["sets the caller's own Block of the User", "| block-person |"],
    mustNot: ["A PUT sets the whole record", "count of Blocks"],
  },
  "Mute a conversation": {
    flags: ["--method", "PUT", "--route", "/api/conversations/:conversationId/mute", "--resource", "Conversation", "--relation", "participant", "--value-object", "ConversationId:uuid@path"],
    must: ["sets the caller's own Mute of the Conversation", "Only a participant of the Conversation may call it:"],
    mustNot: ["A PUT sets the whole record", "block-person", "count of Mutes", "Who may see who set a Mute"],
  },
  // ... while an id named for the list's own items is a record of the caller's own.
  "Delete my bookmark": {
    flags: ["--method", "DELETE", "--route", "/api/me/bookmarks/:bookmarkId", "--value-object", "BookmarkId:uuid@path"],
    must: ["Only the caller's own Bookmarks are reachable"],
    mustNot: ["own Bookmark of", "a viewer of"],
  },
  // A DELETE of a whole record asks what becomes of what it holds; removing an item from one, or a mark, does not.
  "Delete a project": {
    flags: ["--method", "DELETE", "--route", "/api/projects/:projectId", "--resource", "Project", "--relation", "owner", "--value-object", "ProjectId:uuid@path"],
    must: ["What becomes of what the Project holds and of what points at it", "| flow-delete-contents |"],
    mustNot: [],
  },
  "Remove a member from a team": {
    flags: ["--method", "DELETE", "--route", "/api/teams/:teamId/members/:memberId", "--resource", "Team", "--relation", "owner", "--value-object", "TeamId:uuid@path", "--value-object", "MemberId:uuid@path"],
    must: [],
    mustNot: ["What becomes of what the Team holds", "flow-delete-contents"],
  },
  // An edit of a record's fields moves no state: no question of one; an update that names a status still asks.
  "Rename a project": {
    flags: ["--method", "PATCH", "--route", "/api/projects/:projectId", "--resource", "Project", "--relation", "member", "--value-object", "ProjectId:uuid@path", "--value-object", "Name:string(1..100)"],
    must: ["Only a member of the Project may call it:"],
    mustNot: ["Does the change move the Project to another state"],
  },
  "Update the status of a project": {
    flags: ["--method", "PATCH", "--route", "/api/projects/:projectId/status", "--resource", "Project", "--relation", "member", "--value-object", "ProjectId:uuid@path", "--value-object", "Status:enum(active|paused|done)"],
    must: ["Does the change move the Project to another state (--transition)?"],
    mustNot: [],
  },
  // A request sent to the caller is answered by its recipient, never by its sender, who owns it ...
  "Accept a friend request": {
    flags: ["--route", "/api/friend-requests/:requestId/accept", "--resource", "FriendRequest", "--value-object", "RequestId:uuid@path", "--transition", "Pending->Accepted"],
    must: ["Only the recipient of the FriendRequest may call it (assumed: the answers name no relation; a FriendRequest is answered by the one it was sent to, never by its sender", "findForRecipient(callerId, id)", "Is the recipient of the FriendRequest the only one"],
    mustNot: ["owner of the FriendRequest", "findForOwner"],
  },
  // ... while its sender withdraws it, as the owner the plan assumes.
  "Withdraw a friend request": {
    flags: ["--route", "/api/friend-requests/:requestId/withdraw", "--resource", "FriendRequest", "--value-object", "RequestId:uuid@path", "--transition", "Pending->Withdrawn"],
    must: ["Only the owner of the FriendRequest may call it (assumed: the answers name no relation, so the plan takes the owner"],
    mustNot: ["recipient of the FriendRequest"],
  },
  // Unlike: a usage report of a project is no report of abuse, and its owner is still the one assumed ...
  "Generate a usage report for a project": {
    flags: ["--route", "/api/projects/:projectId/reports", "--resource", "Project", "--value-object", "ProjectId:uuid", "--value-object", "Month:pattern([0-9]{4}-[0-9]{2})"],
    must: ["Only the owner of the Project may call it (assumed: the answers name no relation, so the plan takes the owner"],
    mustNot: ["content-report", "A reporter counts once", "anyone who may see a Project"],
  },
  // ... as for a task added to a project, and a reply to a support ticket, which its requester makes, not anyone who may see it ...
  "Add a task to a project": {
    flags: ["--route", "/api/projects/:projectId/tasks", "--resource", "Project", "--value-object", "ProjectId:uuid@path", "--value-object", "Title:string(1..200)"],
    must: ["Only the owner of the Project may call it (assumed: the answers name no relation, so the plan takes the owner"],
    mustNot: ["anyone who may see a Project"],
  },
  "Reply to a ticket": {
    flags: ["--route", "/api/tickets/:ticketId/replies", "--resource", "Ticket", "--value-object", "TicketId:uuid", "--value-object", "Body:string(1..5000)"],
    must: ["the plan takes the owner"],
    mustNot: ["anyone who may see a Ticket"],
  },
  // ... and a thing of the caller's own under /me keeps its scope, and a given relation is kept for a like.
  "Rename my saved search": {
    flags: ["--method", "PATCH", "--route", "/api/me/saved-searches/:savedSearchId", "--resource", "SavedSearch", "--value-object", "SavedSearchId:uuid", "--value-object", "Name:string(1..80)"],
    must: ["Only the caller's own SavedSearches are reachable"],
    mustNot: ["a viewer of"],
  },
  "Like a post as a member": {
    flags: ["--method", "PUT", "--route", "/api/posts/:postId/likes/me", "--resource", "Post", "--relation", "member", "--value-object", "PostId:uuid"],
    must: ["Only a member of what the Post belongs to (its workspace, team or organisation) may call it:"],
    mustNot: ["assumed", "a viewer of"],
  },
};

describeFit(CASES, "a mark, a comment or a report is made on a record the caller may see, not only its own");
