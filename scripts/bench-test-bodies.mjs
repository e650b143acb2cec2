// Part of `npm run bench` (issue 17): the share of each plan's generated tests that have a body (a real
// assertion, or a pending test against the handler contract), read from the plans of dissimilar use-cases.
// Tests whose todo says it needs infrastructure (a deployed service, load) are counted apart: the target
// (>= 85%) is the share among the tests that can run on the ports' in-memory fakes. The use-cases: the golden
// examples, the six dissimilar ones of __tests__/fixtures/use-cases.answers.json and one per capability
// (__tests__/fixtures/capabilities.answers.json).
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** One plan's counts, from its test table and its list of what each todo needs. */
export function bodyShare(plan) {
  const rows = plan.split("\n").filter((l) => /^\| (SEC|DOM|INT|PERF)-\d+ \|/.test(l));
  const todo = rows.filter((r) => / \(todo\) \|/.test(r)).length;
  const infrastructure = (plan.match(/^- [A-Z]+-\d+ \(infrastructure\): /gm) ?? []).length;
  return { tests: rows.length, withBody: rows.length - todo, infrastructure, share: (rows.length - todo) / rows.length, shareWithoutInfrastructure: (rows.length - todo) / (rows.length - infrastructure) };
}

/**
 * Capabilities whose tests need real infrastructure beyond the ports (an HTTP client against a real host,
 * uploaded bytes and a malware scanner): the >= 85% target is not for use-cases that have them. Sending a
 * message is within the ports: the request puts it in the outbox, and the send job renders it and hands it to
 * the message port (MessageSender), whose in-memory fake records what was sent.
 */
export const BEYOND_PORTS = {
  "external-call": "an HTTP client against real hosts (timeouts, redirects, name resolution)",
  "file-upload": "uploaded bytes, a malware scanner and the HTTP edge's size limit",
};

/** The answers files the bench reads, relative to the repository. */
export const SHARE_ANSWERS = ["examples/request-password-reset.answers.json", "examples/export-recording.answers.json", "__tests__/fixtures/use-cases.answers.json", "__tests__/fixtures/capabilities.answers.json"];

/** Plans the use-cases of the answers files into `tmp` with the built CLI and returns each plan's counts. */
export function planShares(bin, tmp, answersFiles) {
  const dest = path.join(tmp, "body-shares");
  const answers = path.join(tmp, "body-shares.json");
  const all = answersFiles.flatMap((f) => [JSON.parse(readFileSync(f, "utf8"))].flat());
  // One plan per use-case name, the first file's: the examples and the fixtures may hold the same name.
  const byName = new Map();
  for (const a of all) if (!byName.has(a.name)) byName.set(a.name, a);
  writeFileSync(answers, JSON.stringify([...byName.values()]));
  execFileSync("node", [bin, "plan", "--answers", answers, "--dest", dest, "--format", "never", "--date", "2026-01-01"], { stdio: "ignore" });
  const plansDir = path.join(dest, "docs/features/api");
  const capabilities = new Map([...byName.values()].map((a) => [a.name.replace(/(^|\s+)(\p{L})/gu, (_, _s, c) => c.toUpperCase()).replace(/\s+/g, ""), a.capabilities ?? []]));
  return readdirSync(plansDir).sort().map((uc) => {
    const caps = capabilities.get(uc) ?? [];
    const beyond = caps.filter((c) => c in BEYOND_PORTS);
    return { useCase: uc, capabilities: caps, beyondPorts: beyond, ...bodyShare(readFileSync(path.join(plansDir, uc, `${uc}-plan.md`), "utf8")) };
  });
}

/** The shares of planShares() as a Markdown table. */
export function testBodyShares(bin, tmp, answersFiles) {
  const rows = planShares(bin, tmp, answersFiles).map((s) => {
    const target = s.beyondPorts.length ? `no: needs ${s.beyondPorts.map((c) => BEYOND_PORTS[c]).join("; ")}` : s.shareWithoutInfrastructure >= 0.85 ? "yes, met" : "yes, NOT met";
    return `| ${s.useCase} | ${s.capabilities.join(", ") || "none"} | ${s.tests} | ${s.withBody} | ${s.infrastructure} | ${(100 * s.share).toFixed(0)}% | ${(100 * s.shareWithoutInfrastructure).toFixed(0)}% | ${target} |`;
  });
  // Tests that need real infrastructure (storage, providers, every store of an erasure, load) are counted apart: the target is among the others.
  return ["| use-case | capabilities | tests | with a body | need infrastructure | share with a body | share without those needing infrastructure | target >= 85% applies |", "| --- | --- | --- | --- | --- | --- | --- | --- |", ...rows].join("\n");
}
