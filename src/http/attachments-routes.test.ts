import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AttachmentView, ReportDetail } from "../contract/reports.ts";
import { verifyAuditChain } from "../db/audit-repository.ts";
import {
  checkAttachment,
  contentDisposition,
  MAX_ATTACHMENT_BYTES,
  safeFileName,
} from "../domain/attachment-types.ts";
import { type AccessWorld, buildAccessWorld } from "../test/access-fixture.ts";
import { createTestUser, signIn, TEST_AUTH, type TestClient } from "../test/auth-helpers.ts";
import { multipartBody } from "../test/multipart.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { buildApp } from "./build-app.ts";

const ascii = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...ascii(p)] : p)));

const PDF = bytes("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n");
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], "IHDR");
const JPG = bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF");
const DOCX = bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0], "[Content_Types].xml", [0, 0], "word/document.xml");
const XLSX = bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0], "xl/workbook.xml");
const EXE = bytes("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0], "This program cannot be run in DOS mode");

describe("attachment types", () => {
  it("tell each accepted type by its bytes, and refuse a name that lies", () => {
    expect(checkAttachment("a.pdf", PDF)).toMatchObject({
      ok: true,
      kind: "pdf",
      mediaType: "application/pdf",
    });
    expect(checkAttachment("a.PNG", PNG)).toMatchObject({ ok: true, kind: "png" });
    expect(checkAttachment("a.jpeg", JPG)).toMatchObject({ ok: true, kind: "jpg" });
    expect(checkAttachment("a.docx", DOCX)).toMatchObject({ ok: true, kind: "docx" });
    expect(checkAttachment("a.xlsx", XLSX)).toMatchObject({ ok: true, kind: "xlsx" });
    expect(checkAttachment("说明.txt", ascii("进展说明\n"))).toMatchObject({ ok: true, kind: "txt" });
    expect(checkAttachment("setup.pdf", EXE)).toEqual({ ok: false, reason: "content", kind: null });
    expect(checkAttachment("photo.pdf", PNG)).toEqual({ ok: false, reason: "mismatch", kind: "png" });
    expect(checkAttachment("book.docx", XLSX)).toEqual({ ok: false, reason: "mismatch", kind: "xlsx" });
    expect(checkAttachment("setup.exe", EXE)).toEqual({ ok: false, reason: "extension" });
    expect(checkAttachment("notes.txt", bytes("a", [0], "b"))).toMatchObject({
      ok: false,
      reason: "content",
    });
    expect(checkAttachment("a.pdf", new Uint8Array())).toEqual({ ok: false, reason: "empty" });
    expect(checkAttachment("a.txt", new Uint8Array(MAX_ATTACHMENT_BYTES + 1).fill(0x41))).toEqual({
      ok: false,
      reason: "too_large",
    });
  });

  it("send a safe Content-Disposition: no paths, quotes or line breaks; the UTF-8 name encoded", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName('C:\\tmp\\a"b\r\n.pdf')).toBe("ab.pdf");
    const header = contentDisposition('进展"报告\r\n.pdf');
    expect(header).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent("进展报告.pdf")}`,
    );
    expect(header).not.toMatch(/[\r\n]/);
  });
});

describe.each(testDialects())("report attachments on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let world: AccessWorld;
  let reportId: number;
  let reporter: TestClient;

  beforeEach(async () => {
    world = await buildAccessWorld(store().db);
    const jobs = world.targetIds[3] as number;
    await store()
      .db.updateTable("targets")
      .set({ lead_department_id: world.departments.nankaiRsj })
      .where("id", "=", jobs)
      .execute();
    app = await buildApp({
      db: store().db,
      dialect,
      extract: fixtureExtract,
      auth: TEST_AUTH,
      reminderWebhookUrl: null,
    });
    reporter = await signIn(app, world.usernames.reporter);
    const saved = await reporter.inject({
      method: "PUT",
      url: `/api/targets/${jobs}/reports/2020-04`,
      payload: {
        baseRevision: null,
        value: 17000,
        progress: "进展",
        problems: "",
        nextSteps: "",
        submit: true,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    reportId = saved.json<ReportDetail>().report.id;
  });
  afterEach(async () => {
    await app.close();
  });

  const upload = (client: TestClient, fileName: string, content: Uint8Array) =>
    client.inject({
      method: "POST",
      url: `/api/reports/${reportId}/attachments`,
      ...multipartBody({}, [{ name: "file", fileName, content, contentType: "application/pdf" }]),
    });

  it("store a file in the database, list it on the report, and download it with its type and name", async () => {
    const made = await upload(reporter, "进展报告.pdf", PDF);
    expect(made.statusCode, made.body).toBe(201);
    const view = made.json<AttachmentView>();
    expect(view).toMatchObject({
      reportId,
      revision: 1,
      fileName: "进展报告.pdf",
      mediaType: "application/pdf",
      byteSize: PDF.length,
      uploadedBy: { username: world.usernames.reporter },
    });
    expect((await upload(reporter, "表.xlsx", XLSX)).statusCode).toBe(201);

    const detail = (
      await reporter.inject({ method: "GET", url: `/api/reports/${reportId}` })
    ).json<ReportDetail>();
    expect(detail.attachments.map((a) => [a.fileName, a.mediaType])).toEqual([
      ["进展报告.pdf", "application/pdf"],
      ["表.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ]);

    const planner = await signIn(app, world.usernames.planner);
    const got = await planner.inject({
      method: "GET",
      url: `/api/reports/${reportId}/attachments/${view.id}`,
    });
    expect(got.statusCode).toBe(200);
    expect(got.headers["content-type"]).toBe("application/pdf");
    expect(got.headers["content-disposition"]).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent("进展报告.pdf")}`,
    );
    expect(got.headers["x-content-type-options"]).toBe("nosniff");
    expect(new Uint8Array(got.rawPayload)).toEqual(PDF);

    const audit = await store()
      .db.selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "attachment.add")
      .execute();
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]?.after ?? "{}")).toMatchObject({ reportId, fileName: "进展报告.pdf" });
    expect((await verifyAuditChain(store().db)).ok).toBe(true);
  });

  it("refuse an .exe renamed .pdf, a picture named .pdf, other types, empty and oversized files, storing nothing", async () => {
    const exe = await upload(reporter, "进展报告.pdf", EXE);
    expect(exe.statusCode).toBe(415);
    expect(exe.json()).toMatchObject({
      code: "unsupported_file",
      details: { reason: "content", detected: null },
    });
    const png = await upload(reporter, "scan.pdf", PNG);
    expect(png.json()).toMatchObject({
      code: "unsupported_file",
      details: { reason: "mismatch", detected: "png" },
    });
    expect((await upload(reporter, "setup.exe", EXE)).json()).toMatchObject({ code: "unsupported_file" });
    expect((await upload(reporter, "empty.txt", new Uint8Array())).json()).toMatchObject({
      code: "empty_file",
    });
    const big = await upload(reporter, "big.txt", new Uint8Array(MAX_ATTACHMENT_BYTES + 10).fill(0x41));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: "file_too_large" });
    const rows = await store().db.selectFrom("attachments").select("id").execute();
    expect(rows).toEqual([]);
  });

  it("let only those who may see the report fetch its files", async () => {
    const made = (await upload(reporter, "a.png", PNG)).json<AttachmentView>();
    const url = `/api/reports/${reportId}/attachments/${made.id}`;
    await createTestUser(store().db, {
      username: "rpt-jyj",
      role: "reporter",
      regionId: world.regions.nankai,
      departmentId: world.departments.nankaiJyj,
    });
    const sameRegionOtherDepartment = await signIn(app, "rpt-jyj");
    expect((await sameRegionOtherDepartment.inject({ method: "GET", url })).statusCode).toBe(403);
    const otherRegion = await signIn(app, world.usernames.reporter_other_department);
    expect((await otherRegion.inject({ method: "GET", url })).statusCode).toBe(403);
    expect((await app.inject({ method: "GET", url })).statusCode).toBe(401);
    const leader = await signIn(app, world.usernames.leader);
    const seen = await leader.inject({ method: "GET", url });
    expect(seen.statusCode).toBe(200);
    expect(seen.headers["content-type"]).toBe("image/png");
    // The attachment must belong to the report named in the path.
    expect(
      (await leader.inject({ method: "GET", url: `/api/reports/${reportId}/attachments/999` })).statusCode,
    ).toBe(404);
    expect(
      (
        await sameRegionOtherDepartment.inject({
          method: "POST",
          url: `/api/reports/${reportId}/attachments`,
          ...multipartBody({}, [{ name: "file", fileName: "x.txt", content: ascii("x") }]),
        })
      ).statusCode,
    ).toBe(403);
  });
});
