import { type Static, Type } from "@sinclair/typebox";
import type {
  AuditChangeView,
  AuditEntryView,
  AuditObjectView,
  AuditPage,
  AuditVerifyResult,
} from "../../contract/audit.ts";
import type {
  CreateDepartmentRequest,
  CreateUserRequest,
  DepartmentView,
  RegionView,
  ResetPasswordRequest,
  UpdateDepartmentRequest,
  UpdateUserRequest,
  UserView,
  UserWithPassword,
} from "../../contract/users.ts";
import { type Same, sameShape } from "../type-check.ts";
import { RoleSchema } from "./auth-schemas.ts";
import { DateOrDateTime, errorResponses, IdParams, Nullable } from "./common-schemas.ts";

export const UserViewSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  regionId: Nullable(Type.Integer()),
  regionName: Nullable(Type.String()),
  departmentId: Nullable(Type.Integer()),
  departmentName: Nullable(Type.String()),
  disabled: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  lockedUntil: Nullable(Type.String()),
  lastSignInAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
sameShape<Same<Static<typeof UserViewSchema>, UserView>>();

export const UserWithPasswordSchema = Type.Object({ user: UserViewSchema, password: Type.String() });
sameShape<Same<Static<typeof UserWithPasswordSchema>, UserWithPassword>>();

export const CreateUserSchema = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 32 }),
    displayName: Type.Optional(Type.String({ maxLength: 100 })),
    role: RoleSchema,
    regionId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    departmentId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    password: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof CreateUserSchema>, CreateUserRequest>>();

export const UpdateUserSchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ maxLength: 100 })),
    role: Type.Optional(RoleSchema),
    regionId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    departmentId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof UpdateUserSchema>, UpdateUserRequest>>();

export const ResetPasswordSchema = Type.Object(
  { clearTotp: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof ResetPasswordSchema>, ResetPasswordRequest>>();

export const DepartmentViewSchema = Type.Object({
  id: Type.Integer(),
  regionId: Type.Integer(),
  regionName: Type.String(),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  fullName: Nullable(Type.String()),
  disabled: Type.Boolean(),
  userCount: Type.Integer(),
});
sameShape<Same<Static<typeof DepartmentViewSchema>, DepartmentView>>();

export const CreateDepartmentSchema = Type.Object(
  {
    regionId: Type.Integer({ minimum: 1 }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    shortName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    fullName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof CreateDepartmentSchema>, CreateDepartmentRequest>>();

export const UpdateDepartmentSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    shortName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    fullName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof UpdateDepartmentSchema>, UpdateDepartmentRequest>>();

export const RegionViewSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  code: Type.String(),
  parentId: Nullable(Type.Integer()),
});
sameShape<Same<Static<typeof RegionViewSchema>, RegionView>>();

const AuditObjectSchema = Type.Object({
  kindText: Type.String(),
  name: Nullable(Type.String()),
  period: Nullable(Type.String()),
  link: Nullable(Type.String()),
});
sameShape<Same<Static<typeof AuditObjectSchema>, AuditObjectView>>();

const AuditChangeSchema = Type.Object({
  field: Type.String(),
  label: Type.String(),
  before: Nullable(Type.String()),
  after: Nullable(Type.String()),
});
sameShape<Same<Static<typeof AuditChangeSchema>, AuditChangeView>>();

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  userId: Nullable(Type.Integer()),
  username: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  action: Type.String(),
  entity: Type.String(),
  entityId: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
  actionText: Type.String(),
  userName: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
  object: AuditObjectSchema,
  changes: Type.Array(AuditChangeSchema),
});
sameShape<Same<Static<typeof AuditEntrySchema>, AuditEntryView>>();

export const AuditPageSchema = Type.Object({
  entries: Type.Array(AuditEntrySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  lang: Type.Union([Type.Literal("zh"), Type.Literal("en")]),
});
sameShape<Same<Static<typeof AuditPageSchema>, AuditPage>>();

const LocalTextSchema = Type.Object({ zh: Type.String(), en: Type.String() });
export const AuditVerifySchema = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  brokenAt: Nullable(Type.Integer()),
  reason: Nullable(LocalTextSchema),
  findings: Type.Array(LocalTextSchema),
  lastCheckpoint: Nullable(Type.Object({ seq: Type.Integer(), id: Type.Integer(), at: Type.String() })),
  alteredCheckpoints: Type.Integer(),
});
sameShape<Same<Static<typeof AuditVerifySchema>, AuditVerifyResult>>();

