// Group commit for first saves of reports. When a province's departments submit together, each new
// report on its own would be a transaction of its own: BEGIN, three inserts, a turn of the audit chain's
// lock and a COMMIT. Here the saves that arrive while one transaction is being written wait for it and
// then go in together, one transaction for all of them (appendFirstRevisions): under load a batch grows
// to whatever arrived meanwhile, and a lone save is written at once. Nothing is answered before its
// transaction has committed.

import type { Actor } from "../db/audit-repository.ts";
import {
  type AppendOutcome,
  type AppendRevision,
  appendFirstRevisions,
  appendRevision,
} from "../db/reports-repository.ts";
import type { Db } from "./reporting-context.ts";

/** Keeps one statement well under both dialects' limits on parameters. */
const MAX_BATCH = 100;
const LINGER_MS = 2;

interface Waiting {
  actor: Actor;
  input: AppendRevision;
  resolve: (outcome: AppendOutcome) => void;
  reject: (error: unknown) => void;
}

interface Queue {
  waiting: Waiting[];
  writing: boolean;
}

const queues = new WeakMap<Db, Queue>();

/** A first save (no base revision), written together with the others waiting on the same database. */
export function appendFirstRevisionBatched(
  db: Db,
  actor: Actor,
  input: AppendRevision,
): Promise<AppendOutcome> {
  // Inside a caller's transaction the save belongs to that transaction.
  if (db.isTransaction) return appendRevision(db, actor, input);
  let queue = queues.get(db);
  if (!queue) {
    queue = { waiting: [], writing: false };
    queues.set(db, queue);
  }
  const done = new Promise<AppendOutcome>((resolve, reject) => {
    queue.waiting.push({ actor, input, resolve, reject });
  });
  if (!queue.writing) {
    queue.writing = true;
    // After this turn of the event loop: the saves parsed from other connections in the same turn
    // join this one's transaction.
    setImmediate(() => void drain(db, queue));
  }
  return done;
}

async function drain(db: Db, queue: Queue): Promise<void> {
  try {
    while (queue.waiting.length > 0) {
      const batch = queue.waiting.splice(0, MAX_BATCH);
      await write(db, batch);
      // Under load (saves came in while one was written), wait a moment longer for more to join:
      // fewer, fuller transactions, at the cost of LINGER_MS on each.
      if (batch.length > 1 && queue.waiting.length > 0 && queue.waiting.length < MAX_BATCH)
        await new Promise((r) => setTimeout(r, LINGER_MS));
    }
  } finally {
    queue.writing = false;
  }
}

async function write(db: Db, batch: Waiting[]): Promise<void> {
  let results: Awaited<ReturnType<typeof appendFirstRevisions>>;
  try {
    results = await appendFirstRevisions(db, batch);
  } catch {
    // One bad row fails the whole statement: write each alone, so that only it fails.
    for (const w of batch) {
      try {
        w.resolve(await appendRevision(db, w.actor, w.input));
      } catch (error) {
        w.reject(error);
      }
    }
    return;
  }
  for (const [i, result] of results.entries()) {
    const w = batch[i] as Waiting;
    if (result.ok) w.resolve(result.value);
    else w.reject(result.error);
  }
}
