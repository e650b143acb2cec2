/**
 * Plans true for their use-case (session 21, the lead's own reading, LEAD21 in the session's note): each use-case is
 * planned from its flags, and its plan and code are checked for the statement that was missing or false, beside unlike
 * use-cases for what must stay. All are planned into one folder, whose code compiles under tsc --strict and whose
 * generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // B1, B2. An alert a customer asks for on a catalogue Product is anyone's who may see the Product, never only its
  // owner's; and a product coming back in stock is the Product's own stock, which asking to be told takes nothing of.
  "Subscribe to back in stock": {
    flags: ["--summary", "A signed-in customer asks to be e-mailed once when a sold-out product is back in stock; asking twice keeps one subscription", "--route", "/api/products/:productId/stock-alerts", "--resource", "Product", "--value-object", "ProductId:uuid@path", "--response", "alertId", "--error", "ProductInStock:409:the product is in stock", "--capability", "sends-message-email"],
    must: ["Only a viewer of the Product may call it", "anyone who may see a Product may add a StockAlert to it", "| create-repeat-keeps-one |", "One StockAlert per caller and Product, as the answers say: a unique key on the Product and the caller holds it", "| 200 | A repeat: the StockAlert the caller already holds for this Product"],
    mustNot: ["Only the owner of the Product may call it", "| shared-quota |", "When is the quota taken", "Must a retried request create nothing twice (an Idempotency-Key header)", "a table booked twice", "a refund past what was captured"],
  },
  // G1. A teacher of a Course grades a Submission under it: the relation is held on the Course the route names, and the
  // Submission is found within the courses the caller teaches. No "teacher of the Submission", and no member-role 403: a
  // student, a member of the Course too, never sees another's Submission.
  "Grade submission": {
    flags: ["--summary", "A teacher of the course grades a student's submitted assignment with a score from 0 to 100 and feedback", "--method", "PUT", "--route", "/api/courses/:courseId/submissions/:submissionId/grade", "--resource", "Submission", "--relation", "teacher", "--value-object", "CourseId:uuid@path", "--value-object", "SubmissionId:uuid@path", "--value-object", "Score:int(0..100)", "--response", "submissionId,score"],
    must: ["| access-relation-member-of |", "Only a teacher of the Course the route names may call it", "the caller's role as teacher is part of the query", "in a query scoped to the caller's role as teacher of the Course the route names", "missing and not a teacher look the same (404)"],
    mustNot: ["Only a teacher of the Submission", "a member who is not a teacher", "caller's membership"],
  },
  // ... while a member of a Board keeps its words (LEAD20 R1), and a teacher of the Course itself is the Course's own.
  "Move a card": {
    flags: ["--method", "PATCH", "--route", "/api/boards/:boardId/cards/:cardId", "--resource", "Card", "--relation", "member", "--value-object", "BoardId:uuid@path", "--value-object", "CardId:uuid@path", "--value-object", "Title:string(1..200)", "--response", "cardId"],
    must: ["Only a member of the Board the route names may call it", "the caller's membership is part of the query", "missing and not a member look the same (404)"],
    mustNot: ["role as member"],
  },
  "Rename a course": {
    flags: ["--method", "PATCH", "--route", "/api/courses/:courseId", "--resource", "Course", "--relation", "teacher", "--value-object", "CourseId:uuid@path", "--value-object", "Title:string(1..200)", "--response", "courseId"],
    must: ["Only a teacher of the Course may call it"],
    mustNot: ["| access-relation-member-of |", "role as teacher"],
  },
  // D1. A reading stamped with when it was taken (a driver's location with RecordedAt) keeps the newest by that time: an
  // older one arriving late changes nothing. No If-Match question: a device never reads before it writes.
  "Update driver location": {
    flags: ["--summary", "A driver's app sends its current location every 5 seconds while on a delivery", "--method", "PUT", "--route", "/api/me/location", "--value-object", "Latitude:number(-90..90)", "--value-object", "Longitude:number(-180..180)", "--value-object", "RecordedAt:datetime", "--response", "accepted", "--pii", "latitude,longitude", "--rate-limit", "20/1m"],
    must: ["| reading-newest-wins |", "A reading is kept only when its RecordedAt is later than the stored reading's", "A RecordedAt more than a minute ahead of the server's clock is refused with 400", "a reading older than the stored one answers 200 and leaves the newer one stored"],
    mustNot: ["If-Match", "| flow-change-last-write-wins |"],
  },
  // ... while a PUT of settings with no reading's time still asks whether a client needs If-Match.
  "Set my display name": {
    flags: ["--method", "PUT", "--route", "/api/me/display-name", "--value-object", "DisplayName:string(1..50)", "--response", "displayName"],
    must: ["| flow-change-last-write-wins |", "If-Match"],
    mustNot: ["| reading-newest-wins |"],
  },
  // I1. A new impersonation of a User tells the User, a person who names no other person (TRIAL21 H15 made the same fix).
  "Impersonate user": {
    flags: ["--summary", "A support agent signs in as a customer to see what they see; the customer is told by email", "--route", "/api/admin/users/:userId/impersonations", "--auth", "roles", "--roles", "support-agent", "--resource", "User", "--value-object", "UserId:uuid@path", "--value-object", "Reason:string(10..500)", "--response", "impersonationToken,expiresAt", "--capability", "sends-message-email"],
    must: ["| capability-impersonation-scope |", "Is the session read-only, or which changes may the agent make for the user?", "The session lives briefly (e.g. 30 minutes)", "The message goes only to the caller or the User the new ImpersonationSession is for", "Does the message go to the User the new ImpersonationSession is for alone, or to the caller too (a confirmation)"],
    mustNot: ["a person the User names", "as the answers say: every change"],
  },
  // I2. An impersonation's limits the words give are stated: read-only, and at most 30 minutes; not asked.
  "Impersonate user read-only": {
    flags: ["--summary", "A support agent signs in as a customer to see what they see, for at most 30 minutes; the session is read-only", "--route", "/api/admin/users/:userId/impersonations", "--auth", "roles", "--roles", "support-agent", "--resource", "User", "--value-object", "UserId:uuid@path", "--value-object", "Reason:string(10..500)", "--response", "impersonationToken,expiresAt"],
    must: ["The impersonation session is read-only, as the answers say: every change made with it", "The session lives at most 30 minutes, as the answers say, cannot be refreshed"],
    mustNot: ["Is the session read-only, or which changes may the agent make", "e.g. 30 minutes", "| capability-impersonation-scope |"],
  },
  // ... while a comment, which says nothing of a repeat, is asked whether a retry makes a second one.
  "Comment on a post": {
    flags: ["--route", "/api/posts/:postId/comments", "--resource", "Post", "--value-object", "PostId:uuid@path", "--value-object", "Body:string(1..5000)", "--response", "commentId"],
    must: ["Must a retried request create nothing twice (an Idempotency-Key header)"],
    mustNot: ["| create-repeat-keeps-one |"],
  },
  // O1. A cancellation that refunds a paid order: a client's retry finds the order cancelled and refunds nothing, where
  // the plan said it was "a new request and a new refund"; no partial refund's counting, and the caller, not a support
  // agent, waits on a pending refund.
  "Cancel my order": {
    flags: ["--summary", "A customer cancels their own order before it ships; a paid order is refunded in full through the payment provider", "--route", "/api/me/orders/:orderId/cancel", "--resource", "Order", "--value-object", "OrderId:uuid@path", "--response", "orderId,status", "--capability", "external-call", "--transition", "Paid->Cancelled", "--error", "OrderAlreadyShipped:409:the order has shipped"],
    must: ["| external-call-refund |", "A client's retry finds the Order already moved and refunds nothing", "what does the caller see meanwhile?"],
    mustNot: ["A client's retry is a new request and a new refund", "| external-call-refund-counted |", "what does the support agent see"],
  },
  // ... while a refund a support agent creates keeps its counting of pending refunds, and its client's retry is a new refund.
  "Refund part of an order": {
    flags: ["--summary", "A support agent refunds part of a captured order through the payment provider; the refunded total never exceeds the captured amount", "--route", "/api/orders/:orderId/refunds", "--resource", "Order", "--auth", "roles", "--roles", "support", "--value-object", "OrderId:uuid@path", "--value-object", "AmountCents:int(1..100000000)", "--response", "refundId", "--capability", "external-call", "--error", "RefundExceedsCaptured:422:the amount exceeds what is left to refund"],
    must: ["| external-call-refund |", "| external-call-refund-counted |", "A client's retry is a new request and a new refund, checked against what is left", "The refunds counted against the captured amount are the succeeded and the pending ones"],
    mustNot: ["refunds nothing"],
  },
  // P1. A pause for the Months the request gives resumes when they have passed: the run's time is the request's, not
  // "from which field of the Subscription ... never the request or the clock alone".
  "Pause subscription": {
    flags: ["--summary", "A customer pauses their subscription for 1 to 3 months; billing resumes automatically at the end", "--route", "/api/me/subscription/pause", "--resource", "Subscription", "--value-object", "Months:int(1..3)", "--response", "status,resumesAt", "--scheduled-command", "ResumeSubscription", "--transition", "Active->Paused", "--transition", "Paused->Active@ResumeSubscription", "--error", "SubscriptionNotActive:409:the subscription is not active"],
    must: ["| scheduled-change-after-length |", "ResumeSubscription runs when the Months the request gives have passed: its time is worked out once", "Does the length the request gives in Months count from the request or from the end of the current period"],
    mustNot: ["never the request or the clock alone", "| scheduled-change-time-from-record |"],
  },
  // ... while a cancellation at the period's end, whose time the request does not give, still asks which field holds it.
  "Cancel subscription at period end": {
    flags: ["--summary", "A customer cancels their subscription; it stays active until the end of the paid period", "--route", "/api/me/subscription/cancel", "--resource", "Subscription", "--response", "status,endsAt", "--scheduled-command", "EndSubscription", "--transition", "Active->Cancelling", "--transition", "Cancelling->Ended@EndSubscription"],
    must: ["| scheduled-change-time-from-record |", "never the request or the clock alone"],
    mustNot: ["| scheduled-change-after-length |"],
  },
  // X1. "A workspace admin deletes a project": the role is held in the Workspace the Project belongs to, not "an admin
  // of the Project".
  "Delete project": {
    flags: ["--summary", "A workspace admin deletes a project with all its tasks; the deletion is undoable for 30 days", "--method", "DELETE", "--route", "/api/projects/:projectId", "--resource", "Project", "--relation", "admin", "--value-object", "ProjectId:uuid@path"],
    must: ["Only an admin of the Workspace the Project belongs to may call it", "scoped to the caller's membership of the Workspace the Project belongs to", "| 403 | The caller is a member of the Workspace the Project belongs to but not an admin"],
    mustNot: ["Only an admin of the Project", "membership of the Project"],
  },
  // ... while an admin the words do not place elsewhere is the Project's own.
  "Archive project": {
    flags: ["--summary", "A project admin archives the project; it becomes read-only", "--route", "/api/projects/:projectId/archive", "--resource", "Project", "--relation", "admin", "--value-object", "ProjectId:uuid@path", "--response", "projectId,status"],
    must: ["Only an admin of the Project may call it", "membership of the Project"],
    mustNot: ["belongs to may call it"],
  },
  // ... and an organisation admin, whichever the spelling, is held in the Organization the route names.
  "Rotate webhook signing secret": {
    flags: ["--summary", "An organisation admin rotates the signing secret of a webhook endpoint", "--route", "/api/organizations/:organizationId/webhooks/:webhookId/rotate-secret", "--resource", "WebhookEndpoint", "--relation", "admin", "--value-object", "OrganizationId:uuid@path", "--value-object", "WebhookId:uuid@path", "--response", "webhookId"],
    must: ["Only an admin of the Organization the route names may call it", "every load is scoped to the caller's membership of the Organization the route names"],
    mustNot: ["Only an admin of the WebhookEndpoint", "membership of the WebhookEndpoint", "Organisation the"],
  },
  // ... and a length that is the thing's own (a meeting's DurationMinutes) is no time until its job runs.
  "Move a meeting": {
    flags: ["--method", "PATCH", "--route", "/api/meetings/:meetingId", "--resource", "Meeting", "--relation", "owner", "--value-object", "MeetingId:uuid@path", "--value-object", "StartsAt:datetime", "--value-object", "DurationMinutes:int(5..480)", "--response", "meetingId", "--scheduled-command", "SendMeetingReminder"],
    must: ["SendMeetingReminder"],
    mustNot: ["| scheduled-change-after-length |", "the DurationMinutes the request gives have passed"],
  },
  // ... while a cart's add still takes the shared stock of a product the cart does not hold.
  "Add item to cart": {
    flags: ["--summary", "A signed-in customer adds a product to the cart while it is in stock; the quantity may not exceed the stock available", "--route", "/api/me/cart/items", "--resource", "Cart", "--value-object", "ProductId:uuid", "--value-object", "Quantity:int(1..99)", "--response", "cartId", "--error", "OutOfStock:409:the product is out of stock"],
    must: ["| shared-quota |", "is held by another record than the Cart"],
    mustNot: [],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (lead21)");
