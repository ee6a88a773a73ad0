import { describe, expect, it } from "vitest";
import { listAudit } from "../db/audit-repository.ts";
import { ensureRegion } from "../db/regions-repository.ts";
import type { Database } from "../db/schema.ts";
import { AppError } from "../domain/app-error.ts";
import { makeWordDocx } from "../test/make-documents.ts";
import { encodeGbk, makeDocx, makeHtml, makeZip } from "../test/make-files.ts";
import { emptyDraft, FIXTURE_COUNTS, FIXTURE_TEXT, fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { importPlan, sha256Hex } from "./import-plan.ts";
import { loadPlanDetail } from "./plan-queries.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
const TABLES: (keyof Database)[] = [
  "regions",
  "plans",
  "plan_sources",
  "outline_nodes",
  "targets",
  "items",
  "audit_log",
];

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe.each(testDialects())("importPlan on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  const deps = () => ({ db: store().db, extract: fixtureExtract });

  async function rowCounts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of TABLES) {
      const row = await store()
        .db.selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      out[table] = Number(row.n);
    }
    return out;
  }

  it("store a draft plan with its source and return a summary", async () => {
    const result = await importPlan(deps(), { bytes: utf8(FIXTURE_TEXT), fileName: "nankai-2020.txt" });
    expect(result.summary).toEqual(FIXTURE_COUNTS);
    expect(result.duplicateOf).toEqual([]);
    expect(result.plan).toMatchObject({
      id: result.planId,
      title: "南开区2020年国民经济和社会发展计划",
      regionName: "南开区",
      regionCode: null,
      year: 2020,
      periodStart: "2020-01-01",
      periodEnd: "2020-12-31",
      issuer: "天津市南开区发展和改革委员会",
      published: "2020-03-02",
      state: "draft",
      fileName: "nankai-2020.txt",
    });
    const audit = await listAudit(store().db);
    expect(audit.map((a) => a.action)).toEqual(["region.create", "plan.import"]);
  });

  it("use the region given by code or name", async () => {
    const region = await ensureRegion(
      store().db,
      { userId: null, ip: null },
      { name: "南开区", code: "120104" },
    );
    const byCode = await importPlan(deps(), {
      bytes: utf8(FIXTURE_TEXT),
      fileName: "a.txt",
      region: "120104",
    });
    expect(byCode.plan.regionCode).toBe("120104");
    const byName = await importPlan(deps(), {
      bytes: utf8(FIXTURE_TEXT),
      fileName: "a.txt",
      region: "南开区",
      year: 2021,
      force: true,
    });
    expect(byName.plan).toMatchObject({
      regionCode: "120104",
      year: 2021,
      periodStart: "2020-01-01",
      periodEnd: "2021-12-31",
    });
    const regions = await store().db.selectFrom("regions").select("id").execute();
    expect(regions.map((r) => r.id)).toEqual([region.id]);
    expect(
      (
        await errorOf(
          importPlan(deps(), { bytes: utf8(FIXTURE_TEXT), fileName: "a.txt", region: "999999", force: true }),
        )
      ).code,
    ).toBe("bad_input");
  });

  it("read GBK text, a web page and a Word file to the same plan as the UTF-8 text", async () => {
    const shape = async (planId: number) => {
      const detail = await loadPlanDetail(store().db, planId);
      return {
        counts: detail?.plan.counts,
        outline: detail?.outline.map((n) => [n.kind, n.level, n.title]),
        targets: detail?.targets.map((t) => [t.subject, t.value, t.unit, t.kind]),
      };
    };
    const base = await importPlan(deps(), { bytes: utf8(FIXTURE_TEXT), fileName: "plan.txt" });
    const expected = await shape(base.planId);
    const files: [string, Uint8Array][] = [
      ["plan-gbk.txt", encodeGbk(FIXTURE_TEXT)],
      ["plan.html", utf8(makeHtml(FIXTURE_TEXT))],
      ["plan.docx", makeDocx(FIXTURE_TEXT)],
    ];
    for (const [fileName, bytes] of files) {
      const result = await importPlan(deps(), { bytes, fileName, force: true });
      expect(await shape(result.planId), fileName).toEqual(expected);
      // The same text in every format: each a duplicate of the text file, told apart by force only.
      expect(result.duplicateOf, fileName).toContain(base.planId);
    }
  });

  it("refuse the same document twice unless forced", async () => {
    const first = await importPlan(deps(), { bytes: utf8(FIXTURE_TEXT), fileName: "a.txt" });
    const before = await rowCounts();
    const again = await errorOf(importPlan(deps(), { bytes: utf8(FIXTURE_TEXT), fileName: "b.txt" }));
    expect(again.code).toBe("conflict");
    expect(again.message).toContain(`（编号 ${first.planId}）`);
    expect(again.messageIn("en")).toContain(`already plan #${first.planId}`);
    expect(again.details).toMatchObject({ existingPlanIds: [first.planId] });
    // The same text in another encoding is the same document.
    const gbk = await errorOf(importPlan(deps(), { bytes: encodeGbk(FIXTURE_TEXT), fileName: "c.txt" }));
    expect(gbk.code).toBe("conflict");
    expect(await rowCounts()).toEqual(before);
    const forced = await importPlan(deps(), { bytes: utf8(FIXTURE_TEXT), fileName: "b.txt", force: true });
    expect(forced.duplicateOf).toEqual([first.planId]);
    expect(forced.planId).not.toBe(first.planId);
  });

  it("refuse the same text as .docx after .txt (and back), by the hash of the text without its layout", async () => {
    // The text file as an office keeps it: CRLF, blank lines, 全角 indents, a BOM, trailing spaces.
    const txt = `\ufeff${FIXTURE_TEXT.split("\n")
      .map((line) => (line.trim() === "" ? " " : `\u3000\u3000${line}`))
      .join("\r\n")}\r\n`;
    const first = await importPlan(deps(), { bytes: utf8(txt), fileName: "计划.txt" });
    const before = await rowCounts();
    for (const [fileName, bytes] of [
      ["计划.docx", makeDocx(FIXTURE_TEXT)],
      ["计划-word.docx", await makeWordDocx(FIXTURE_TEXT)],
    ] as const) {
      const error = await errorOf(importPlan(deps(), { bytes, fileName }));
      expect(error.code, fileName).toBe("conflict");
      expect(error.details, fileName).toMatchObject({ existingPlanIds: [first.planId] });
    }
    expect(await rowCounts()).toEqual(before);
    // Forced, the Word file is a second plan; the text file after it finds both.
    const forced = await importPlan(deps(), {
      bytes: makeDocx(FIXTURE_TEXT),
      fileName: "计划.docx",
      force: true,
    });
    expect(forced.duplicateOf).toEqual([first.planId]);
    const again = await errorOf(
      importPlan(deps(), { bytes: encodeGbk(FIXTURE_TEXT), fileName: "计划-gbk.txt" }),
    );
    expect(again.details).toMatchObject({ existingPlanIds: [first.planId, forced.planId] });
    // One more sentence is another text: imported without force.
    const changed = `${FIXTURE_TEXT}\n本计划由区发展改革委负责解释。\n`;
    const other = await importPlan(deps(), { bytes: makeDocx(changed), fileName: "修订稿.docx" });
    expect(other.duplicateOf).toEqual([]);
  });

  it("still find a source stored before the text was compared without its layout", async () => {
    // Before issue 14 text_sha256 was the hash of the text as read; such a plan is still found.
    const first = await importPlan(deps(), { bytes: utf8(FIXTURE_TEXT), fileName: "a.txt" });
    await store()
      .db.updateTable("plan_sources")
      .set({ sha256: "0".repeat(64), text_sha256: sha256Hex(FIXTURE_TEXT) })
      .where("plan_id", "=", first.planId)
      .execute();
    const error = await errorOf(importPlan(deps(), { bytes: utf8(FIXTURE_TEXT), fileName: "b.txt" }));
    expect(error.details).toMatchObject({ existingPlanIds: [first.planId] });
  });

  it("refuse text with nothing plan-like, storing nothing", async () => {
    const before = await rowCounts();
    const error = await errorOf(
      importPlan(deps(), { bytes: utf8("今天天气很好。\n"), fileName: "note.txt" }),
    );
    expect(error.code).toBe("no_plan_content");
    expect(error.message).toContain("note.txt");
    expect(await rowCounts()).toEqual(before);
  });

  it("refuse bad files with a clear error, storing nothing", async () => {
    const before = await rowCounts();
    const cases: [string, Uint8Array, string][] = [
      ["empty.txt", new Uint8Array(), "empty_file"],
      ["binary.txt", new Uint8Array(2048).map((_, i) => i % 256), "unsupported_file"],
      ["big.txt", new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41), "file_too_large"],
      ["nothing.docx", makeZip({}), "unsupported_file"],
    ];
    for (const [fileName, bytes, code] of cases) {
      const error = await errorOf(importPlan(deps(), { bytes, fileName }));
      expect(error.code, fileName).toBe(code);
      expect(error.message, fileName).toContain(fileName);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("ask for the year when the text does not tell it", async () => {
    const extract = () => ({ ...emptyDraft(), outline: fixtureExtract(FIXTURE_TEXT).outline });
    const error = await errorOf(
      importPlan({ db: store().db, extract }, { bytes: utf8(FIXTURE_TEXT), fileName: "x.txt" }),
    );
    expect(error.code).toBe("bad_input");
    expect(error.message).toMatch(/--year/);
    const ok = await importPlan(
      { db: store().db, extract },
      { bytes: utf8(FIXTURE_TEXT), fileName: "x.txt", year: 2022 },
    );
    expect(ok.plan).toMatchObject({ year: 2022, title: "x", regionName: null });
    expect(
      (await errorOf(importPlan(deps(), { bytes: utf8(FIXTURE_TEXT), fileName: "x.txt", year: 20 }))).code,
    ).toBe("bad_input");
  });

  it("leave nothing behind when storing fails half-way", async () => {
    const before = await rowCounts();
    const extract = (text: string) => {
      const draft = fixtureExtract(text);
      (draft.items[0] as { category: string }).category = "bogus";
      return draft;
    };
    await expect(
      importPlan({ db: store().db, extract }, { bytes: utf8(FIXTURE_TEXT), fileName: "x.txt" }),
    ).rejects.toThrow();
    expect(await rowCounts()).toEqual(before);
  });
});
