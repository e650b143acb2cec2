/**
 * Plans true for their use-case (session 13, fix13a): each use-case is planned from its flags, and its plan and code are
 * checked for the statement that was missing or false, beside unlike use-cases for what must stay. All are planned into
 * one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // 1. A public GET whose contract promises an ETag and a 304 (access-anonymous-read-cacheable): its handler makes the
  // ETag of what it read and answers a matching If-None-Match with 304 before the 200, which names its caching headers.
  "Get a product by its slug": {
    flags: ["--method", "GET", "--route", "/api/products/:slug", "--auth", "anonymous", "--resource", "Product", "--value-object", "Slug:pattern([a-z0-9-]{1,80})@path", "--error", "ProductNotFound:404"],
    must: [
      "| 304 | If-None-Match matches the answer's ETag",
      /view = query\.find\(slug\)[^\n]*\n {2}etag = a strong validator of view \(its version, or a hash of the answer\); request If-None-Match lists etag \(weak comparison\), or is \* -> respond 304 with ETag: etag and Cache-Control, no body[^\n]*\n {2}respond 200 with the response fields, Cache-Control: public with a max-age, ETag: etag /,
      "Needs the request's If-None-Match header, which the handler's request type does not carry yet",
    ],
    mustNot: ["Needs the HTTP edge or CDN", /respond 200[^\n]*no-store/],
  },
  // ...a public list's page is its own answer: its ETag is a hash of the page, filters and position included.
  "List published articles": {
    flags: ["--method", "GET", "--route", "/api/articles", "--auth", "anonymous", "--value-object", "PageSize?:int(1..50)", "--value-object", "Cursor?:string(1..300)", "--capability", "pagination", "--response", "items,nextCursor"],
    must: [/nextCursor = [^\n]*\n {2}etag = a strong validator of this answer \(a hash of it, filters and page included\)[^\n]*-> respond 304 [^\n]*\n {2}respond 200 with items, nextCursor, Cache-Control: public with a max-age, ETag: etag /],
    mustNot: [],
  },
  // ...a public search sent as a POST is kept by no cache: no ETag, no 304 in its steps.
  "Search public recipes": {
    flags: ["--method", "POST", "--route", "/api/recipes/search", "--auth", "anonymous", "--resource", "Recipe", "--value-object", "Query:string(1..200)", "--capability", "search"],
    must: ["The query returns only what is public"],
    mustNot: ["etag", "If-None-Match", "| 304 |"],
  },
  // ...a public answer holding personal data is no-store (personal-data-read): it promises no caching at all, where it
  // promised both Cache-Control: public and no-store.
  "Get a speaker profile": {
    flags: ["--method", "GET", "--route", "/api/speakers/:speakerId", "--auth", "anonymous", "--resource", "Speaker", "--pii", "email,fullName", "--response", "fullName,email,bio"],
    must: ["it carries Cache-Control: no-store", "respond 200 with fullName, email, bio, Cache-Control: no-store"],
    mustNot: ["access-anonymous-read-cacheable", "Cache-Control: public", "| 304 |", "etag ="],
  },
  // ...and a signed-in read is the caller's: no shared cache, no ETag step.
  "Get my order": {
    flags: ["--method", "GET", "--route", "/api/me/orders/:orderId", "--resource", "Order", "--value-object", "OrderId:uuid@path"],
    mustNot: ["etag =", "| 304 |", "Cache-Control: public"],
    must: ["respond 200 with"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (fix13a)");
