// The ceiling of the submission benchmark: a bare Fastify process whose one route inserts one row into
// the same database the app uses (no session, no validation, no audit). `plantrack serve` can be no
// faster than this on the same machine; the benchmark reports the app as a share of it.
//   node bin/run-ts.mjs bench/ceiling-server.ts --port N   (database from DATABASE_URL / PLANTRACK_DB)

import { randomUUID } from "node:crypto";
import Fastify from "fastify";
import { databaseConfigFromEnv, openDatabase } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { insertProbeRow } from "../src/db/probe-repository.ts";

const portArg = process.argv.indexOf("--port");
const port = Number(portArg >= 0 ? process.argv[portArg + 1] : 0);
const store = openDatabase(databaseConfigFromEnv(process.env, process.cwd()));
await migrateToLatest(store.db);
const app = Fastify({ logger: false });
app.get("/health", async () => ({ ok: true }));
app.put<{ Params: { n: string }; Body: { value?: number } }>("/bare/:n", async (request) => {
  await insertProbeRow(
    store.db,
    `${request.params.n}.${randomUUID()}`,
    String(request.body?.value ?? 0),
    new Date().toISOString(),
  );
  return { ok: true };
});
const close = async () => {
  await app.close();
  await store.close();
  process.exit(0);
};
process.once("SIGTERM", close);
process.once("SIGINT", close);
await app.listen({ port, host: "127.0.0.1" });
