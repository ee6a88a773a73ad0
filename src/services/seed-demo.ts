// The first start of a new installation shows a real plan: the Nankai district's 2020 plan, with the
// region, its parent and the district's departments. Runs once; later starts find the mark and stop.

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Kysely } from "kysely";
import type { ImportSummary } from "../contract/plans.ts";
import { type Actor, SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import { ensureDepartments, type NewDepartment } from "../db/departments-repository.ts";
import { findPlansBySource } from "../db/plans-repository.ts";
import { ensureRegion } from "../db/regions-repository.ts";
import type { Database } from "../db/schema.ts";
import { getSetting, setSetting } from "../db/settings-repository.ts";
import { AppError } from "../domain/app-error.ts";
import { type ExtractPlanFn, importPlan, sha256Hex } from "./import-plan.ts";

export const DEMO_SEEDED_KEY = "demo.seeded";
export const DEMO_FILE = "nankai-2020.txt";

/** 南开区's departments as its plans name them (区人社局), with their full names. */
export const NANKAI_DEPARTMENTS: readonly NewDepartment[] = [
  ["区发展改革委", "天津市南开区发展和改革委员会"],
  ["区统计局", "天津市南开区统计局"],
  ["区财政局", "天津市南开区财政局"],
  ["区人社局", "天津市南开区人力资源和社会保障局"],
  ["区教育局", "天津市南开区教育局"],
  ["区科技局", "天津市南开区科学技术局"],
  ["区工业和信息化局", "天津市南开区工业和信息化局"],
  ["区商务局", "天津市南开区商务局"],
  ["区投资促进局", "天津市南开区投资促进局"],
  ["区金融局", "天津市南开区金融工作局"],
  ["区国资委", "天津市南开区人民政府国有资产监督管理委员会"],
  ["区合作交流办", "天津市南开区合作交流办公室"],
  ["区政务服务办", "天津市南开区政务服务办公室"],
  ["区市场监管局", "天津市南开区市场监督管理局"],
  ["区规划资源局", "天津市规划和自然资源局南开分局"],
  ["区住房建设委", "天津市南开区住房和建设委员会"],
  ["区城市管理委", "天津市南开区城市管理委员会"],
  ["区生态环境局", "天津市南开区生态环境局"],
  ["区卫生健康委", "天津市南开区卫生健康委员会"],
  ["区医保局", "天津市南开区医疗保障局"],
  ["区民政局", "天津市南开区民政局"],
  ["区退役军人事务局", "天津市南开区退役军人事务局"],
  ["区文化和旅游局", "天津市南开区文化和旅游局"],
  ["区体育局", "天津市南开区体育局"],
  ["区应急管理局", "天津市南开区应急管理局"],
  ["区司法局", "天津市南开区司法局"],
  ["区公安分局", "天津市公安局南开分局"],
  ["区信访办", "天津市南开区信访办公室"],
  ["区审计局", "天津市南开区审计局"],
  ["区档案馆", "天津市南开区档案馆"],
  ["区残联", "天津市南开区残疾人联合会"],
].map(([name, fullName]) => ({
  name: name as string,
  fullName: fullName as string,
  shortName: (name as string).slice(1),
}));

export interface SeedDeps {
  db: Kysely<Database>;
  extract: ExtractPlanFn;
  /** The folder holding nankai-2020.txt (the project's examples/). */
  examplesDir: string;
  actor?: Actor;
}

export interface SeedOutcome {
  seeded: boolean;
  planId: number | null;
  summary: ImportSummary | null;
}

/** Seeds the demo plan unless this database was seeded before; one transaction. */
export async function seedDemo(deps: SeedDeps): Promise<SeedOutcome> {
  const actor = deps.actor ?? SYSTEM_ACTOR;
  if (await getSetting(deps.db, DEMO_SEEDED_KEY)) return { seeded: false, planId: null, summary: null };
  const path = join(deps.examplesDir, DEMO_FILE);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new AppError(
      "not_found",
      { zh: `示例计划文件不存在：${path}`, en: `the example plan is missing: ${path}` },
      {
        file: path,
      },
    );
  }
  return inTransaction(deps.db, async (trx) => {
    if (await getSetting(trx, DEMO_SEEDED_KEY)) return { seeded: false, planId: null, summary: null };
    const tianjin = await ensureRegion(trx, actor, { name: "天津市", code: "120000", level: "province" });
    const nankai = await ensureRegion(trx, actor, {
      name: "南开区",
      code: "120104",
      parentId: tianjin.id,
      level: "county",
    });
    await ensureDepartments(trx, actor, nankai.id, NANKAI_DEPARTMENTS);
    const existing = await findPlansBySource(trx, { sha256: sha256Hex(bytes) });
    let outcome: SeedOutcome;
    if (existing.length > 0) {
      outcome = { seeded: false, planId: existing[0]?.planId ?? null, summary: null };
    } else {
      const result = await importPlan(
        { db: trx, extract: deps.extract, actor },
        { bytes, fileName: DEMO_FILE, region: "120104", year: 2020 },
      );
      outcome = { seeded: true, planId: result.planId, summary: result.summary };
    }
    await setSetting(
      trx,
      actor,
      DEMO_SEEDED_KEY,
      JSON.stringify({ at: new Date().toISOString(), planId: outcome.planId }),
    );
    return outcome;
  });
}
