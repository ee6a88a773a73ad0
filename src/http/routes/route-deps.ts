// What every route plugin gets from buildApp, and the request's actor for the audit log.

import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Actor } from "../../db/audit-repository.ts";
import type { DialectName } from "../../db/database.ts";
import type { Database } from "../../db/schema.ts";
import type { ExtractPlanFn } from "../../services/import-plan.ts";

export interface RouteDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  extract: ExtractPlanFn;
  version: string;
}

/** No sign-in yet (a later issue): changes are attributed to the client's address. */
export function actorOf(request: FastifyRequest): Actor {
  return { userId: null, ip: request.ip };
}
