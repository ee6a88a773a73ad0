// The demo's five-year plan (issue 17), made once beside the Nankai 2020 plan: the 示例数据 十四五 text
// imported like any plan (its chapters, tasks and 专栏 projects), its indicator table set exactly as
// the demo defines it (a planner's review of the extraction, audited), invented yearly values for
// 2021–2023, and the annual plans 2021–2023 — the 2020 plan copied forward, its targets linked to the
// indicators in 2021 and the links kept by the copies after it.

import type { Kysely } from "kysely";
import { type Actor, SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import { setIndicatorLinks } from "../db/indicator-links-repository.ts";
import { appendIndicatorValues } from "../db/indicator-values-repository.ts";
import { listNodeRowsOfPlan } from "../db/outline-nodes-repository.ts";
import { getPlanRow, setPlanKind, setPlanState } from "../db/plans-repository.ts";
import type { Database } from "../db/schema.ts";
import { getSetting, setSetting } from "../db/settings-repository.ts";
import { insertManualTarget, type NewManualTarget } from "../db/target-edits-repository.ts";
import { listTargetRowsOfPlan } from "../db/targets-repository.ts";
import { displayFactor } from "../domain/target-display.ts";
import { type ExtractPlanFn, importPlan } from "./import-plan.ts";
import { copyPlan } from "./plan-copy.ts";
import { deleteTask } from "./plan-structure.ts";
import {
  DEMO_FIVE_YEAR_FILE,
  DEMO_INDICATORS,
  DEMO_LINKS,
  DEMO_VALUE_NOTE,
  type DemoIndicator,
  demoFiveYearText,
  indicatorRow,
  TABLE_HEADING,
  TABLE_NOTE,
} from "./seed-demo-five-year-data.ts";
import { deleteTarget } from "./target-structure.ts";

export const DEMO_FIVE_YEAR_KEY = "demo.five_year";
export const DEMO_ANNUAL_YEARS = [2021, 2022, 2023] as const;

export interface FiveYearDemoOutcome {
  seeded: boolean;
  planId: number | null;
  annualPlanIds: number[];
  indicators: number;
  values: number;
  links: number;
}

type Db = Kysely<Database>;

function targetOf(ind: DemoIndicator, text: string): NewManualTarget {
  const factor = displayFactor(ind.unit, ind.displayUnit);
  const row = indicatorRow(ind);
  const start = text.indexOf(row);
  const base = (v: number | null) => (v === null ? null : v * factor);
  const common = {
    subject: ind.name,
    start,
    end: start + row.length,
    attribute: ind.attribute,
    baselineYear: 2020,
    targetYear: 2025,
  };
  switch (ind.form) {
    case "decrease":
      return {
        ...common,
        kind: "rate",
        comparator: "target",
        direction: "decrease",
        value: ind.target,
        baseline: ind.baseline,
        unit: "%",
        displayUnit: "%",
        display: `降低${ind.target}%`,
      };
    case "cumulative":
      return {
        ...common,
        kind: "cumulative",
        comparator: "target",
        direction: "increase",
        value: base(ind.target),
        baseline: null,
        unit: ind.unit,
        displayUnit: ind.displayUnit,
        display: `五年累计${ind.target}${ind.displayUnit}`,
      };
    default:
      return {
        ...common,
        kind: "level",
        comparator: ind.form === "ceiling" ? "at_most" : "target",
        direction: "level",
        value: base(ind.target),
        baseline: base(ind.baseline),
        annualGrowth: ind.growth ?? null,
        unit: ind.unit,
        displayUnit: ind.displayUnit,
        display:
          ind.form === "ceiling"
            ? `控制在${ind.target}${ind.displayUnit}以内`
            : ind.growth !== undefined
              ? `年均增长${ind.growth}%`
              : `${ind.target}${ind.displayUnit}`,
      };
  }
}

/** Makes the demo's five-year plan and its annual plans once; `nankaiPlanId` is the seeded 2020 plan. */
export async function seedDemoFiveYear(
  db: Db,
  extract: ExtractPlanFn,
  nankaiPlanId: number,
  actor: Actor = SYSTEM_ACTOR,
): Promise<FiveYearDemoOutcome> {
  const none: FiveYearDemoOutcome = {
    seeded: false,
    planId: null,
    annualPlanIds: [],
    indicators: 0,
    values: 0,
    links: 0,
  };
  if (await getSetting(db, DEMO_FIVE_YEAR_KEY)) return none;
  return inTransaction(db, async (trx) => {
    if (await getSetting(trx, DEMO_FIVE_YEAR_KEY)) return none;
    const text = demoFiveYearText();
    const { planId } = await importPlan(
      { db: trx, extract, actor },
      { bytes: new TextEncoder().encode(text), fileName: DEMO_FIVE_YEAR_FILE, region: "120104", year: 2025 },
    );
    const plan = await getPlanRow(trx, planId);
    if (!plan) throw new Error(`the demo five-year plan ${planId} was not stored`);
    await setPlanKind(trx, actor, plan, {
      kind: "five_year",
      periodStart: "2021-01-01",
      periodEnd: "2025-12-31",
    });
    // The indicator table as the demo defines it: what the extractor read of it (targets, and its rows
    // taken for tasks) is replaced.
    for (const t of await listTargetRowsOfPlan(trx, planId)) await deleteTarget(trx, actor, t.id);
    const tableStart = text.indexOf(TABLE_HEADING);
    const tableEnd = text.indexOf(TABLE_NOTE) + TABLE_NOTE.length;
    for (const node of await listNodeRowsOfPlan(trx, planId))
      if (node.kind === "task" && node.span_start >= tableStart && node.span_end <= tableEnd)
        await deleteTask(trx, actor, node.id);
    const ids = new Map<string, number>();
    for (const ind of DEMO_INDICATORS)
      ids.set(ind.name, await insertManualTarget(trx, actor, planId, targetOf(ind, text)));
    const values = DEMO_INDICATORS.flatMap((ind) => {
      const factor = ind.form === "decrease" ? 1 : displayFactor(ind.unit, ind.displayUnit);
      return ind.values.map((value, i) => ({
        targetId: ids.get(ind.name) as number,
        year: DEMO_ANNUAL_YEARS[i] as number,
        value: value * factor,
        source: "statistics" as const,
        sourceNote: DEMO_VALUE_NOTE,
      }));
    });
    await appendIndicatorValues(trx, actor, planId, "indicator.import_values", values, {
      entity: "plan",
      entityId: planId,
      after: { fileName: DEMO_FIVE_YEAR_FILE, written: values.length },
    });
    await setPlanState(trx, actor, planId, "published");

    // The annual plans: 2020 copied to 2021, linked, then copied on (the copies keep the links).
    const annualPlanIds: number[] = [];
    let from = nankaiPlanId;
    let links = 0;
    for (const year of DEMO_ANNUAL_YEARS) {
      const copy = await copyPlan(trx, actor, from, { year });
      annualPlanIds.push(copy.id);
      if (year === DEMO_ANNUAL_YEARS[0]) {
        const targets = await listTargetRowsOfPlan(trx, copy.id);
        const pairs = DEMO_LINKS.flatMap((l) => {
          const annual = targets.find((t) => t.subject === l.annual && t.kind !== "milestone");
          const indicatorId = ids.get(l.indicator);
          return annual && indicatorId !== undefined ? [{ annualTargetId: annual.id, indicatorId }] : [];
        });
        links = await setIndicatorLinks(trx, actor, copy.id, pairs);
      }
      from = copy.id;
    }
    await setSetting(
      trx,
      actor,
      DEMO_FIVE_YEAR_KEY,
      JSON.stringify({ at: new Date().toISOString(), planId, annualPlanIds }),
    );
    return { seeded: true, planId, annualPlanIds, indicators: ids.size, values: values.length, links };
  });
}
