// One worker thread of the job pool: takes a job, runs it (job-handlers.ts), answers with the output
// or with the error as plain data. One job at a time: the pool sends the next only after the answer.

import { parentPort } from "node:worker_threads";
import { isAppError } from "../domain/app-error.ts";
import { isJobName, JOB_HANDLERS, type JobInput, type JobName } from "./job-handlers.ts";
import type { WorkerReply } from "./job-pool.ts";

interface JobMessage {
  id: number;
  name: unknown;
  input: unknown;
}

function errorReply(id: number, error: unknown): WorkerReply {
  if (isAppError(error))
    return {
      id,
      ok: false,
      error: { code: error.code, text: error.text, message: error.message, details: error.details },
    };
  const message = error instanceof Error ? error.message : String(error);
  return { id, ok: false, error: { code: null, text: null, message, details: null } };
}

async function runOne<K extends JobName>(name: K, input: JobInput<K>): Promise<unknown> {
  return (JOB_HANDLERS[name] as (input: JobInput<K>) => Promise<unknown>)(input);
}

parentPort?.on("message", async (message: JobMessage) => {
  let reply: WorkerReply;
  try {
    if (!isJobName(message.name)) throw new Error(`no job named ${String(message.name)}`);
    reply = { id: message.id, ok: true, value: await runOne(message.name, message.input as never) };
  } catch (error) {
    reply = errorReply(message.id, error);
  }
  try {
    parentPort?.postMessage(reply);
  } catch (error) {
    // An answer that cannot be sent (a value that does not clone) is an error of its own.
    parentPort?.postMessage(errorReply(message.id, error));
  }
});
