/**
 * A public read's answer is cacheable only when it is asked with a GET: HTTP caches keep no POST's answer and no
 * If-None-Match revalidates it (TRIAL8 V4). A public GET's plan promises Cache-Control, an ETag and 304, and its API
 * contract lists them; a public search sent as a POST with a body keeps what is public and its crowd limit, and
 * promises no caching.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  "Get a product by its slug": {
    flags: ["--method", "GET", "--route", "/api/products/:slug", "--auth", "anonymous", "--resource", "Product", "--value-object", "Slug:pattern([a-z0-9-]{1,80})@path"],
    must: ["| access-anonymous-read-cacheable |", "Cache-Control: public with a max-age", "| 304 | If-None-Match matches the answer's ETag", "| Cache-Control, ETag |", "The query returns only what is public"],
    mustNot: [],
  },
  "List published articles": {
    flags: ["--method", "GET", "--route", "/api/articles", "--auth", "anonymous", "--value-object", "PageSize?:int(1..50)", "--value-object", "Cursor?:string(1..300)", "--capability", "pagination", "--response", "items,nextCursor"],
    must: ["| access-anonymous-read-cacheable |", "answers with 304 and no body", "| 304 |"],
    mustNot: [],
  },
  "Search public recipes": {
    flags: ["--method", "POST", "--route", "/api/recipes/search", "--auth", "anonymous", "--resource", "Recipe", "--value-object", "Query:string(1..200)", "--capability", "search"],
    must: ["| access-anonymous-read |", "The query returns only what is public", "per client right for a public read"],
    mustNot: ["access-anonymous-read-cacheable", "Cache-Control: public", "If-None-Match", "| 304 |", "ETag"],
  },
};

describeFit(CASES, "a public read promises caching only where HTTP caches it");
