// The app as route tests build it: over the test database, the fixture extractor, fast password
// hashing, no reminder webhook.

import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { DialectName } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { type AppDeps, buildApp } from "../http/build-app.ts";
import { TEST_AUTH } from "./auth-helpers.ts";
import { fixtureExtract } from "./plan-draft-fixture.ts";

export function testApp(
  db: Kysely<Database>,
  dialect: DialectName,
  /** What a test sets apart from these (the job pool of the server). */
  more: Partial<AppDeps> = {},
): Promise<FastifyInstance> {
  return buildApp({
    db,
    dialect,
    extract: fixtureExtract,
    auth: TEST_AUTH,
    reminderWebhookUrl: null,
    ...more,
  });
}