const DateOrTime = DateOrDateTime();
/** Far past any audit log, and a bound on the OFFSET a page asks of the database. */
const MAX_PAGE = 1_000_000;

/** A code as the log keeps it: auth.login, task.adjustment.approve. */
const ACTION_CODE = "[a-z_]+(\\.[a-z_]+)*";

export const AuditQuerySchema = Type.Object(
  {
    from: Type.Optional(DateOrTime),
    to: Type.Optional(DateOrTime),
    user: Type.Optional(Type.String({ maxLength: 64 })),
    /** The acting user's department. */
    department: Type.Optional(Type.Integer({ minimum: 1 })),
    /** An action code or its prefix (auth.login also finds auth.login_failed). */
    action: Type.Optional(Type.String({ maxLength: 64 })),
    /** Exact action codes, comma-separated: the worded filter's choice. */
    actions: Type.Optional(Type.String({ maxLength: 2000, pattern: `^${ACTION_CODE}(,${ACTION_CODE})*$` })),
    entity: Type.Optional(Type.String({ maxLength: 64 })),
    entityId: Type.Optional(Type.String({ maxLength: 64 })),
    /** Text in the object's name (a target's subject, a task's title …). */
    object: Type.Optional(Type.String({ maxLength: 200 })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    page: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  },
  { additionalProperties: false },
);

const AuditExportQuerySchema = Type.Composite(
  [
    Type.Omit(AuditQuerySchema, ["page", "pageSize"]),
    Type.Object({
      /** csv: every column as stored, with the hashes; xlsx: the log in words. */
      format: Type.Union([Type.Literal("csv"), Type.Literal("xlsx")], { default: "csv" }),
    }),
  ],
  { additionalProperties: false },
);

const tags = ["admin"];

export const listUsersSchema = {
  summary: "用户列表 / every user",
  tags,
  response: { 200: Type.Array(UserViewSchema), ...errorResponses },
};
export const createUserSchema = {
  summary:
    "新建用户（未给密码时生成随机密码，仅显示一次） / a new user (a random password, shown once, unless given)",
  tags,
  body: CreateUserSchema,
  response: { 201: UserWithPasswordSchema, ...errorResponses },
};
export const updateUserSchema = {
  summary:
    "修改用户：姓名、角色、地区、部门、停用 / change a user's name, role, region, department, or disable",
  tags,
  params: IdParams,
  body: UpdateUserSchema,
  response: { 200: UserViewSchema, ...errorResponses },
};
export const resetPasswordSchema = {
  summary:
    "重置密码（随机，仅显示一次；下次登录须修改） / a new random password, shown once, to be changed at sign-in",
  tags,
  params: IdParams,
  // The body is optional (Fastify validates a body schema even when none is sent): checked by the route.
  response: { 200: UserWithPasswordSchema, ...errorResponses },
};
export const listDepartmentsSchema = {
  summary: "部门列表 / every department",
  tags,
  response: { 200: Type.Array(DepartmentViewSchema), ...errorResponses },
};
export const createDepartmentSchema = {
  summary: "新建部门 / a new department",
  tags,
  body: CreateDepartmentSchema,
  response: { 201: DepartmentViewSchema, ...errorResponses },
};
export const updateDepartmentSchema = {
  summary: "修改部门 / change a department",
  tags,
  params: IdParams,
  body: UpdateDepartmentSchema,
  response: { 200: DepartmentViewSchema, ...errorResponses },
};
export const listRegionsSchema = {
  summary: "地区列表 / every region",
  tags,
  response: { 200: Type.Array(RegionViewSchema), ...errorResponses },
};
export const auditSchema = {
  summary: "审计日志查询（最新在前） / search the audit log, newest first",
  tags,
  querystring: AuditQuerySchema,
  response: { 200: AuditPageSchema, ...errorResponses },
};
export const auditExportSchema = {
  summary:
    "导出审计日志：format=csv 原始记录（UTF-8 带 BOM），format=xlsx 文字版 Excel / export the audit log: csv as stored (UTF-8 with BOM), xlsx in words",
  tags,
  querystring: AuditExportQuerySchema,
};
export const auditVerifySchema = {
  summary: "校验审计日志哈希链 / check the audit log's hash chain",
  tags,
  response: { 200: AuditVerifySchema, ...errorResponses },
};
