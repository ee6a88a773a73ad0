// The five-year plan (issue 17): its indicators judged as of a year, their yearly values (entered,
// imported, taken from a linked annual target's report), and the links from annual plans' targets.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { changePlanKind, fiveYearView } from "../../services/five-year.ts";
import { applyYearlyValues, previewYearlyValues } from "../../services/five-year-import.ts";
import {
  confirmLinks,
  linkSuggestions,
  linkToIndicator,
  unlinkFromIndicator,
} from "../../services/five-year-links.ts";
import {
  enterYearlyValue,
  yearlyValueFromReport,
  yearlyValueHistory,
} from "../../services/five-year-values.ts";
import { requestLang } from "../request-lang.ts";
import { readSheet } from "./documents-routes.ts";
import {
  confirmLinksSchema,
  fiveYearViewSchema,
  linkIndicatorSchema,
  linkSuggestionsSchema,
  planKindSchema,
  unlinkIndicatorSchema,
  yearlyValueFromReportSchema,
  yearlyValueHistorySchema,
  yearlyValueSchema,
  yearlyValuesApplySchema,
  yearlyValuesPreviewSchema,
} from "./five-year-schemas.ts";
import { actorOf, principalOf, type RouteDeps } from "./route-deps.ts";

export const fiveYearRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db, jobs }) => {
  app.get("/api/plans/:id/five-year", { schema: fiveYearViewSchema }, async (request) =>
    fiveYearView(db, principalOf(request), request.params.id, request.query.year, requestLang(request)),
  );
  app.post("/api/plans/:id/kind", { schema: planKindSchema }, async (request) =>
    changePlanKind(db, actorOf(request), request.params.id, request.body),
  );
  app.post("/api/targets/:id/yearly-values", { schema: yearlyValueSchema }, async (request) =>
    enterYearlyValue(
      db,
      principalOf(request),
      actorOf(request),
      request.params.id,
      request.body,
      requestLang(request),
    ),
  );
  app.get("/api/targets/:id/yearly-values", { schema: yearlyValueHistorySchema }, async (request) =>
    yearlyValueHistory(db, request.params.id),
  );
  app.post(
    "/api/targets/:id/yearly-values/from-report",
    { schema: yearlyValueFromReportSchema },
    async (request) =>
      yearlyValueFromReport(db, actorOf(request), request.params.id, request.body, requestLang(request)),
  );
  app.post("/api/plans/:id/yearly-values/preview", { schema: yearlyValuesPreviewSchema }, async (request) => {
    const upload = await readSheet(request);
    return previewYearlyValues(
      db,
      request.params.id,
      upload.bytes,
      upload.fileName,
      requestLang(request),
      jobs,
    );
  });
  app.post("/api/plans/:id/yearly-values/apply", { schema: yearlyValuesApplySchema }, async (request) =>
    applyYearlyValues(db, actorOf(request), request.params.id, request.body),
  );
  app.post("/api/targets/:id/five-year-link", { schema: linkIndicatorSchema }, async (request) =>
    linkToIndicator(db, actorOf(request), request.params.id, request.body),
  );
  app.delete("/api/targets/:id/five-year-link", { schema: unlinkIndicatorSchema }, async (request) =>
    unlinkFromIndicator(db, actorOf(request), request.params.id),
  );
  app.get("/api/plans/:id/five-year-links/suggestions", { schema: linkSuggestionsSchema }, async (request) =>
    linkSuggestions(db, request.params.id, request.query.fiveYearPlanId, requestLang(request)),
  );
  app.post("/api/plans/:id/five-year-links", { schema: confirmLinksSchema }, async (request) =>
    confirmLinks(db, actorOf(request), request.params.id, request.body),
  );
};
