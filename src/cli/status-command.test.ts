import { describe, expect, it } from "vitest";
import { openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { listTasks } from "../services/tasks.ts";
import { useCliSandbox } from "../test/cli-sandbox.ts";
import {
  buildTaskOutputsWorld,
  TASK_OUTPUTS_AS_OF,
  type TaskOutputsWorld,
} from "../test/task-outputs-fixture.ts";
import { runCli } from "./run-cli.ts";

const CJK = /[\u4e00-\u9fff]/;

describe("plantrack status", () => {
  const sandbox = useCliSandbox("plantrack-status-");

  async function seed(): Promise<{ w: TaskOutputsWorld; overdueWorking: { zh: string; en: string } }> {
    const store = openDatabase({ dialect: "sqlite", file: sandbox().dbFile });
    try {
      await migrateToLatest(store.db);
      const w = await buildTaskOutputsWorld(store.db);
      const list = await listTasks(store.db, w.planner, w.planId, { asOf: TASK_OUTPUTS_AS_OF });
      const overdue = list.tasks.find((t) => t.id === w.tasks.eagles);
      if (!overdue) throw new Error("no overdue task");
      return { w, overdueWorking: overdue.working };
    } finally {
      await store.close();
    }
  }

  const run = async (lang: string | undefined, planId: number) => {
    const s = sandbox();
    s.out.length = 0;
    const io = { ...s.io, env: { ...s.io.env, ...(lang ? { PLANTRACK_LANG: lang } : {}) } };
    expect(await runCli(["status", String(planId), "--as-of", TASK_OUTPUTS_AS_OF], io)).toBe(0);
    return s.out.join("");
  };

  it("end with the tasks: counts by light, then the overdue, unacknowledged and due-soon ones, in Chinese", async () => {
    const { w, overdueWorking } = await seed();
    const text = await run(undefined, w.planId);
    expect(text).toContain(
      "重点任务5项：已办结 1 · 已中止 1 · 逾期 1 · 未签收 1 · 未报送 0 · 临期 0 · 正常推进 1",
    );
    expect(text).toContain("需要关注的任务（逾期、未签收、临期）：");
    const lines = text.split("\n");
    const overdue = lines.find((l) => l.includes("雏鹰企业分别"));
    expect(overdue).toContain("区教育局");
    expect(overdue).toContain("逾期");
    expect(overdue).toContain(overdueWorking.zh);
    const unacknowledged = lines.find((l) => l.includes("地区生产总值增长5%"));
    expect(unacknowledged).toContain("未签收");
    // Tasks closed, stopped or on track are counted, not listed.
    expect(lines.some((l) => l.includes("全年新增就业4万人。"))).toBe(false);
    expect(lines.some((l) => l.includes("建成南开美术馆。"))).toBe(false);
    // One language: no English header or word among the Chinese.
    expect(text).not.toMatch(/\b(target|status|working|overdue|as of)\b/);
    // The overdue task comes before the unacknowledged one.
    expect(lines.indexOf(overdue as string)).toBeLessThan(lines.indexOf(unacknowledged as string));
  });

  it("speak English when PLANTRACK_LANG=en, every header and word but the plan's own names", async () => {
    const { w, overdueWorking } = await seed();
    const text = await run("en", w.planId);
    expect(text).toContain(
      "5 tasks: closed 1, stopped 1, overdue 1, not acknowledged 1, not reported 0, due soon 0, on track 1",
    );
    expect(text).toContain("Tasks that need attention (overdue, not acknowledged, due soon):");
    const overdue = text.split("\n").find((l) => l.includes("雏鹰企业分别"));
    expect(overdue).toContain(overdueWorking.en);
    // What is not the plan's data (titles, department names) has no Chinese in it.
    const names = ["南开区2020年国民经济和社会发展计划", "区人社局", "区教育局"];
    for (const line of text.split("\n")) {
      if (/^\s*\d+\s/.test(line) || line.trim() === "") continue;
      let rest = line;
      for (const n of names) rest = rest.replaceAll(n, "");
      expect(rest, line).not.toMatch(CJK);
    }
  });
});
