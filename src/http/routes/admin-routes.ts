import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Static } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import type { ResetPasswordRequest } from "../../contract/users.ts";
import type { AuditSearch } from "../../db/audit-repository.ts";
import { AppError } from "../../domain/app-error.ts";
import { contentDisposition } from "../../domain/attachment-types.ts";
import { auditCsv, auditPage } from "../../services/audit-log.ts";
import { AUDIT_XLSX_MEDIA, auditXlsx, auditXlsxFileName } from "../../services/audit-xlsx.ts";
import {
  createDepartment,
  createUser,
  listDepartmentViews,
  listRegionViews,
  listUsers,
  resetPassword,
  updateDepartment,
  updateUserByAdmin,
  verifyAudit,
} from "../../services/user-admin.ts";
import { startExport } from "../export-stream.ts";
import { requestLang } from "../request-lang.ts";
import {
  type AuditQuerySchema,
  auditExportSchema,
  auditSchema,
  auditVerifySchema,
  createDepartmentSchema,
  createUserSchema,
  listDepartmentsSchema,
  listRegionsSchema,
  listUsersSchema,
  ResetPasswordSchema,
  resetPasswordSchema,
  updateDepartmentSchema,
  updateUserSchema,
} from "./admin-schemas.ts";
import { actorOf, type RouteDeps } from "./route-deps.ts";

const checkReset = TypeCompiler.Compile(ResetPasswordSchema);

function resetOptions(body: unknown): ResetPasswordRequest {
  if (body === undefined || body === null) return {};
  if (!checkReset.Check(body)) {
    throw new AppError(
      "bad_input",
      {
        zh: "请求参数无效：请求体应为 { clearTotp?: boolean }",
        en: "invalid request: body must be { clearTotp?: boolean }",
      },
      { field: "body" },
    );
  }
  return body;
}

/** The query's filters as the search takes them: the department by id, the exact codes as a list. */
function auditSearch(query: Omit<Static<typeof AuditQuerySchema>, "page" | "pageSize">): AuditSearch {
  const { department, actions, ...rest } = query;
  return {
    ...rest,
    ...(department !== undefined ? { departmentId: department } : {}),
    ...(actions ? { actions: actions.split(",") } : {}),
  };
}

export const adminRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;
  const admin = { db, now: deps.auth.now, ...(deps.auth.scrypt ? { scrypt: deps.auth.scrypt } : {}) };

  app.get("/api/admin/users", { schema: listUsersSchema }, async () => listUsers(db));

  app.post("/api/admin/users", { schema: createUserSchema }, async (request, reply) =>
    reply.status(201).send(await createUser(admin, actorOf(request), request.body)),
  );

  app.patch("/api/admin/users/:id", { schema: updateUserSchema }, async (request) =>
    updateUserByAdmin(admin, actorOf(request), request.params.id, request.body),
  );

  app.post("/api/admin/users/:id/reset-password", { schema: resetPasswordSchema }, async (request) =>
    resetPassword(admin, actorOf(request), request.params.id, {
      clearTotp: resetOptions(request.body).clearTotp === true,
    }),
  );

  app.get("/api/admin/departments", { schema: listDepartmentsSchema }, async () => listDepartmentViews(db));

  app.post("/api/admin/departments", { schema: createDepartmentSchema }, async (request, reply) =>
    reply.status(201).send(await createDepartment(admin, actorOf(request), request.body)),
  );

  app.patch("/api/admin/departments/:id", { schema: updateDepartmentSchema }, async (request) =>
    updateDepartment(admin, actorOf(request), request.params.id, request.body),
  );

  app.get("/api/admin/regions", { schema: listRegionsSchema }, async () => listRegionViews(db));

  app.get("/api/admin/audit", { schema: auditSchema }, async (request) => {
    const { page, pageSize, ...query } = request.query;
    return auditPage(db, auditSearch(query), page, pageSize, requestLang(request));
  });

  app.get("/api/admin/audit/export", { schema: auditExportSchema }, async (request, reply) => {
    const { format, ...query } = request.query;
    const lang = requestLang(request);
    const now = deps.auth.now();
    if (format === "xlsx") {
      // Before the headers: a failing first query is an error answer, not a 200 cut short.
      const file = await auditXlsx(db, auditSearch(query), lang);
      reply
        .header("content-type", AUDIT_XLSX_MEDIA)
        .header("content-disposition", contentDisposition(auditXlsxFileName(now, lang)));
      return reply.send(file);
    }
    const stamp = now.toISOString().slice(0, 10);
    const csv = await startExport(auditCsv(db, auditSearch(query), lang));
    reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="plantrack-audit-${stamp}.csv"`);
    return reply.send(csv);
  });

  app.get("/api/admin/audit/verify", { schema: auditVerifySchema }, async () =>
    verifyAudit(db, deps.auditCheckpoints),
  );
};
