import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { ReportSubjectKind } from "../../contract/reports.ts";
import {
  decideExtension,
  myDue,
  planDue,
  planExtensions,
  planReminders,
  readReminder,
  requestExtension,
  sendReminder,
} from "../../services/chasing.ts";
import { planStatus, targetEvaluation } from "../../services/plan-status.ts";
import {
  listPlanReports,
  listTargetReports,
  planSettings,
  reportDetail,
  reviewReport,
  saveReport,
  setTargetPlanned,
  targetPlanned,
  updatePlanSettings,
} from "../../services/reporting.ts";
import {
  decideExtensionSchema,
  getPlannedSchema,
  getReportSchema,
  getSettingsSchema,
  listExtensionsSchema,
  listPlanReportsSchema,
  listRemindersSchema,
  listTargetReportsSchema,
  myDueSchema,
  planDueSchema,
  planStatusSchema,
  putPlannedSchema,
  putSettingsSchema,
  readReminderSchema,
  requestExtensionSchema,
  reviewReportSchema,
  saveReportSchema,
  sendReminderSchema,
  targetEvaluationSchema,
} from "./reporting-schemas.ts";
import { actorOf, principalOf, type RouteDeps } from "./route-deps.ts";

export const reportingRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;

  app.get("/api/plans/:id/settings", { schema: getSettingsSchema }, async (request) =>
    planSettings(db, request.params.id),
  );
  app.put("/api/plans/:id/settings", { schema: putSettingsSchema }, async (request) =>
    updatePlanSettings(db, actorOf(request), request.params.id, request.body),
  );
  app.get("/api/targets/:id/planned", { schema: getPlannedSchema }, async (request) =>
    targetPlanned(db, request.params.id),
  );
  app.put("/api/targets/:id/planned", { schema: putPlannedSchema }, async (request) =>
    setTargetPlanned(db, actorOf(request), request.params.id, request.body),
  );

  app.get("/api/plans/:id/reports", { schema: listPlanReportsSchema }, async (request) => ({
    reports: await listPlanReports(db, principalOf(request), request.params.id, request.query),
  }));
  app.get("/api/targets/:id/reports", { schema: listTargetReportsSchema }, async (request) => ({
    reports: await listTargetReports(db, principalOf(request), request.params.id),
  }));
  app.get("/api/reports/:id", { schema: getReportSchema }, async (request) =>
    reportDetail(db, principalOf(request), request.params.id),
  );
  const subjects: [string, ReportSubjectKind][] = [
    ["targets", "target"],
    ["nodes", "node"],
    ["items", "item"],
  ];
  for (const [path, kind] of subjects) {
    app.put(`/api/${path}/:id/reports/:period`, { schema: saveReportSchema }, async (request) =>
      saveReport(
        db,
        actorOf(request),
        principalOf(request),
        kind,
        request.params.id,
        request.params.period,
        request.body,
      ),
    );
  }
  app.post("/api/reports/:id/review", { schema: reviewReportSchema }, async (request) =>
    reviewReport(db, actorOf(request), principalOf(request), request.params.id, request.body),
  );

  app.get("/api/plans/:id/status", { schema: planStatusSchema }, async (request) =>
    planStatus(db, request.params.id, request.query.asOf),
  );
  app.get("/api/targets/:id/evaluation", { schema: targetEvaluationSchema }, async (request) =>
    targetEvaluation(db, request.params.id, request.query.asOf, principalOf(request)),
  );

  app.get("/api/me/due", { schema: myDueSchema }, async (request) =>
    myDue(db, principalOf(request), request.query.asOf),
  );
  app.get("/api/plans/:id/due", { schema: planDueSchema }, async (request) =>
    planDue(db, request.params.id, request.query.asOf, principalOf(request)),
  );
  app.get("/api/plans/:id/reminders", { schema: listRemindersSchema }, async (request) => ({
    reminders: await planReminders(db, principalOf(request), request.params.id),
  }));
  app.post("/api/plans/:id/reminders", { schema: sendReminderSchema }, async (request, reply) => {
    const reminder = await sendReminder(db, actorOf(request), request.params.id, request.body, {
      webhookUrl: deps.reminderWebhookUrl,
    });
    return reply.status(201).send(reminder);
  });
  app.post("/api/reminders/:id/read", { schema: readReminderSchema }, async (request, reply) => {
    await readReminder(db, actorOf(request), principalOf(request), request.params.id);
    return reply.status(204).send(null);
  });
  app.get("/api/plans/:id/extensions", { schema: listExtensionsSchema }, async (request) => ({
    extensions: await planExtensions(db, principalOf(request), request.params.id),
  }));
  app.post("/api/plans/:id/extensions", { schema: requestExtensionSchema }, async (request, reply) => {
    const view = await requestExtension(
      db,
      actorOf(request),
      principalOf(request),
      request.params.id,
      request.body,
    );
    return reply.status(201).send(view);
  });
  app.post("/api/extensions/:id/decision", { schema: decideExtensionSchema }, async (request) =>
    decideExtension(db, actorOf(request), principalOf(request), request.params.id, request.body),
  );
};
