/**
 * Plans true for their use-case, from fix15c (TRIAL10's items left by session 14): each use-case is planned from the
 * flags a team would give, and its plan and code are checked for what a reviewer of that kind of feature asks for, and
 * beside it unlike use-cases for what must not be there. All are planned into one folder, whose code compiles under
 * tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // X9: an autocomplete answering people lets a caller walk prefixes (aa..zz) through them: scoped, a minimum prefix,
  // a per-account cap with an alert, no contact details in the results.
  "Search users to mention": {
    flags: ["--summary", "Autocomplete: users of my team whose name starts with the typed prefix, for @mentions; at most 10 results.", "--context", "Collaboration", "--method", "GET", "--route", "/api/teams/:teamId/members/search", "--resource", "Team", "--relation", "member", "--value-object", "TeamId:uuid@path", "--value-object", "Prefix:string(2..50)@query", "--value-object", "Limit?:int(1..10)@query", "--response", "userId,displayName,avatarUrl", "--rate-limit", "60/1m", "--pii", "displayName"],
    must: [
      "| capability-search-people |",
      "Walking prefixes (aa, ab, ... zz) through the search lists every person it reaches",
      "The search answers only people the caller may already see",
      "Prefix has a minimum length of at least 2 characters",
      "capped per account per day",
      "One account searching many distinct prefixes in a day",
      "Results carry no email or phone",
    ],
    mustNot: ["reach a person outside the app", "reaches a person outside the app"],
  },
  // ...a support agent's customer search whose answer holds an email says who may see it, not "no email".
  "Search customers by name": {
    flags: ["--summary", "Support agents find a customer by the start of their name", "--context", "Support", "--method", "GET", "--route", "/api/customers/search", "--auth", "roles", "--roles", "support-agent", "--value-object", "Q:string(2..100)@query", "--response", "customerId,fullName,email", "--pii", "fullName,email"],
    must: ["| capability-search-people |", "The answer's email reaches a person outside the app", "Q has a minimum length of at least 2 characters"],
    mustNot: ["Results carry no email or phone"],
  },
  // ...while a product search and a tag picker are searches of things: no people, no prefix walking.
  "Search products": {
    flags: ["--summary", "Shoppers search the catalogue by name", "--context", "Catalog", "--method", "GET", "--route", "/api/products/search", "--auth", "anonymous", "--value-object", "Q:string(1..100)@query", "--response", "productId,name,price", "--rate-limit", "60/1m"],
    must: ["| capability-search |", "The search text (Q) reaches the search only as data"],
    mustNot: ["| capability-search-people |", "Walking prefixes", "people the caller may already see", "distinct prefixes"],
  },
  "Find tags for the picker": {
    flags: ["--summary", "Tags for the tag picker", "--context", "Tags", "--method", "GET", "--route", "/api/tags/search", "--value-object", "Fragment:string(1..40)@query", "--response", "tagId,label"],
    must: ["| capability-search |"],
    mustNot: ["| capability-search-people |", "Walking prefixes"],
  },
  // X16: a CV as PDF or DOCX: a DOCX is a zip container (opened with limits), macros and remote templates refused, its
  // declared type checked against the parts inside; only DOCX's own macro twin and main part are named.
  "Submit a job application with a CV upload": {
    flags: ["--summary", "A visitor applies to an open job with their name, email and a CV (PDF or DOCX, at most 5 MB); the recruiter is emailed", "--context", "Careers", "--auth", "anonymous", "--method", "POST", "--route", "/api/jobs/:jobId/applications", "--resource", "Job", "--value-object", "JobId:uuid@path", "--value-object", "FullName:string(1..200)", "--value-object", "Email:email", "--capability", "file-upload", "--capability", "sends-message-email", "--error", "CvTypeNotAllowed:415:the CV is not a PDF or DOCX", "--pii", "fullName,email", "--rate-limit", "3/1h"],
    must: [
      "| capability-file-upload-office |",
      "| capability-file-upload-office-macros |",
      "Every DOCX file is a zip container",
      "Macro-enabled documents are refused with 415",
      "a .docm renamed",
      "vbaProject.bin",
      "word/document.xml for DOCX",
      "for DOCX files, whose bytes are a zip's, the parts inside them",
    ],
    mustNot: ["xl/workbook.xml", ".xlsm", ".pptm"],
  },
  // ...a spreadsheet the server only imports is a zip container too, but its macros run nowhere: no macro items.
  "Import budget lines from a workbook": {
    flags: ["--summary", "A finance admin imports budget lines from an uploaded workbook", "--context", "Finance", "--method", "POST", "--route", "/api/budgets/:budgetId/imports", "--resource", "Budget", "--relation", "owner", "--value-object", "BudgetId:uuid@path", "--value-object", "ContentType:enum(application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)", "--capability", "file-upload"],
    must: ["| capability-file-upload-office |", "Every XLSX file is a zip container", "xl/workbook.xml for XLSX"],
    mustNot: ["| capability-file-upload-office-macros |", "vbaProject.bin", "word/document.xml"],
  },
  // ...while a PDF-only upload and an avatar have no zip container and no macros.
  "Attach a signed contract": {
    flags: ["--summary", "The owner attaches the signed contract as a PDF", "--context", "Contracts", "--method", "POST", "--route", "/api/contracts/:contractId/documents", "--resource", "Contract", "--relation", "owner", "--value-object", "ContractId:uuid@path", "--capability", "file-upload"],
    must: ["application/pdf", "decided by the file's content (magic bytes), not by its name"],
    mustNot: ["| capability-file-upload-office |", "| capability-file-upload-office-macros |", "vbaProject.bin", "zip container", "Macro-enabled"],
  },
  "Upload my avatar": {
    flags: ["--summary", "The signed-in user uploads a new profile photo", "--context", "Identity", "--method", "PUT", "--route", "/api/me/avatar", "--capability", "file-upload"],
    must: ["image/png"],
    mustNot: ["| capability-file-upload-office |", "vbaProject.bin", "Macro-enabled"],
  },
  // A webhook registration's call to the URL it registers is a verification ping: signed with the endpoint's secret, a
  // short timeout, a 2xx echoing the challenge, nothing of the answer shown; SSRF as for any URL from the request; no
  // "which external systems and their SLAs" for a customer's URL.
  "Register a webhook endpoint": {
    flags: ["--summary", "An account admin registers a URL to receive our event notifications; we send it a signed verification ping and answer the endpoint's signing secret, shown once", "--context", "Integrations", "--method", "POST", "--route", "/api/webhooks", "--value-object", "Url:url", "--value-object", "Events:string(1..200)", "--capability", "external-call", "--response", "webhookId,signingSecret", "--event", "WebhookEndpointRegistered:webhookId"],
    must: [
      "| capability-external-call-webhook-ping |",
      "The verification ping is signed as every later delivery will be, with the endpoint's own signing secret",
      "a 2xx within the external call's short total timeout and its body echoes the challenge",
      "Of the ping's answer only the outcome is kept and shown to the caller",
      "refused when it points at a private, loopback or link-local address",
      "(no DNS rebinding)",
      "a redirect is followed only to a host that passes the same check",
      "Which calls to the URL are idempotent",
    ],
    mustNot: ["Which external systems, what are their rate limits", "allow-list of hosts configured for each external system", "Credentials for the external system come from the secret store"],
  },
  // ...a feed fetched from a URL gets the SSRF items but no ping...
  "Import a product feed from a URL": {
    flags: ["--summary", "A merchant imports products from the feed at a URL they give", "--context", "Catalog", "--method", "POST", "--route", "/api/feed-imports", "--value-object", "FeedUrl:url", "--capability", "external-call", "--response", "importId"],
    must: ["| capability-external-call-url |", "refused when it points at a private, loopback or link-local address"],
    mustNot: ["| capability-external-call-webhook-ping |", "verification ping", "echoes the challenge"],
  },
  // ...and a partner API on configured hosts keeps its allow-list, its credentials and its question on systems and SLAs.
  "Charge a saved card": {
    flags: ["--summary", "Charge the customer's saved card through the payment provider", "--context", "Billing", "--method", "POST", "--route", "/api/orders/:orderId/charges", "--resource", "Order", "--relation", "owner", "--value-object", "OrderId:uuid@path", "--capability", "external-call"],
    must: ["| capability-external-call-fixed-hosts |", "allow-list of hosts configured for each external system", "Which external systems, what are their rate limits and SLAs, and which of their calls are idempotent?", "Credentials for the external system come from the secret store"],
    mustNot: ["| capability-external-call-webhook-ping |", "| capability-external-call-url |", "verification ping", "Which calls to the URL are idempotent"],
  },
  // X2: a POST under /me whose last segment is an action on an existing record of the caller's creates nothing: a
  // change, 200, no new aggregate, no Location.
  "Confirm my new email": {
    flags: ["--summary", "The signed-in user confirms the new email address with the code that was sent to it", "--context", "Identity", "--method", "POST", "--route", "/api/me/email/confirm", "--value-object", "Code:pattern([0-9]{6})", "--event", "EmailChanged:userId"],
    must: ["| flow-change |", "| 200 | Done"],
    mustNot: ["saves the new aggregate", "Location names the new resource", "respond 201", "| flow-create |"],
  },
  "Rotate my API key": {
    flags: ["--summary", "The signed-in user rotates one of their API keys; the new key is shown once", "--context", "Identity", "--method", "POST", "--route", "/api/me/api-keys/:keyId/rotate", "--value-object", "KeyId:uuid@path", "--response", "apiKey", "--event", "ApiKeyRotated:keyId"],
    must: ["| flow-change |", "| 200 | Done"],
    mustNot: ["saves the new aggregate", "Location names the new resource", "respond 201", "| flow-create |"],
  },
  "Resend my verification email": {
    flags: ["--summary", "The signed-in user asks for the verification email again", "--context", "Identity", "--method", "POST", "--route", "/api/me/email/resend-verification", "--capability", "sends-message-email", "--rate-limit", "3/1h"],
    must: ["| flow-change |"],
    mustNot: ["saves the new aggregate", "Location names the new resource", "| flow-create |"],
  },
  // ...while a POST to a collection under /me, or under a named resource, creates: 201 with Location.
  "Create my API key": {
    flags: ["--summary", "The signed-in user creates an API key; it is shown once", "--context", "Identity", "--method", "POST", "--route", "/api/me/api-keys", "--value-object", "Label:string(1..50)", "--response", "keyId,apiKey", "--event", "ApiKeyCreated:keyId"],
    must: ["| flow-create |", "saves the new aggregate", "Location names the new resource"],
    mustNot: ["| flow-change |"],
  },
  "Invite a colleague to a team": {
    flags: ["--summary", "A team admin invites a colleague by email", "--context", "Teams", "--method", "POST", "--route", "/api/teams/:teamId/invitations", "--resource", "Team", "--relation", "admin", "--value-object", "TeamId:uuid@path", "--value-object", "Email:email", "--pii", "email", "--event", "InvitationSent:invitationId"],
    must: ["| flow-create |", "Location"],
    mustNot: ["| flow-change |"],
  },
};

describeFit(CASES, "fix15c: each plan says what its kind of feature needs, and nothing false for it");
