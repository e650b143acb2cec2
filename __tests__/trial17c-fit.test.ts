/**
 * Plans true for their use-case (session 17, trial17c; findings in /work/notes/TRIAL17C.md): each use-case an expert
 * reviewed is planned from its flags, and its plan and code are checked for the statement that was false or missing,
 * beside an unlike use-case for what must stay. All are planned into one folder, whose code compiles under tsc --strict
 * and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // C1. Checking a cart out consumes it: a caller with no Cart has nothing to check out, so none is created for it and
  // no race of two first adds is planned ...
  "Check out cart": {
    flags: ["--summary", "A signed-in customer checks out their shopping cart: the stock is reserved, the payment is taken through the payment provider, and an order is created", "--route", "/api/me/cart/checkout", "--resource", "Cart", "--capability", "external-call", "--value-object", "PaymentMethodId:string(1..100)", "--response", "orderId,status,total", "--event", "OrderPlaced:orderId,total", "--error", "CartEmpty:422:the cart has no items", "--error", "OutOfStock:409:an item of the cart is no longer in stock"],
    must: ["repository.findForCaller(callerId)  // null -> 404: the caller has none", "| access-self-one |"],
    mustNot: ["A caller who has no Cart yet gets one", "created with its first item", "each find no Cart and each create one", "| access-self-one-created |"],
  },
  // ... while the first add to a cart still creates it, one per account.
  "Add item to cart": {
    flags: ["--summary", "A signed-in customer adds a product to their shopping cart", "--route", "/api/me/cart/items", "--resource", "Cart", "--value-object", "ProductId:uuid", "--value-object", "Quantity:int(1..99)", "--response", "cartId,productId,quantity"],
    must: ["A caller who has no Cart yet gets one, created by this request with its first item", "| access-self-one-created |"],
    mustNot: ["404 when the caller has none"],
  },
  // C2, C3. A request that gives its job's time (PublishAt for PublishPost) reschedules the change when it comes again
  // with another time: the stored time replaced, the earlier run cancelled or outdated; nothing asks which field of the
  // Post the time is taken from, never the request ...
  "Schedule blog post": {
    flags: ["--summary", "An editor schedules a draft blog post for publication at a chosen time; it is published then, and may be rescheduled before", "--route", "/api/posts/:postId/schedule", "--method", "PUT", "--resource", "Post", "--auth", "roles", "--roles", "editor", "--value-object", "PostId:uuid@path", "--value-object", "PublishAt:datetime", "--scheduled-command", "PublishPost", "--transition", "Draft->Scheduled", "--transition", "Scheduled->Published@PublishPost", "--event", "PostPublished:postId@PublishPost", "--criteria", "Given a scheduled post, when the editor schedules it again for another time, then it is published only at the new time"],
    must: [
      "A repeated request that finds the Post already Scheduled with the same PublishAt answers 200 as the first time and changes, saves or schedules nothing; one with another PublishAt reschedules it",
      "PublishPost runs at PublishAt, the time the request gives, stored on the Post with the change",
      "target.state is already Scheduled with another publishAt (a reschedule) -> store the new publishAt; cancel the earlier PublishPost run",
      "a change made again with another PublishAt is done once, at the new time, and the earlier run does nothing",
      "| scheduled-change-chosen-time |",
    ],
    mustNot: ["never the request or the clock alone", "from which field of the Post is its time taken", "already Scheduled (a repeated request)", "its time comes from the resource"],
  },
  // ... while a job whose time the record gives (the end of the billing period) still asks which field
  // (capability-fit's "Cancel subscription" holds the rest of it).
  "Cancel subscription at period end": {
    flags: ["--summary", "Cancel at the end of the billing period", "--method", "PATCH", "--route", "/api/subscriptions/:subscriptionId", "--resource", "Subscription", "--value-object", "SubscriptionId:uuid@path", "--transition", "Active->PendingCancellation", "--transition", "PendingCancellation->Cancelled@EndSubscription", "--scheduled-command", "EndSubscription"],
    must: ["When does EndSubscription run: from which field of the Subscription is its time taken", "target.state is already PendingCancellation (a repeated request)", "| scheduled-change-time-from-record |"],
    mustNot: ["| scheduled-change-chosen-time |", "reschedul"],
  },
  // C5. "A passkey was added to your account" is a security notice, the owner's one chance to see a stolen session add
  // an attacker's passkey: no question whether a user may turn it off ...
  "Add passkey": {
    flags: ["--summary", "A signed-in user registers a passkey (WebAuthn) on their account", "--route", "/api/me/passkeys", "--value-object", "AttestationResponse:string(1..20000)", "--value-object", "Nickname?:string(1..60)", "--response", "passkeyId,nickname,createdAt", "--event", "PasskeyAdded:userId,passkeyId", "--audit", "--capability", "sends-message-email"],
    must: ["outbox.add(MESSAGE_NAME, { recipientId: callerId })"],
    mustNot: ["May a user turn these messages off", "| capability-sends-message-optional |"],
  },
  // C5 (missing). Adding a passkey needs a recent sign-in, and the registration ceremony's checks are asked ...
  "Register a passkey": {
    flags: ["--summary", "A signed-in user registers a passkey (WebAuthn) on their account", "--route", "/api/me/passkeys", "--value-object", "AttestationResponse:string(1..20000)", "--response", "passkeyId"],
    must: ["Adding or removing a passkey needs a recent authentication", "403 ReauthenticationRequired", "a challenge the server issued for this account", "| passkey-recent-sign-in |", "caller.authenticatedAt older than recentSignIn -> 403 ReauthenticationRequired, nothing changed  // a stolen session alone neither adds nor removes a passkey"],
    mustNot: [],
  },
  // ... while a change of a display name on the account needs neither.
  "Change my display name": {
    flags: ["--method", "PATCH", "--route", "/api/me/profile", "--resource", "Profile", "--value-object", "DisplayName:string(1..60)"],
    mustNot: ["| passkey-recent-sign-in |", "Adding or removing a passkey"],
    must: [],
  },
  // ... while a notice that is about no credential (a new follower) still asks.
  "Follow a user": {
    flags: ["--summary", "A signed-in user follows another user, who is told by e-mail", "--route", "/api/users/:userId/followers", "--resource", "User", "--relation", "none", "--value-object", "UserId:uuid@path", "--capability", "sends-message-email"],
    must: ["May a user turn these messages off", "| capability-sends-message-optional |"],
    mustNot: [],
  },
  // C6. A guest's ticket is answered at the address it gave, kept on the new ticket: the message names the new record,
  // not a recipient id a guest does not have ...
  "Submit support ticket as guest": {
    flags: ["--summary", "A visitor without an account submits a support ticket with an e-mail address to answer to", "--route", "/api/support/tickets", "--auth", "anonymous", "--value-object", "Email:email", "--value-object", "Subject:string(1..200)", "--value-object", "Message:string(1..5000)", "--response", "ticketId", "--pii", "email", "--capability", "sends-message-email", "--rate-limit", "5/1h"],
    must: ["outbox.add(MESSAGE_NAME, { recordId: the new record's id })  // to the Email the request gave, kept on the new record, where the send job reads it"],
    mustNot: ["{ recipientId }"],
  },
  // ... while a reset link, sent to the account the address names, keeps its recipient.
  "Request password reset": {
    flags: ["--summary", "Sends a password reset link to the account's e-mail", "--route", "/api/password-resets", "--auth", "anonymous", "--value-object", "Email:email", "--capability", "secret-link", "--capability", "sends-message-email", "--enumeration", "account"],
    must: ["outbox.add(MESSAGE_NAME, { recipientId })"],
    mustNot: ["{ recordId: the new record's id }"],
  },
  // C8. A refund over the captured amount is refused with nothing sent to the provider: the data flow calls the provider
  // once the Order is loaded and checked, as the handler's steps and the sequence do, not before the load ...
  "Refund part of an order": {
    flags: ["--summary", "A support agent refunds part of a captured order through the payment provider; the refunded total never exceeds the captured amount", "--route", "/api/orders/:orderId/refunds", "--resource", "Order", "--auth", "roles", "--roles", "support", "--value-object", "OrderId:uuid@path", "--value-object", "Amount:int(1..10000000)", "--response", "refundId,amount", "--capability", "external-call", "--error", "RefundExceedsCaptured:422:the refunds would exceed the captured amount", "--audit"],
    // (TRIAL20 G3: the new Refund is saved pending, committed, before the provider is called.)
    must: [/3\. The handler loads the Order \(404 when missing\), checks the new Refund against the Order[^\n]*\n4\. Once the Order is loaded and checked, the handler saves the new Refund pending[^\n]*then, no lock held, it calls the external system/],
    mustNot: [/3\. The handler calls the external system/],
  },
  // ... while a call that loads nothing (a currency rate fetched for a new quote) is still said before the create.
  "Create a quote in another currency": {
    flags: ["--summary", "A signed-in user creates a quote converted at the current exchange rate from the rate provider", "--route", "/api/quotes", "--value-object", "Currency:pattern([A-Z]{3})", "--response", "quoteId", "--capability", "external-call"],
    must: [/3\. The handler calls the external system at a configured host/],
    mustNot: ["Once the"],
  },
  // C4. Archiving selected Tasks of a Project, named by TaskIds, changes each Task, within the Project the caller is a
  // member of: a bulk change, though the route says no "bulk"; the Project is only the scope ...
  "Archive tasks in bulk": {
    flags: ["--summary", "A project member archives up to 100 selected tasks of a project at once", "--route", "/api/projects/:projectId/tasks/archive", "--resource", "Project", "--relation", "member", "--value-object", "ProjectId:uuid@path", "--value-object", "TaskIds:uuid[](1..100)", "--response", "archived,notFound", "--event", "TasksArchived:projectId,taskId"],
    must: [
      "changes the existing Tasks the request names by id",
      "task = repository.findInProject(project.id, id)  // null -> failed += { id, reason: \"not-found\" }",
      "Does the change move each Task to another state (--transition)?",
      "| flow-change-bulk |",
    ],
    mustNot: ["Does the change move the Project to another state", "repository.save(target, events)"],
  },
  // ... while archiving the Project itself stays a change of the Project.
  "Archive a project": {
    flags: ["--summary", "A member archives a project", "--route", "/api/projects/:projectId/archive", "--resource", "Project", "--relation", "member", "--value-object", "ProjectId:uuid@path"],
    must: ["Does the change move the Project to another state (--transition)?"],
    mustNot: ["| flow-change-bulk |", "findInProject"],
  },
  // C7. A private iCal feed URL is polled by the caller's own calendar app for months: it lives until its owner resets it,
  // is reused on every poll and goes to its owner, not a link of a day's lifetime, single use, or passed on ...
  "Get calendar feed URL": {
    flags: ["--summary", "A signed-in user gets a private iCal feed URL of their meetings to subscribe to from a calendar app", "--method", "GET", "--route", "/api/me/calendar-feed", "--response", "feedUrl", "--capability", "secret-link-issue"],
    must: ["The feed URL lives until its owner resets it, with no lifetime that ends it", "after a reset, the old feed URL is refused and the new one reads the feed", "the answer to its owner, who adds it to its own calendar or feed app", "| capability-secret-link-feed |"],
    mustNot: ["A link lives 1 day", "Is the link single use, or reusable until it expires?", "the answer to a caller who shares the link", "| capability-secret-link-issue-shared |", "LINK_LIFETIME_SECONDS"],
  },
  // ... and its other end, the feed the calendar app polls by the token, refuses a reset URL, not one past a lifetime.
  "Read calendar feed": {
    flags: ["--summary", "A calendar app polls a user's private iCal feed by the token in its URL", "--method", "GET", "--route", "/api/calendar-feeds/:token", "--auth", "anonymous", "--value-object", "Token:string(43..43)@path", "--response", "ics", "--capability", "secret-link-redeem"],
    must: ["| capability-secret-link-feed |", "The feed URL lives until its owner resets it"],
    mustNot: ["LINK_LIFETIME_SECONDS", "| capability-secret-link |", "single use, or reusable until it expires"],
  },
  // ... while a share link of a document keeps its lifetime and is passed on.
  "Share a document by link": {
    flags: ["--summary", "A signed-in owner creates a link to share a document read-only", "--route", "/api/documents/:documentId/share-links", "--resource", "Document", "--value-object", "DocumentId:uuid@path", "--response", "shareUrl", "--capability", "secret-link-issue"],
    must: ["A link lives 1 day from its issue", "| capability-secret-link-issue-shared |"],
    mustNot: ["| capability-secret-link-feed |"],
  },
  // C10. The answers' ProductNotFound for the Product the route names, "the product does not exist", is the load's own
  // answer, said once: not a plain 404 from the load and then a second check of the same thing ...
  "Update product stock": {
    flags: ["--summary", "The warehouse system sets a product's stock level, machine to machine with client credentials", "--method", "PUT", "--route", "/api/products/:productId/stock", "--resource", "Product", "--auth", "roles", "--roles", "warehouse-system", "--actor", "Warehouse system", "--value-object", "ProductId:uuid@path", "--value-object", "Quantity:int(0..1000000)", "--response", "productId,quantity", "--error", "ProductNotFound:404:the product does not exist", "--rate-limit", "600/1m"],
    must: ["target = repository.find(id)  // null -> ProductNotFound (404)", "a missing Product answers 404 (ProductNotFound)"],
    mustNot: ["if the product does not exist -> ProductNotFound", "// null -> 404\n"],
  },
  // ... while a 404 of the resource for another reason (a product withdrawn from sale) stays a check of its own.
  "Update a product's price": {
    flags: ["--method", "PUT", "--route", "/api/products/:productId/price", "--resource", "Product", "--auth", "roles", "--roles", "merchant", "--value-object", "ProductId:uuid@path", "--value-object", "Price:int(1..1000000)", "--error", "ProductNotFound:404:the product was withdrawn from sale"],
    must: ["// null -> 404", "if the product was withdrawn from sale -> ProductNotFound (404)"],
    mustNot: ["null -> ProductNotFound"],
  },
  // C9. A support agent's Reason for a refund is an internal note written by staff: encoded where shown, but no "ugc"
  // links and no moderation before others see it ...
  "Refund an order with a reason": {
    flags: ["--summary", "A support agent refunds a captured order and records why", "--route", "/api/orders/:orderId/refunds", "--resource", "Order", "--auth", "roles", "--roles", "support", "--value-object", "OrderId:uuid@path", "--value-object", "Reason:string(1..500)", "--response", "refundId"],
    must: ["| stored-text |"],
    mustNot: ["nofollow ugc", "may it be moderated before others do", "| stored-text-prose |"],
  },
  // ... while a member's comment is user content, moderated and with "ugc" links.
  "Comment on a post": {
    flags: ["--route", "/api/posts/:postId/comments", "--resource", "Post", "--relation", "none", "--value-object", "PostId:uuid@path", "--value-object", "Body:string(1..2000)", "--response", "commentId"],
    must: ["nofollow ugc", "| stored-text-prose |"],
    mustNot: [],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (trial17c)");
