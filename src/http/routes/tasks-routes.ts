import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import type { CloseRequestBody, TaskProgressRequest } from "../../contract/tasks.ts";
import { MAX_ATTACHMENT_BYTES } from "../../domain/attachment-types.ts";
import { attachmentTooLarge } from "../../services/attachments.ts";
import {
  acknowledgeTask,
  decideTaskAdjustment,
  plannerTaskStep,
  reportTaskProgress,
  requestTaskAdjustment,
  requestTaskClose,
} from "../../services/task-steps.ts";
import { bulkPatchTasks, listTasks, patchTask, planAdjustments, taskDetail } from "../../services/tasks.ts";
import { bodyValidator } from "../request-validator.ts";
import { readBodyWithFiles } from "./read-upload.ts";
import { actorOf, principalOf, type RouteDeps } from "./route-deps.ts";
import {
  acknowledgeSchema,
  adjustRequestSchema,
  bulkTasksSchema,
  CloseRequestBodySchema,
  closeRequestSchema,
  closeSchema,
  decisionSchema,
  listAdjustmentsSchema,
  listTasksSchema,
  ProgressBodySchema,
  patchTaskSchema,
  progressSchema,
  reasonStepSchema,
  taskDetailSchema,
} from "./tasks-schemas.ts";

const MAX_FILES = 10;
const progressBody = bodyValidator<TaskProgressRequest>(ProgressBodySchema);
const closeRequestBody = bodyValidator<CloseRequestBody>(CloseRequestBodySchema);

/** The JSON of a step and its 证明材料, checked like any body; a file over the limit is named. */
async function withFiles<T>(request: FastifyRequest, check: (value: unknown) => T) {
  const { body, files } = await readBodyWithFiles(request, {
    fileSize: MAX_ATTACHMENT_BYTES,
    maxFiles: MAX_FILES,
    tooLarge: (fileName) => attachmentTooLarge(fileName),
  });
  return { body: check(body), files };
}

export const tasksRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.get("/api/plans/:id/tasks", { schema: listTasksSchema }, async (request) =>
    listTasks(db, principalOf(request), request.params.id, request.query),
  );
  app.patch("/api/plans/:id/tasks", { schema: bulkTasksSchema }, async (request) =>
    bulkPatchTasks(db, actorOf(request), request.params.id, request.body.changes),
  );
  app.get("/api/plans/:id/adjustments", { schema: listAdjustmentsSchema }, async (request) =>
    planAdjustments(db, principalOf(request), request.params.id, request.query.state),
  );
  app.get("/api/tasks/:id", { schema: taskDetailSchema }, async (request) =>
    taskDetail(db, principalOf(request), request.params.id, request.query.asOf),
  );
  app.patch("/api/tasks/:id", { schema: patchTaskSchema }, async (request) =>
    patchTask(db, actorOf(request), principalOf(request), request.params.id, request.body),
  );
  app.post("/api/tasks/:id/acknowledge", { schema: acknowledgeSchema }, async (request) =>
    acknowledgeTask(db, actorOf(request), principalOf(request), request.params.id),
  );
  app.post("/api/tasks/:id/progress", { schema: progressSchema }, async (request, reply) => {
    const { body, files } = await withFiles(request, progressBody);
    const view = await reportTaskProgress(
      db,
      actorOf(request),
      principalOf(request),
      request.params.id,
      body,
      files,
    );
    return reply.status(201).send(view);
  });
  app.post("/api/tasks/:id/close-request", { schema: closeRequestSchema }, async (request) => {
    const { body, files } = await withFiles(request, closeRequestBody);
    return requestTaskClose(db, actorOf(request), principalOf(request), request.params.id, body, files);
  });
  app.post("/api/tasks/:id/close", { schema: closeSchema }, async (request) =>
    plannerTaskStep(db, actorOf(request), principalOf(request), request.params.id, "close", request.body),
  );
  app.post(
    "/api/tasks/:id/close-return",
    { schema: reasonStepSchema("退回办结申请 / send a close request back") },
    async (request) =>
      plannerTaskStep(
        db,
        actorOf(request),
        principalOf(request),
        request.params.id,
        "close-return",
        request.body,
      ),
  );
  app.post("/api/tasks/:id/stop", { schema: reasonStepSchema("中止任务 / stop a task") }, async (request) =>
    plannerTaskStep(db, actorOf(request), principalOf(request), request.params.id, "stop", request.body),
  );
  app.post("/api/tasks/:id/adjust-request", { schema: adjustRequestSchema }, async (request, reply) => {
    const view = await requestTaskAdjustment(
      db,
      actorOf(request),
      principalOf(request),
      request.params.id,
      request.body,
    );
    return reply.status(201).send(view);
  });
  app.post("/api/adjustments/:id/decision", { schema: decisionSchema }, async (request) =>
    decideTaskAdjustment(db, actorOf(request), principalOf(request), request.params.id, request.body),
  );
};
