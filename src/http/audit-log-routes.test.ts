// The audit log as an auditor reads it, over HTTP on every dialect: entries in words in the request's
// language (who and their department, the action, the object by name and period with its link, the
// changes field by field), the five filters validated, and the Excel export read back with exceljs.

import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditEntryView, AuditPage } from "../contract/audit.ts";
import type { ApiErrorBody } from "../contract/common.ts";
import { appendAudit } from "../db/audit-repository.ts";
import { AUDIT_XLSX_HEADER } from "../services/audit-xlsx.ts";
import { type AccessWorld, buildAccessWorld } from "../test/access-fixture.ts";
import { signIn, type TestClient } from "../test/auth-helpers.ts";
import { testApp } from "../test/test-app.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";

const LATIN = /[A-Za-z]/;
const TEXTS = { progress: "新增就业17280人", problems: "招聘会场次偏少", nextSteps: "继续推进" };

describe.each(testDialects())("the worded audit log on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let world: AccessWorld;
  let admin: TestClient;
  let jobs: number;
  let subject: string;

  beforeEach(async () => {
    world = await buildAccessWorld(store().db);
    jobs = world.targetIds[3] as number;
    await store()
      .db.updateTable("targets")
      .set({ lead_department_id: world.departments.nankaiRsj })
      .where("id", "=", jobs)
      .execute();
    subject = (
      await store()
        .db.selectFrom("targets")
        .select("subject")
        .where("id", "=", jobs)
        .executeTakeFirstOrThrow()
    ).subject;
    app = await testApp(store().db, dialect);
    const planner = await signIn(app, world.usernames.planner);
    const changed = await planner.inject({
      method: "PATCH",
      url: `/api/targets/${jobs}`,
      payload: { baseline: 12 },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const reporter = await signIn(app, world.usernames.reporter);
    const report = await reporter.inject({
      method: "PUT",
      url: `/api/targets/${jobs}/reports/2020-04`,
      payload: { baseRevision: null, value: 17000, ...TEXTS, submit: true },
    });
    expect(report.statusCode, report.body).toBe(200);
    const failed = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: world.usernames.planner, password: "not-the-password-1" },
    });
    expect(failed.statusCode).toBe(401);
    admin = await signIn(app, world.usernames.admin);
  });
  afterEach(async () => {
    await app.close();
  });

  const page = async (query: string, lang: "zh" | "en" = "zh") => {
    const r = await admin.inject({
      method: "GET",
      url: `/api/admin/audit?${query}`,
      headers: { "x-plantrack-lang": lang },
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<AuditPage>();
  };
  const only = (p: AuditPage, action: string): AuditEntryView => {
    const found = p.entries.filter((e) => e.action === action);
    expect(found, action).toHaveLength(1);
    return found[0] as AuditEntryView;
  };

  it("words an entry in Chinese: who, the action, the object by name with its link, the change", async () => {
    const zh = await page(`entity=target&entityId=${jobs}`);
    expect(zh.lang).toBe("zh");
    const update = only(zh, "target.update");
    expect(update).toMatchObject({
      actionText: "修改目标",
      userName: world.usernames.planner,
      departmentName: null,
      object: { kindText: "目标", name: subject, period: null, link: `/plans/${world.planId}/edit` },
    });
    expect(update.changes).toContainEqual({
      field: "baseline",
      label: "基期值",
      before: "（空）",
      after: "12",
    });
    for (const c of update.changes) expect(c.label, c.field).not.toMatch(LATIN);

    const report = only(await page("actions=report.submit"), "report.submit");
    expect(report).toMatchObject({
      actionText: "提交报送",
      userName: world.usernames.reporter,
      departmentName: "区人社局",
      object: { kindText: "报送", name: subject, period: "2020年4月", link: `/review?plan=${world.planId}` },
    });
    expect(report.changes).toContainEqual(
      expect.objectContaining({ label: "状态", before: "草稿", after: "待审" }),
    );
    expect(report.changes).toContainEqual(
      expect.objectContaining({ label: "存在问题", after: TEXTS.problems }),
    );
  });

  it("words the same entries in English when English is asked for, none of it Chinese", async () => {
    const en = await page(`entity=target&entityId=${jobs}`, "en");
    expect(en.lang).toBe("en");
    const update = only(en, "target.update");
    expect(update.actionText).toBe("Changed a target");
    expect(update.object.kindText).toBe("target");
    expect(update.changes).toContainEqual({
      field: "baseline",
      label: "baseline",
      before: "(empty)",
      after: "12",
    });
    const report = only(await page("actions=report.submit", "en"), "report.submit");
    expect(report.actionText).toBe("Submitted a report");
    expect(report.object.period).toMatch(/2020/);
    expect(report.object.period).not.toMatch(/[\u4e00-\u9fff]/);
    for (const c of report.changes) expect(c.label).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("words an action code of an older release generically, never as the code", async () => {
    await appendAudit(
      store().db,
      { userId: world.users.admin, ip: null },
      {
        action: "legacy.frobnicate",
        entity: "gadget",
        entityId: 1,
        after: { knob: 3 },
      },
    );
    const zh = only(await page("action=legacy"), "legacy.frobnicate");
    expect(zh.actionText).toBe("其他操作");
    expect(zh.object.kindText).toBe("其他对象");
    expect(zh.changes).toEqual([{ field: "knob", label: "其他字段", before: null, after: "3" }]);
    expect(only(await page("action=legacy", "en"), "legacy.frobnicate").actionText).toBe("Other action");
  });

  it("filters by user, department, object, action and date range", async () => {
    // The planner's own rows, and the rows about a sign-in tried with that name (the system made the user).
    const byUser = await page(`user=${world.usernames.planner}`);
    expect(byUser.entries.map((e) => e.action).sort()).toEqual([
      "auth.login",
      "auth.login_failed",
      "target.update",
      "user.create",
    ]);

    const byDept = await page(`department=${world.departments.nankaiRsj}`);
    expect(byDept.total).toBeGreaterThan(0);
    expect(new Set(byDept.entries.map((e) => e.userId))).toEqual(new Set([world.users.reporter]));
    expect(byDept.entries.map((e) => e.action)).toContain("report.submit");
    expect((await page(`department=${world.departments.hexiRsj}`)).total).toBe(0);

    // By name: the target itself and the report for it.
    const byName = await page(`object=${encodeURIComponent(subject.slice(0, 4))}`);
    const actions = byName.entries.map((e) => e.action);
    expect(actions).toContain("target.update");
    expect(actions).toContain("report.submit");
    expect(byName.entries.every((e) => e.object.name?.includes(subject.slice(0, 4)))).toBe(true);
    expect((await page(`object=${encodeURIComponent("没有这个名字")}`)).total).toBe(0);

    // Exact codes: 登录 is not 登录失败 (the old prefix filter finds both).
    const exact = await page("actions=auth.login");
    expect(new Set(exact.entries.map((e) => e.action))).toEqual(new Set(["auth.login"]));
    const both = await page("actions=auth.login,auth.login_failed");
    expect(both.total).toBe(exact.total + 1);
    expect((await page("action=auth.login")).total).toBe(both.total);

    const today = new Date().toISOString().slice(0, 10);
    expect((await page(`from=${today}&to=${today}`)).total).toBe((await page("")).total);
    expect((await page("from=2030-01-01")).total).toBe(0);
    expect((await page("to=2019-12-31")).total).toBe(0);
  });

  it("refuses bad filters with a 400 naming the field", async () => {
    const refused = async (query: string, field: string) => {
      const r = await admin.inject({ method: "GET", url: `/api/admin/audit?${query}` });
      expect(r.statusCode, `${query}: ${r.body}`).toBe(400);
      const body = r.json<ApiErrorBody>();
      expect(`${body.message} ${JSON.stringify(body.details)}`).toContain(field);
    };
    await refused("from=2020-02-30", "from");
    await refused("to=yesterday", "to");
    await refused("from=2020-06-01&to=2020-05-01", "to");
    await refused("department=abc", "department");
    await refused("actions=auth.login;drop", "actions");
    const xlsx = await admin.inject({
      method: "GET",
      url: "/api/admin/audit/export?format=xlsx&from=2020-13-01",
    });
    expect(xlsx.statusCode).toBe(400);
    const format = await admin.inject({ method: "GET", url: "/api/admin/audit/export?format=pdf" });
    expect(format.statusCode).toBe(400);
  });

  const workbook = async (query: string, lang: "zh" | "en") => {
    const r = await admin.inject({
      method: "GET",
      url: `/api/admin/audit/export?format=xlsx&${query}`,
      headers: { "x-plantrack-lang": lang },
    });
    expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      rows.push(
        (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v))),
      );
    });
    return { response: r, sheet, rows };
  };

  it("exports Excel in Chinese: Chinese headers and words, a Chinese file name, one row per entry", async () => {
    const { response, sheet, rows } = await workbook("", "zh");
    expect(response.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const disposition = String(response.headers["content-disposition"]);
    const name = decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? "");
    expect(name).toMatch(/^审计日志-\d{8}\.xlsx$/);
    expect(sheet.name).toBe("审计日志");
    const [header, ...body] = rows;
    expect(header).toEqual([...AUDIT_XLSX_HEADER.zh]);
    expect(header?.join("")).not.toMatch(LATIN);
    expect(body).toHaveLength((await page("")).total);
    // Action, object kind and period, and each change's field name: Chinese words only.
    for (const row of body) {
      for (const i of [5, 6, 8]) expect(row[i] ?? "", `${row[0]}: ${row[i]}`).not.toMatch(LATIN);
      for (const line of (row[9] ?? "").split("\n").filter(Boolean))
        expect(line.split("：")[0], line).not.toMatch(LATIN);
    }
    const update = body.find((r) => r[5] === "修改目标");
    expect(update?.[7]).toBe(subject);
    expect(update?.[9]).toContain("基期值：（空） → 12");
    const report = body.find((r) => r[5] === "提交报送");
    expect(report?.slice(2, 4)).toEqual([world.usernames.reporter, "区人社局"]);
    expect(report?.[8]).toBe("2020年4月");
  });

  it("exports Excel in English with English headers and words, and the filters apply", async () => {
    const { response, rows } = await workbook("actions=target.update", "en");
    const disposition = String(response.headers["content-disposition"]);
    expect(disposition).toMatch(/filename="audit-log-\d{8}\.xlsx"/);
    expect(rows[0]).toEqual([...AUDIT_XLSX_HEADER.en]);
    expect(rows.slice(1).map((r) => r[5])).toEqual(["Changed a target"]);
    expect(rows[1]?.[9]).toContain("baseline: (empty) → 12");
    expect(rows.flat().join("")).not.toMatch(/修改目标|基期值/);
  });

  it("keeps the raw CSV export as it was (the default format)", async () => {
    const csv = await admin.inject({ method: "GET", url: "/api/admin/audit/export?actions=target.update" });
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("序号,时间,用户,地址,操作,对象,对象编号,修改前,修改后,哈希");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("target.update");
  });
});
