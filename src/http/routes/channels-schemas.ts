// Schemas of the reminder channels, the delivery log and 自动催报 (issue 14), each checked against its
// interface in src/contract.

import { type Static, Type } from "@sinclair/typebox";
import type {
  ChannelView,
  CreateChannelRequest,
  DeliveryView,
  ReminderSettingsView,
} from "../../contract/reminders.ts";
import { type Same, sameShape } from "../type-check.ts";
import { DepartmentRefSchema, errorResponses, IdParams, Nullable } from "./common-schemas.ts";

const ChannelKind = Type.Union([
  Type.Literal("email"),
  Type.Literal("wecom"),
  Type.Literal("dingtalk"),
  Type.Literal("webhook"),
]);

const ChannelViewSchema = Type.Object({
  id: Type.Integer(),
  planId: Nullable(Type.Integer()),
  department: Nullable(DepartmentRefSchema),
  kind: ChannelKind,
  address: Type.String(),
  hasSecret: Type.Boolean(),
  label: Nullable(Type.String()),
  enabled: Type.Boolean(),
  createdAt: Type.String(),
});
sameShape<Same<Static<typeof ChannelViewSchema>, ChannelView>>();

const CreateChannelSchema = Type.Object(
  {
    departmentId: Nullable(Type.Integer({ minimum: 1 })),
    thisPlanOnly: Type.Boolean(),
    kind: ChannelKind,
    address: Type.String({ minLength: 3, maxLength: 2000 }),
    secret: Nullable(Type.String({ maxLength: 200 })),
    label: Nullable(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof CreateChannelSchema>, CreateChannelRequest>>();

const Level = Type.Union([Type.Literal("reminder"), Type.Literal("yellow"), Type.Literal("red")]);
const DeliveryViewSchema = Type.Object({
  id: Type.Integer(),
  reminderId: Type.Integer(),
  department: Nullable(DepartmentRefSchema),
  level: Level,
  kind: ChannelKind,
  address: Type.String(),
  state: Type.Union([Type.Literal("pending"), Type.Literal("sent"), Type.Literal("failed")]),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  nextAttemptAt: Nullable(Type.String()),
  sentAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
sameShape<Same<Static<typeof DeliveryViewSchema>, DeliveryView>>();

const Days = Nullable(Type.Integer({ minimum: 1, maximum: 366 }));
const ReminderSettingsSchema = Type.Object(
  {
    enabled: Type.Boolean(),
    daysBefore: Days,
    onDay: Type.Boolean(),
    daysAfter: Days,
    yellowAfterDays: Days,
    redAfterDays: Days,
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof ReminderSettingsSchema>, ReminderSettingsView>>();

const tags = ["chasing"];
const ChannelParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  channelId: Type.Integer({ minimum: 1 }),
});

export const listChannelsSchema = {
  summary: "催报渠道：本计划和各部门的邮箱、企业微信、钉钉和网络钩子",
  tags,
  params: IdParams,
  response: { 200: Type.Object({ channels: Type.Array(ChannelViewSchema) }), ...errorResponses },
};

export const createChannelSchema = {
  summary: "添加催报渠道",
  tags,
  params: IdParams,
  body: CreateChannelSchema,
  response: { 201: ChannelViewSchema, ...errorResponses },
};

export const deleteChannelSchema = {
  summary: "删除催报渠道",
  tags,
  params: ChannelParams,
  response: { 204: Type.Null(), ...errorResponses },
};

export const testChannelSchema = {
  summary: "向渠道发送一条测试消息",
  tags,
  params: ChannelParams,
  response: {
    200: Type.Object({ ok: Type.Boolean(), error: Nullable(Type.String()) }),
    ...errorResponses,
  },
};

export const listDeliveriesSchema = {
  summary: "催报送达记录（含失败与重试）",
  tags,
  params: IdParams,
  response: { 200: Type.Object({ deliveries: Type.Array(DeliveryViewSchema) }), ...errorResponses },
};

export const getReminderSettingsSchema = {
  summary: "自动催报设置",
  tags,
  params: IdParams,
  response: { 200: ReminderSettingsSchema, ...errorResponses },
};

export const putReminderSettingsSchema = {
  summary: "修改自动催报设置",
  tags,
  params: IdParams,
  body: ReminderSettingsSchema,
  response: { 200: ReminderSettingsSchema, ...errorResponses },
};
