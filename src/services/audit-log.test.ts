// The demo installation's whole audit log in words (a year of reports, tasks, users, the import): every
// action, object kind and field has Chinese words, every object of a kind that has a name is named, and
// the English is English. What a real log looks like, not a hand-picked row.

import { describe, expect, it } from "vitest";
import type { AuditEntryView } from "../contract/audit.ts";
import { seedDemoWorld } from "../test/demo-world.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { auditPage } from "./audit-log.ts";

const LATIN = /[A-Za-z]/;
const HAN = /[\u4e00-\u9fff]/;
const NAMED = new Set([
  "target",
  "task",
  "report",
  "plan",
  "user",
  "department",
  "region",
  "task_adjustment",
]);

describe.each(testDialects())("the demo's audit log in words on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  const everything = async (lang: "zh" | "en"): Promise<AuditEntryView[]> => {
    const out: AuditEntryView[] = [];
    for (let page = 1; ; page += 1) {
      const p = await auditPage(store().db, {}, page, 500, lang);
      out.push(...p.entries);
      if (out.length >= p.total) return out;
    }
  };

  it("words every entry of a year of use, in Chinese and in English", async () => {
    await seedDemoWorld(store().db);
    const zh = await everything("zh");
    expect(zh.length).toBeGreaterThan(500);
    const actions = new Set(zh.map((e) => e.action));
    for (const a of ["report.approve", "task.acknowledge", "target.update", "user.create", "plan.import"])
      expect(actions).toContain(a);
    for (const e of zh) {
      const where = `${e.id} ${e.action}`;
      expect(e.actionText, where).not.toMatch(LATIN);
      expect(e.actionText, where).not.toBe("其他操作");
      expect(e.object.kindText, where).not.toMatch(LATIN);
      if (NAMED.has(e.entity)) expect(e.object.name, where).toBeTruthy();
      for (const c of e.changes) {
        expect(c.label, `${where} ${c.field}`).not.toMatch(LATIN);
        expect(c.label, `${where} ${c.field}`).not.toBe("其他字段");
        // Records inside a field (a task's milestones, a setting's value) are worded through too.
        expect(`${c.before} ${c.after}`, `${where} ${c.field}`).not.toContain("其他字段");
      }
    }
    // A report is named by its target or task and its period, and links to the review desk.
    const report = zh.find((e) => e.entity === "report");
    expect(report?.object.period).toMatch(/^\d{4}年/);
    expect(report?.object.link).toMatch(/^\/review\?plan=\d+$/);
    // A department id in a record is shown by its name.
    const lead = zh.flatMap((e) => e.changes).find((c) => c.field === "leadDepartmentId" && c.after);
    expect(lead?.after).toMatch(HAN);

    // A user the system made: nobody acted (the new user's name is the object, not the actor), and
    // the region in the record is named.
    const made = zh.find((e) => e.action === "user.create" && e.userId === null && e.after !== null);
    expect(made?.userName).toBeNull();
    expect(made?.object.name).toBeTruthy();
    const region = zh.flatMap((e) => e.changes).find((c) => c.field === "region_id" && c.after !== "（空）");
    expect(region?.after).toMatch(/区|市/);

    const en = await everything("en");
    expect(en.map((e) => e.id)).toEqual(zh.map((e) => e.id));
    for (const e of en) {
      expect(e.actionText).not.toMatch(HAN);
      for (const c of e.changes) expect(c.label).not.toMatch(HAN);
    }
  }, 120_000);
});
