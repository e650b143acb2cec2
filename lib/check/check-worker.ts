/** A worker of check-parallel.ts: takes the batches of plans sent to it until none is left, and sends back each one's results. */
import { parentPort, workerData } from "node:worker_threads";
import { type WorkerJob, type WorkerMessage, serveBatches } from "./check-parallel.js";

const port = parentPort!;
port.on("message", serveBatches(workerData as WorkerJob, (result) => port.postMessage(result), () => port.close()) as (message: WorkerMessage) => void);
