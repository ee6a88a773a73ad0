import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  createChannel,
  planChannels,
  planDeliveries,
  reminderSettings,
  removeChannel,
  testChannel,
  updateReminderSettings,
} from "../../services/reminder-channels.ts";
import {
  createChannelSchema,
  deleteChannelSchema,
  getReminderSettingsSchema,
  listChannelsSchema,
  listDeliveriesSchema,
  putReminderSettingsSchema,
  testChannelSchema,
} from "./channels-schemas.ts";
import { actorOf, type RouteDeps } from "./route-deps.ts";

export const channelsRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;
  app.get("/api/plans/:id/channels", { schema: listChannelsSchema }, async (request) => ({
    channels: await planChannels(db, request.params.id),
  }));
  app.post("/api/plans/:id/channels", { schema: createChannelSchema }, async (request, reply) =>
    reply.status(201).send(await createChannel(db, actorOf(request), request.params.id, request.body)),
  );
  app.delete(
    "/api/plans/:id/channels/:channelId",
    { schema: deleteChannelSchema },
    async (request, reply) => {
      await removeChannel(db, actorOf(request), request.params.id, request.params.channelId);
      return reply.status(204).send(null);
    },
  );
  app.post("/api/plans/:id/channels/:channelId/test", { schema: testChannelSchema }, async (request) =>
    testChannel(db, request.params.id, request.params.channelId, { smtp: deps.smtp ?? null }),
  );
  app.get("/api/plans/:id/deliveries", { schema: listDeliveriesSchema }, async (request) => ({
    deliveries: await planDeliveries(db, request.params.id),
  }));
  app.get("/api/plans/:id/reminder-settings", { schema: getReminderSettingsSchema }, async (request) =>
    reminderSettings(db, request.params.id),
  );
  app.put("/api/plans/:id/reminder-settings", { schema: putReminderSettingsSchema }, async (request) =>
    updateReminderSettings(db, actorOf(request), request.params.id, request.body),
  );
};
