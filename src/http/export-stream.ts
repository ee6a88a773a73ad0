// Streaming an export without ever answering "200, here is all of it" with a part of it. The first
// chunks are read before the answer starts, so a query that fails at once (a bad filter, the database
// away) is an error answer with its status; a failure later, once the 200 and some rows are out,
// aborts the connection (Fastify destroys the socket of a failed stream), so the client sees a broken
// download — no final chunk — and never takes a cut file for a whole one.

import { Readable } from "node:stream";

/** `head`: how many chunks must be read before the answer starts (the CSV header and the first page). */
export async function startExport(chunks: AsyncIterable<string>, head = 2): Promise<Readable> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first: string[] = [];
  let done = false;
  while (!done && first.length < head) {
    const next = await iterator.next();
    if (next.done) done = true;
    else first.push(next.value);
  }
  async function* all(): AsyncGenerator<string> {
    try {
      yield* first;
      while (!done) {
        const next = await iterator.next();
        if (next.done) done = true;
        else yield next.value;
      }
    } finally {
      // A client that went away ends the export's queries too.
      if (!done) await iterator.return?.();
    }
  }
  // One chunk read ahead at a time: a slow client holds back the queries, not the memory.
  return Readable.from(all(), { highWaterMark: 1 });
}
