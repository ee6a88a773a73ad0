// The editor's structural operations (issue 13): thin routes over src/services/plan-structure.ts and
// target-structure.ts.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  addTask,
  archivePlan,
  deletePlan,
  deleteTask,
  mergeTasks,
  splitTask,
} from "../../services/plan-structure.ts";
import { deleteTarget, stopTarget } from "../../services/target-structure.ts";
import { actorOf, type RouteDeps } from "./route-deps.ts";
import {
  addTaskSchema,
  archivePlanSchema,
  deleteNodeSchema,
  deletePlanSchema,
  deleteTargetSchema,
  mergeNodesSchema,
  splitNodeSchema,
  stopTargetSchema,
} from "./structure-schemas.ts";

export const structureRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.delete("/api/plans/:id", { schema: deletePlanSchema }, async (request, reply) => {
    await deletePlan(db, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post("/api/plans/:id/archive", { schema: archivePlanSchema }, async (request) =>
    archivePlan(db, actorOf(request), request.params.id),
  );

  app.post("/api/plans/:id/tasks", { schema: addTaskSchema }, async (request, reply) => {
    const node = await addTask(db, actorOf(request), request.params.id, request.body);
    return reply.status(201).send(node);
  });

  app.post("/api/nodes/:id/split", { schema: splitNodeSchema }, async (request) => ({
    nodes: await splitTask(db, actorOf(request), request.params.id, request.body),
  }));

  app.post("/api/nodes/merge", { schema: mergeNodesSchema }, async (request) =>
    mergeTasks(db, actorOf(request), request.body),
  );

  app.delete("/api/nodes/:id", { schema: deleteNodeSchema }, async (request, reply) => {
    await deleteTask(db, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.delete("/api/targets/:id", { schema: deleteTargetSchema }, async (request, reply) => {
    await deleteTarget(db, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post("/api/targets/:id/stop", { schema: stopTargetSchema }, async (request) =>
    stopTarget(db, actorOf(request), request.params.id, request.body),
  );
};
