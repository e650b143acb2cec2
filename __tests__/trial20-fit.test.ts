/**
 * Plans true for their use-case (session 20, trial20; findings of TRIAL20): each use-case is planned from its flags,
 * and its plan and code are checked for the statement that was false or missing, beside an unlike use-case for what
 * must stay. All are planned into one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const REVIEW_ITEM = ["--route", "/api/orders/:orderId/items/:orderItemId/review", "--resource", "OrderItem", "--relation", "owner", "--value-object", "OrderId:uuid@path", "--value-object", "OrderItemId:uuid@path", "--value-object", "Stars:int(1..5)", "--value-object", "Body:string(1..5000)", "--error", "ReviewAlreadyExists:409:this purchase already has a review"];

const INVITE = ["--route", "/api/workspaces/:workspaceId/invitations", "--resource", "Workspace", "--relation", "admin", "--value-object", "WorkspaceId:uuid@path", "--value-object", "Email:email", "--value-object", "Role:enum(member|admin)", "--capability", "secret-link-issue", "--capability", "sends-message-email", "--pii", "email"];

const CASES: Record<string, FitCase> = {
  // G1. A link lives the lifetime its words give ("expires after 7 days"), in the plan and in the handler contract ...
  "Invite a teammate": {
    flags: [...INVITE, "--summary", "A workspace admin invites a teammate by email with a chosen role; the invitation link expires after 7 days and is accepted with an existing account or a new one"],
    must: ["A link lives 7 days from its issue", "a link lives 7 days: issued", "LINK_LIFETIME_SECONDS = 604800"],
    mustNot: ["lives 1 day", "LINK_LIFETIME_SECONDS = 86400"],
  },
  // G11. Two invitations at once break the seat limit: the second answers SeatLimitReached, not AlreadyMember ...
  "Invite a member to a workspace": {
    flags: [...INVITE, "--error", "AlreadyMember:409:the address belongs to a member of the workspace", "--error", "SeatLimitReached:402:the workspace has no seat left on its plan"],
    must: ["the second request answers 402 SeatLimitReached"],
    mustNot: ["the second request answers 409 AlreadyMember"],
  },
  // ... while an invitation whose words give no lifetime keeps the pack's day.
  "Invite a project member": {
    flags: [...INVITE, "--summary", "A workspace admin invites someone by email with a chosen role"],
    must: ["A link lives 1 day from its issue", "LINK_LIFETIME_SECONDS = 86400"],
    mustNot: ["lives 7 days"],
  },
  // G9. Amounts in minor units beside a currency field are the form the money question would ask; `currency` is no amount.
  "Get revenue report": {
    flags: ["--method", "GET", "--route", "/api/reports/revenue", "--auth", "roles", "--roles", "admin", "--response", "totalCents,orderCount,currency,generatedAt"],
    must: [],
    mustNot: ["In what form does the answer carry amounts of money", "(currency)"],
  },
  // ... while an amount with no currency beside it still has its form asked, by its own name.
  "Get invoice totals": {
    flags: ["--method", "GET", "--route", "/api/invoice-totals", "--response", "totalAmount,currency"],
    must: ["In what form does the answer carry amounts of money (totalAmount)"],
    mustNot: ["(currency)"],
  },
  // G8. Days counted in the zone the request gives are stated so, not asked ...
  "Get sales report": {
    flags: ["--method", "GET", "--route", "/api/reports/sales", "--auth", "roles", "--roles", "admin", "--value-object", "From:date@query", "--value-object", "To:date@query", "--value-object", "TimeZone:string(1..64)@query", "--response", "days,orderCount", "--summary", "An admin gets sales totals per day for a date range, days counted in the time zone asked for"],
    must: ["whole calendar days in the time zone the request gives (TimeZone), both included", "Does the answer say the zone its days were counted in (the TimeZone given)"],
    mustNot: ["In which time zone do From and To begin and end", "in one stated time zone"],
  },
  // ... while a range of days with no zone input still asks its zone.
  "Export invoices": {
    flags: ["--method", "GET", "--route", "/api/invoices", "--value-object", "From:date@query", "--value-object", "To:date@query", "--response", "items"],
    must: ["whole calendar days in one stated time zone", "In which time zone do From and To begin and end"],
    mustNot: ["the time zone the request gives"],
  },
  // G3. A refund through its provider is on file, pending, before the call: one whose call timed out stays pending and
  // counted, never "nothing saved", and a client's retry is a new refund, not "the same request" refunded once.
  "Refund part of an order": {
    flags: ["--route", "/api/orders/:orderId/refunds", "--auth", "roles", "--roles", "support-agent", "--resource", "Order", "--value-object", "OrderId:uuid@path", "--value-object", "AmountCents:int(1..100000000)", "--capability", "external-call", "--response", "refundId,status", "--error", "RefundExceedsPaid:422:the amount is more than what was paid less earlier refunds", "--error", "PaymentProviderFailed:502:the payment provider refused or failed the refund", "--summary", "A support agent refunds part of a paid order through the payment provider"],
    must: ["the handler saves the new Refund pending (its id the provider's key)", "refund saved pending (repository.add, no events yet) and committed with the lock", "refund kept pending, counted against what was captured", "A client's retry is a new request and a new refund", "the new Refund was saved pending before the call, so it is marked failed and its amount freed", "repository.save(refund marked succeeded with the provider's refund id, events)"],
    mustNot: ["or the client's with the same request) refunds once", "the lock taken above is held over the call", "504 ExternalSystemTimeout, nothing saved", "and before anything is saved, the handler calls"],
  },
  // ... while another change that calls an external system keeps its call before anything is saved.
  "Change subscription plan": {
    flags: ["--method", "PUT", "--route", "/api/subscriptions/:subscriptionId/plan", "--resource", "Subscription", "--value-object", "SubscriptionId:uuid@path", "--value-object", "PlanId:enum(starter|team|business)", "--capability", "external-call", "--error", "PaymentFailed:402:the payment provider declined the charge"],
    must: ["and before anything is saved, the handler calls", "504 ExternalSystemTimeout, nothing saved"],
    mustNot: ["saved pending", "marked failed"],
  },
  // ... and a label bought from a carrier under a locked Shipment keeps the lock held over its call, said so.
  "Buy a parcel label": {
    flags: ["--route", "/api/shipments/:shipmentId/labels", "--resource", "Shipment", "--value-object", "ShipmentId:uuid@path", "--capability", "external-call", "--error", "LabelAlreadyIssued:409:the shipment already has a label", "--summary", "A merchant buys a shipping label for a shipment from the carrier"],
    must: ["// the lock taken above is held over the call", "504 ExternalSystemTimeout, nothing saved", "repository.add(label, events)"],
    mustNot: ["saved pending"],
  },
  // G5. A carrier's signed tracking events are forged and reordered as shipments, not as payments ...
  "Receive carrier webhook": {
    flags: ["--route", "/api/webhooks/carrier", "--auth", "anonymous", "--capability", "webhook", "--success", "204", "--resource", "Shipment", "--value-object", "CarrierSignature:string(1..500)@header", "--value-object", "EventId:string(1..100)", "--value-object", "TrackingNumber:string(1..64)", "--summary", "A shipping carrier posts signed tracking events for our shipments; events may arrive out of order"],
    // (Its words say events arrive out of order: the order is kept, only which states follow which is asked, TRIAL20 G19.)
    // G4: and a delivery naming a Shipment we do not hold has its 404 asked, which the carrier retries for hours.
    must: ["an event it never sent (a Shipment of ours moved to a state the sender never reported)", "Events arrive out of order, as the words say: which of the sender's states may follow which", "A delivery naming a Shipment we do not hold answers 404, and a sender retries anything but a 2xx until it gives up: is the 404 wanted", "| webhook-signed-resource-missing |"],
    mustNot: ["charge succeeded", "payment confirmed", "a refund before its charge"],
  },
  // ... while a payment provider's keep their charge and refund.
  "Receive payment webhook": {
    flags: ["--route", "/api/webhooks/payments", "--auth", "anonymous", "--capability", "webhook", "--success", "204", "--value-object", "PaymentSignature:string(1..500)@header", "--value-object", "EventId:string(1..100)", "--summary", "The payment provider posts signed payment events"],
    must: ['"charge succeeded" event for its own unpaid order', "(a payment confirmed for an unpaid order)", "(a refund before its charge, a closed before its opened)"],
    mustNot: ["never reported", "we do not hold"],
  },
  // G6. A table reserved at an instant with an offset (SlotStart:datetime) meets no daylight-saving gap: converted into
  // the restaurant's zone to check slots and hours, and the question of local time or instant is not asked ...
  "Reserve a table": {
    flags: ["--route", "/api/restaurants/:restaurantId/reservations", "--resource", "Restaurant", "--relation", "none", "--value-object", "RestaurantId:uuid@path", "--value-object", "SlotStart:datetime", "--value-object", "PartySize:int(1..12)", "--error", "SlotUnavailable:409:no table for the party is free at that slot", "--summary", "A signed-in guest reserves a table at a restaurant for a party at a 15-minute time slot in the restaurant's time zone; the guest may cancel free of charge until 2 hours before the slot"],
    // G12: the cancellation cut-off the words give is stated in the reservation's question, not asked.
    must: ["the caller may cancel it until 2 hours before its time, as the answers say", "A requested time is an instant with an offset (its rule refuses one without)", "18:00Z in January and 17:00Z in July both fall on the 19:00 local slot", "| time-zone-booking-place-instant |"],
    mustNot: ["until when may the caller cancel it", "02:30 in the spring gap", "02:30 on the spring change day is refused", "Does the client send the restaurant's local date and time (no offset) or an instant with an offset"],
  },
  // ... while one reserved by a local date and time (no offset) keeps the gap refused and the question.
  "Reserve a table by local time": {
    flags: ["--route", "/api/restaurants/:restaurantId/bookings", "--resource", "Restaurant", "--relation", "none", "--value-object", "RestaurantId:uuid@path", "--value-object", "Day:date", "--value-object", "LocalTime:pattern([0-2][0-9]:[0-5][0-9])", "--error", "SlotUnavailable:409:no table for the party is free at that slot", "--summary", "A signed-in guest reserves a table at a restaurant for a time slot in the restaurant's time zone"],
    must: ["02:30 in the spring gap", "| time-zone-booking-place |", "until when may the caller cancel it, freeing what it held?"],
    mustNot: ["time-zone-booking-place-instant"],
  },
  // G7. A report cached as long as its words say ("cached for 10 minutes"), not "for long" ...
  "Get daily sales": {
    flags: ["--method", "GET", "--route", "/api/reports/daily-sales", "--auth", "roles", "--roles", "admin", "--value-object", "From:date@query", "--value-object", "To:date@query", "--response", "days,orderCount", "--summary", "An admin gets sales totals per day for a date range; the query is heavy, so results are cached for 10 minutes"],
    must: ["an answer is kept for 10 minutes, as the answers say, one that includes today's partial period too"],
    mustNot: ["cached for long"],
  },
  // ... while one whose words say nothing of a cache keeps the pack's long and short lives.
  "Get daily usage": {
    flags: ["--method", "GET", "--route", "/api/reports/daily-usage", "--auth", "roles", "--roles", "admin", "--value-object", "From:date@query", "--value-object", "To:date@query", "--response", "days,eventCount", "--summary", "An admin gets usage totals per day for a date range"],
    must: ["a range that ends before today is cached for long, one that includes today's partial period for a short time (a minute) or not at all"],
    mustNot: ["as the answers say, one that includes today"],
  },
  // G2. A buyer reviewing a product through its OrderItem moves the product's average: the buyer is the rater, never the
  // one rated, and a name ending in "review" is no verb.
  "Submit product review": {
    flags: [...REVIEW_ITEM, "--summary", "A verified buyer reviews a product they bought with 1 to 5 stars and a text: one review per purchase, published after moderation"],
    must: ["The average of the OrderItem's product is kept", "not in the OrderItem's product's average"],
    mustNot: ["buyer's average", "average of the OrderItem's buyer", "OrderItem's verified"],
  },
  // ... while a passenger rating a driver still moves the driver's average ...
  "Rate a finished ride": {
    flags: ["--summary", "The passenger rates the driver of a completed ride from 1 to 5 stars", "--route", "/api/rides/:rideId/rating", "--resource", "Ride", "--relation", "passenger", "--value-object", "RideId:uuid@path", "--value-object", "Stars:int(1..5)"],
    must: ["The average of the Ride's driver is kept"],
    mustNot: ["average of the Ride's passenger"],
  },
  // ... and a review of the Product itself moves the Product's own.
  "Write a product review": {
    flags: ["--route", "/api/products/:productId/reviews", "--resource", "Product", "--relation", "none", "--value-object", "ProductId:uuid@path", "--value-object", "Stars:int(1..5)", "--summary", "A customer who bought the product reviews it with 1 to 5 stars"],
    must: ["The average of the Product is kept"],
    mustNot: ["Product's customer", "Product's it"],
  },
};

describeFit(CASES, "says what is true for the use-case (TRIAL20)");
