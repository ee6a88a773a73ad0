// The HTTP application, built from its dependencies and never listening: `plantrack serve` listens,
// tests call inject().

import { readFileSync } from "node:fs";
import fastifyMultipart from "@fastify/multipart";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import type { Kysely } from "kysely";
import type { DialectName } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import type { ExtractPlanFn } from "../services/import-plan.ts";
import { MAX_DOCUMENT_BYTES } from "../services/read-document.ts";
import { installErrorHandlers } from "./error-handler.ts";
import { SHARED_SCHEMAS } from "./routes/common-schemas.ts";
import { healthRoute } from "./routes/health-route.ts";
import { importRoute } from "./routes/import-route.ts";
import { nodesRoutes } from "./routes/nodes-routes.ts";
import { plansRoutes } from "./routes/plans-routes.ts";
import type { RouteDeps } from "./routes/route-deps.ts";
import { targetsRoutes } from "./routes/targets-routes.ts";
import { installWeb } from "./static-web.ts";

export interface AppDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The plan reader: extractPlan (src/extract/extract-plan.ts); tests pass a stand-in. */
  extract: ExtractPlanFn;
  /** The built web app (web/dist); nothing is served at / when absent. */
  webDist?: string | null;
  logger?: FastifyServerOptions["logger"];
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy?: boolean;
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: deps.trustProxy ?? false,
    // Unknown fields in a body are refused (a typo must not be a silent no-op), not stripped.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  installErrorHandlers(app, { uploadLimitBytes: MAX_DOCUMENT_BYTES });
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);

  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10, fieldSize: 4096, parts: 12 },
  });

  const version = packageVersion();
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "PlanTrack API",
        description:
          "国民经济和社会发展计划的导入、审核与跟踪 / importing, reviewing and tracking a development plan",
        version,
      },
      tags: [
        { name: "plans", description: "计划 / plans" },
        { name: "targets", description: "指标 / targets" },
        { name: "outline", description: "提纲 / outline" },
        { name: "system", description: "系统 / system" },
      ],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  const routeDeps: RouteDeps = {
    db: deps.db,
    dialect: deps.dialect,
    extract: deps.extract,
    version,
  };
  await app.register(healthRoute, routeDeps);
  await app.register(plansRoutes, routeDeps);
  await app.register(importRoute, routeDeps);
  await app.register(targetsRoutes, routeDeps);
  await app.register(nodesRoutes, routeDeps);

  await installWeb(app, deps.webDist);
  return app;
}
