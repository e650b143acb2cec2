/**
 * Plans true for their use-case (session 18, fix18b): what TRIAL17C (C11-C14, C6 and C7 in part) and TRIAL17B (B19)
 * left open. Each use-case is planned from its flags and its plan checked for what must and must not be there, beside
 * an unlike use-case that must stay as it was. All are planned into one folder, whose code compiles under tsc --strict
 * and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CHECKOUT = ["--summary", "A signed-in customer checks out their shopping cart: the stock is reserved, the payment is taken through the payment provider, and an order is created", "--route", "/api/me/cart/checkout", "--resource", "Cart", "--capability", "external-call", "--value-object", "PaymentMethodId:string(1..100)", "--response", "orderId,status,total", "--event", "OrderPlaced:orderId,total", "--error", "CartEmpty:422:the cart has no items", "--error", "OutOfStock:409:an item of the cart is no longer in stock", "--error", "PaymentDeclined:402:the payment provider declined the payment"];

const CASES: Record<string, FitCase> = {
  // C12. A checkout takes stock another record holds and charges through a provider: the stock is held first
  // (committed on its own), then the charge is made with a key, then the order saved; a declined charge releases the
  // hold and a save that fails after the charge refunds it. Not "the call is made before anything is saved" beside
  // "taken in the same transaction" (a paid customer answered out of stock).
  "Check out cart": {
    flags: CHECKOUT,
    must: [
      "The steps run in this order, each undone when a later one fails: (1) the stock of every item is held",
      "the call is made after the stock is held and before the order is saved, so the hold is released, the Cart stays as it was",
      "it is taken before the charge, in a transaction of its own that holds it for the checkout",
      "  hold the stock: one conditional update per item",
      "PaymentDeclined (402), the hold released, nothing else saved, sent or scheduled",
      "  the save fails after the charge succeeded -> the charge refunded (or voided) at the provider with a key of its own, the hold released",
      "the handler holds the stock of its items (one conditional update each, committed on its own)",
      "H->>R: hold the stock of its items#44; committed on its own",
      "a declined charge releases the stock held for the checkout and creates no order",
      "| checkout-hold-charge-order |",
    ],
    mustNot: ["the call is made before anything is saved", "it is taken in the same transaction", "// here, before anything is saved"],
  },
  // ... while a charge that takes no stock (an upgrade) still calls before anything is saved ...
  "Upgrade my subscription plan": {
    flags: ["--route", "/api/me/subscription/upgrade", "--value-object", "PlanId:string(1..50)", "--capability", "external-call", "--error", "PaymentDeclined:402:the provider declines the prorated charge", "--summary", "The customer upgrades to a higher plan now; the payment provider prorates the rest of the period and charges the difference"],
    must: ["the call is made before anything is saved", "| external-call-charge |"],
    mustNot: ["| checkout-hold-charge-order |", "hold the stock", "the hold released"],
  },
  // ... and stock taken with no charge (an add to the cart) is taken in the change's own transaction.
  "Add a product to my cart": {
    flags: ["--summary", "The customer adds a product to the cart while it is in stock", "--route", "/api/me/cart/items", "--method", "PATCH", "--resource", "Cart", "--value-object", "ProductId:uuid", "--value-object", "Quantity:int(1..99)", "--error", "OutOfStock:409:the product is out of stock"],
    must: ["it is taken in the same transaction by one conditional update", "| shared-quota |"],
    mustNot: ["| checkout-hold-charge-order |", "hold the stock"],
  },
  // C11. A refund through a provider: the call keyed by the new Refund's id (a retry refunds once), pending refunds
  // counted against the captured amount under the lock, the charge's currency; so Amount's currency is not asked ...
  "Refund part of an order": {
    flags: ["--summary", "A support agent refunds part of a captured order through the payment provider; the refunded total never exceeds the captured amount", "--route", "/api/orders/:orderId/refunds", "--resource", "Order", "--auth", "roles", "--roles", "support", "--value-object", "OrderId:uuid@path", "--value-object", "Amount:int(1..10000000)", "--value-object", "Reason:string(1..500)", "--response", "refundId,amount,status", "--capability", "external-call", "--event", "OrderPartiallyRefunded:orderId,refundId,amount", "--error", "RefundExceedsCaptured:422:the refunds would exceed the captured amount", "--error", "OrderNotCaptured:409:the order has no captured payment", "--audit"],
    must: [
      "idempotencyKey: \"refund:\" + refund.id",
      "The refund call carries an idempotency key the provider keeps: the new refund's own id",
      "The refunds counted against the captured amount are the succeeded and the pending ones",
      "A refunded amount is in the currency of the captured charge",
      "a refund still pending at the provider counts against the captured amount",
      "| external-call-refund |",
    ],
    mustNot: ["In what unit and currency does the request give Amount", "| external-call-charge |"],
  },
  // ... while a charge (a top-up with an amount) is keyed by nothing of a refund and still asks Amount's currency.
  "Top up my wallet": {
    flags: ["--summary", "A signed-in customer tops up their wallet; the payment provider charges the card", "--route", "/api/me/wallet/top-ups", "--value-object", "Amount:int(100..100000)", "--capability", "external-call", "--error", "PaymentDeclined:402:the payment provider declined the card"],
    must: ["In what unit and currency does the request give Amount", "| external-call-charge |"],
    mustNot: ["| external-call-refund |", "\"refund:\"", "pending ones"],
  },
  // C13. A warehouse system calls machine to machine: a client-credentials token with the action's scope, and a
  // stock level older than the last applied ignored; what carts reserve is asked ...
  "Update product stock": {
    flags: ["--summary", "The warehouse system sets a product's stock level, machine to machine with client credentials", "--method", "PUT", "--route", "/api/products/:productId/stock", "--resource", "Product", "--auth", "roles", "--roles", "warehouse-system", "--actor", "Warehouse system", "--value-object", "ProductId:uuid@path", "--value-object", "Quantity:int(0..1000000)", "--response", "productId,quantity", "--event", "ProductStockUpdated:productId,quantity", "--error", "ProductNotFound:404:the product does not exist", "--rate-limit", "600/1m"],
    must: [
      "The caller is a registered client with a token from the client-credentials grant: no user behind it",
      "(e.g. `stock:write`)",
      "an update older than, or equal to, the one last applied changes nothing",
      "Which field carries the source's sequence number or value time",
      "stock reserved by carts and checkouts",
      "a client token without the action's scope answers 403 and changes nothing",
      "| machine-client |",
      "| machine-client-ordering |",
    ],
    mustNot: [],
  },
  // ... while a person with a role (a store manager setting the same level by hand) gets neither.
  "Correct product stock": {
    flags: ["--summary", "A store manager corrects a product's stock level after a count", "--method", "PUT", "--route", "/api/products/:productId/stock", "--resource", "Product", "--auth", "roles", "--roles", "store-manager", "--value-object", "ProductId:uuid@path", "--value-object", "Quantity:int(0..1000000)"],
    must: ["Only callers with role store-manager may call it"],
    mustNot: ["| machine-client |", "| machine-client-ordering |", "client-credentials grant"],
  },
  // C14. A post scheduled for the time the editor chose: unscheduling moves it back to its draft and cancels the run;
  // a delete before its time means it is never published, an edit is published as last saved; no question whether an
  // external system must be told now, nor which use-case undoes the change ...
  "Schedule blog post": {
    flags: ["--summary", "An editor schedules a draft blog post for publication at a chosen time; it is published then, and may be rescheduled or unscheduled before", "--route", "/api/posts/:postId/schedule", "--method", "PUT", "--resource", "Post", "--auth", "roles", "--roles", "editor", "--value-object", "PostId:uuid@path", "--value-object", "PublishAt:datetime", "--response", "postId,publishAt,status", "--scheduled-command", "PublishPost", "--transition", "Draft->Scheduled", "--transition", "Scheduled->Published@PublishPost", "--event", "PostPublished:postId@PublishPost", "--error", "PublishAtInPast:422:the publication time is not in the future"],
    must: [
      "Unscheduling is a request of its own (DELETE on this route, the same role): it moves the Post from Scheduled back to its draft, clears PublishAt and cancels the PublishPost run",
      "A Post deleted before its time is never published",
      "One edited while Scheduled keeps its time and is published as last saved",
      "in which time zone is PublishAt shown to the editor",
      "a Post unscheduled before its time is back in its draft, and the PublishPost run scheduled for it does nothing",
      "| scheduled-publication |",
    ],
    mustNot: ["Must an external system (a payment provider, a search index) be told now", "Which use-case undoes the change before PublishPost runs", "| scheduled-change-undo |"],
  },
  // ... while a cancellation at the end of the billing period still asks both, and is no publication.
  "Cancel subscription at period end": {
    flags: ["--summary", "Cancel at the end of the billing period", "--method", "PATCH", "--route", "/api/subscriptions/:subscriptionId", "--resource", "Subscription", "--value-object", "SubscriptionId:uuid@path", "--transition", "Active->PendingCancellation", "--transition", "PendingCancellation->Cancelled@EndSubscription", "--scheduled-command", "EndSubscription"],
    must: ["Which use-case undoes the change before EndSubscription runs, and does it cancel the scheduled run?", "Must an external system (a payment provider, a search index) be told now", "| scheduled-change-undo |"],
    mustNot: ["| scheduled-publication |", "Unscheduling"],
  },
  // C6 (the rest). A guest's ticket is acknowledged at the address it gave: a transactional message with no preference
  // to turn off, carrying none of the guest's text (no relay); a public form asks for a bot challenge ...
  "Submit support ticket as guest": {
    flags: ["--summary", "A visitor without an account submits a support ticket with an e-mail address to answer to", "--route", "/api/support/tickets", "--auth", "anonymous", "--value-object", "Email:email", "--value-object", "Subject:string(1..200)", "--value-object", "Message:string(1..5000)", "--response", "ticketId", "--pii", "email", "--capability", "sends-message-email", "--rate-limit", "5/1h"],
    must: [
      "is a transactional acknowledgement, one per request: the guest has no account, so there is no preference to turn it off",
      "none of the request's free text",
      "The request carries a bot challenge's token",
      "a request without a valid bot-challenge token answers 400 and saves and sends nothing",
      "How does the guest follow up",
      "| capability-sends-message-guest |",
      "| anonymous-form-bots |",
    ],
    mustNot: ["May a user turn these messages off", "| capability-sends-message-optional |"],
  },
  // ... while a reset link to the account an address names is neither a guest's message nor a form ...
  "Request password reset": {
    flags: ["--summary", "Sends a password reset link to the account's e-mail", "--route", "/api/password-resets", "--auth", "anonymous", "--value-object", "Email:email", "--capability", "secret-link", "--capability", "sends-message-email", "--enumeration", "account"],
    must: [],
    mustNot: ["| capability-sends-message-guest |", "| anonymous-form-bots |", "bot challenge"],
  },
  // ... and a signed-in member's comment is no public form, and its notice to others still asks about opting out.
  "Comment on a post and notify its author": {
    flags: ["--summary", "A signed-in member comments on a post; its author is told by e-mail", "--route", "/api/posts/:postId/comments", "--resource", "Post", "--relation", "none", "--value-object", "PostId:uuid@path", "--value-object", "Body:string(1..2000)", "--capability", "sends-message-email"],
    must: ["May a user turn these messages off"],
    mustNot: ["| capability-sends-message-guest |", "| anonymous-form-bots |"],
  },
  // C7 (the rest). A GET that hands out the caller's feed URL does not "only read": it creates the URL on the caller's
  // first call only (one per account) and answers the same one after, its token kept encrypted to be shown again; a
  // reset is a request of its own ...
  "Get calendar feed URL": {
    flags: ["--summary", "A signed-in user gets a private iCal feed URL of their meetings to subscribe to from a calendar app", "--method", "GET", "--route", "/api/me/calendar-feed", "--response", "feedUrl", "--capability", "secret-link-issue"],
    must: [
      "`GET /api/me/calendar-feed` answers the caller's one feed URL: the first call creates it (one per account",
      "the token itself encrypted with a key from the secret store (to show the same URL on every later read)",
      "  none yet -> create it: a token from crypto.randomBytes(32)",
      "// the same URL on every call; saved only on the first",
      "creates it on the caller's first call only",
      "Where does the owner reset the feed URL: a request of its own (a POST)",
      "| flow-query-feed-issue |",
    ],
    mustNot: ["only reads: it changes no state", "never the token itself", "Query port and its adapter: read-only", "read-only (no save, no outbox)", "Read-only: no migration", "| flow-query |", "or is it shown once"],
  },
  // ... while a share link issued by a POST keeps only its hash ...
  "Create a share link for a document": {
    flags: ["--summary", "The owner creates a link to share a document with anyone who has it", "--route", "/api/documents/:documentId/share-links", "--resource", "Document", "--value-object", "DocumentId:uuid@path", "--capability", "secret-link-issue", "--response", "url"],
    must: ["never the token itself", "Store only SHA-256(token), and find links by that hash"],
    mustNot: ["| flow-query-feed-issue |", "encrypted with a key from the secret store"],
  },
  // ... and a plain read of the caller's own data only reads.
  "Get my profile": {
    flags: ["--method", "GET", "--route", "/api/me/profile", "--response", "displayName,email"],
    must: ["`GET /api/me/profile` only reads: it changes no state", "Query port and its adapter: read-only", "| flow-query |"],
    mustNot: ["| flow-query-feed-issue |", "first call"],
  },
  // 7. A signed-in paged list is read many times a minute: a read's default (60/1m), not a write's 10 ...
  "List my meetings": {
    flags: ["--method", "GET", "--route", "/api/me/meetings", "--capability", "pagination", "--response", "items,nextCursor"],
    must: ["At most 60 requests per 1m per account; request 61 gets 429"],
    mustNot: ["At most 10 requests"],
  },
  // ... and a chat is typed fast: sending a message takes 30/1m ...
  "Send a chat message": {
    flags: ["--route", "/api/conversations/:conversationId/messages", "--resource", "Conversation", "--relation", "participant", "--value-object", "ConversationId:uuid@path", "--value-object", "Body:string(1..4000)", "--response", "messageId"],
    must: ["At most 30 requests per 1m per account; request 31 gets 429"],
    mustNot: ["At most 10 requests"],
  },
  // ... while a download (a read that costs more), an anonymous list, and a message also mailed keep the tight default.
  "Download my invoice": {
    flags: ["--method", "GET", "--route", "/api/me/invoices/:invoiceId/pdf", "--resource", "Invoice", "--value-object", "InvoiceId:uuid@path", "--capability", "file-download"],
    must: ["At most 10 requests per 1m per account"],
    mustNot: ["At most 60 requests"],
  },
  "List public events": {
    flags: ["--method", "GET", "--route", "/api/events", "--auth", "anonymous", "--capability", "pagination", "--response", "items,nextCursor"],
    must: ["At most 10 requests per 1m per client"],
    mustNot: ["At most 60 requests"],
  },
  "Send a message to a conversation by e-mail": {
    flags: ["--route", "/api/conversations/:conversationId/messages", "--resource", "Conversation", "--relation", "participant", "--value-object", "ConversationId:uuid@path", "--value-object", "Body:string(1..4000)", "--capability", "sends-message-email"],
    must: ["At most 10 requests per 1m per account"],
    mustNot: ["At most 30 requests"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (fix18b)");
