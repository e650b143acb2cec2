/**
 * What a use-case's name proposes at the prompts, from a new user's seventh trial (TRIAL7 U15): "my" moves the endpoint
 * under /api/me on the caller's own whatever the verb, and the plans those defaults give are the caller's own.
 */
import { describe, expect, it } from "@jest/globals";
import { nameDefaultsOf } from "../generators/plan/name-defaults.js";
import { describeFit, type FitCase } from "./support/fit.js";

/** The flags an interactive Enter-through would give a name (its method, route and resource). */
const byName = (name: string): string[] => {
  const d = nameDefaultsOf(name)!;
  return ["--method", d.method, "--route", d.route, ...(d.resource ? ["--resource", d.resource] : [])];
};

describe('"my" in a name puts the endpoint under /api/me, whatever the verb (TRIAL7 U15)', () => {
  it.each([
    ["Upload my avatar", { method: "PUT", route: "/api/me/avatar", resource: "Avatar" }],
    ["Set my status", { method: "PUT", route: "/api/me/status", resource: "Status" }],
    ["Rotate my API key", { method: "POST", route: "/api/me/api-key/rotate", resource: "ApiKey" }],
    ["Transfer money between my accounts", { method: "POST", route: "/api/me/transfers" }],
    ["Export my data", { method: "POST", route: "/api/me/exports" }],
    ["Download my invoice", { method: "GET", route: "/api/me/invoice", resource: "Invoice" }],
    ["Add a card to my wallet", { method: "POST", route: "/api/me/wallet/cards", resource: "Wallet" }],
    ["List invoices of my team", { method: "GET", route: "/api/me/team/invoices", resource: "Team" }],
    // ...while the verbs it knew keep their defaults, with "my" and without.
    ["Cancel my subscription", { method: "POST", route: "/api/me/subscription/cancel", resource: "Subscription" }],
    ["Delete my account", { method: "DELETE", route: "/api/me/account", resource: "Account" }],
    ["List invoices of a team", { method: "GET", route: "/api/teams/:teamId/invoices", resource: "Team" }],
    ["Search products", { method: "GET", route: "/api/products", resource: "Product" }],
  ])("%s", (name, expected) => {
    expect(nameDefaultsOf(name)).toEqual(expected);
  });

  it.each(["Book room", "Request password reset", "Rotate API key", "Transfer money between accounts"])("%s: no \"my\" and no verb it knows, the documented defaults stand", (name) => {
    expect(nameDefaultsOf(name)).toBeUndefined();
  });
});

const CASES: Record<string, FitCase> = {
  // Enter at every prompt: the caller's own key, found by the credential, changed where it is.
  "Rotate my API key": {
    flags: byName("Rotate my API key"),
    must: ["POST /api/me/api-key/rotate", "The caller's own ApiKey is found by the caller's id from the credential alone", "The handler loads the record, applies the change and saves it"],
    mustNot: ["saves the new aggregate", "/api/rotate-my-api-key"],
  },
  "Upload my avatar": {
    flags: [...byName("Upload my avatar"), "--capability", "file-upload"],
    must: ["PUT /api/me/avatar", "The caller's own Avatar is found by the caller's id from the credential alone"],
    mustNot: ["/api/upload-my-avatar"],
  },
  "Transfer money between my accounts": {
    flags: [...byName("Transfer money between my accounts"), "--value-object", "FromAccountId:uuid", "--value-object", "ToAccountId:uuid"],
    must: ["POST /api/me/transfers"],
    mustNot: ["/api/transfer-money-between-my-accounts"],
  },
};

describeFit(CASES, "the plans a name's defaults give are the caller's own (TRIAL7 U15)");
