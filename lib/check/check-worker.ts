/** A worker of check-parallel.ts: takes batches of plans until none is left, and sends back each one's findings. */
import { parentPort, workerData } from "node:worker_threads";
import { type CheckJob, takeBatches } from "./check-parallel.js";

takeBatches(workerData as CheckJob, (result) => parentPort!.postMessage(result));
