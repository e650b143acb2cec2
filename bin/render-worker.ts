/**
 * A render thread of a batch (lib/run/render-worker.ts), bundled by the build into
 * dist/bin/mjoplan-render.cjs: the generators and what rendering needs, without the CLI.
 */
import { parentPort, workerData } from "node:worker_threads";
import { generators } from "../generators/index.js";
import { serveRenders } from "../lib/run/render-worker.js";
import type { WorkerSetup } from "../lib/run/render-threads.js";

if (parentPort) serveRenders(generators, parentPort, workerData as WorkerSetup);
