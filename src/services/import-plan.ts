// Importing a plan document: read it, extract the draft, and store plan, source and draft in one
// transaction — or store nothing and say why.

import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { ImportResult, PlanSummary } from "../contract/plans.ts";
import { type Actor, SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import { insertPlanDraft } from "../db/plan-import-repository.ts";
import { findPlansBySource } from "../db/plans-repository.ts";
import { createRegion, findRegionByCode, findRegionsByName } from "../db/regions-repository.ts";
import type { Database, RegionRow } from "../db/schema.ts";
import { AppError, type LocalText } from "../domain/app-error.ts";
import { comparableText } from "../extract/comparable-text.ts";
import type { PlanDraft } from "../extract/types.ts";
import { inProcessJobs, type JobRunner } from "./job-handlers.ts";
import { getPlanSummary } from "./plan-queries.ts";
import { baseName } from "./read-document.ts";

export type ExtractPlanFn = (text: string, options?: { region?: string; year?: number }) => PlanDraft;

export interface ImportInput {
  bytes: Uint8Array;
  fileName: string;
  /** A region name (南开区) or GB/T 2260 code (120104); otherwise the one the text names. */
  region?: string;
  year?: number;
  /** Import even when the same document is already a plan. */
  force?: boolean;
}

export interface ImportDeps {
  db: Kysely<Database>;
  extract: ExtractPlanFn;
  actor?: Actor;
  /**
   * Refuses (throws) a plan whose region the importing user may not edit; runs inside the import's
   * transaction, after the region is known, so that a refused import leaves nothing behind.
   */
  authorizeRegion?: (db: Kysely<Database>, regionId: number | null) => Promise<void>;
  /**
   * Where the document is read and its plan extracted: the server's job pool (off its event loop,
   * with limits); by default this thread, with `extract`.
   */
  jobs?: JobRunner;
}

/** Jobs in this thread with the given extractor in place of the real one (a test's stand-in). */
export function jobsWithExtractor(extract: ExtractPlanFn): JobRunner {
  return inProcessJobs({ extractPlan: async ({ text, options }) => extract(text, options) });
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

const MIN_YEAR = 1949;
const MAX_YEAR = 2100;

export function checkYear(year: number | undefined, label = "year"): void {
  if (year === undefined) return;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new AppError(
      "bad_input",
      {
        zh: `${label === "year" ? "年度" : `年度（${label}）`}应为 ${MIN_YEAR}–${MAX_YEAR} 的整数`,
        en: `${label} must be a year ${MIN_YEAR}–${MAX_YEAR}`,
      },
      {
        field: label,
        value: year,
      },
    );
  }
}

const REGION_CODE = /^\d{6}$/;

/** Finds the region a plan belongs to; a name no region has yet becomes a region (without code). */
async function resolveRegion(db: Kysely<Database>, actor: Actor, nameOrCode: string): Promise<RegionRow> {
  const key = nameOrCode.trim();
  if (REGION_CODE.test(key)) {
    const region = await findRegionByCode(db, key);
    if (!region) {
      throw new AppError(
        "bad_input",
        { zh: `没有代码为 ${key} 的地区`, en: `no region has the code ${key}` },
        {
          region: key,
        },
      );
    }
    return region;
  }
  const matches = await findRegionsByName(db, key);
  if (matches.length > 1) {
    throw new AppError(
      "bad_input",
      {
        zh: `有多个名为 ${key} 的地区，请用行政区划代码指定`,
        en: `several regions are called ${key}: give the GB/T 2260 code`,
      },
      { region: key, codes: matches.map((r) => r.code) },
    );
  }
  return matches[0] ?? createRegion(db, actor, { name: key, code: null });
}

function stripExtension(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

export function hasPlanContent(draft: PlanDraft): boolean {
  return draft.outline.length > 0 || draft.targets.length > 0 || draft.milestones.length > 0;
}

function duplicateMessage(name: string, matches: { planId: number; title: string }[]): LocalText {
  const zh = matches.map((m) => `《${m.title}》（编号 ${m.planId}）`).join("、");
  const en = matches.map((m) => `#${m.planId}`).join(", ");
  return {
    zh: `${name}：该文件已导入为计划${zh}；确需再建一份请选择强制导入（命令行 --force）`,
    en: `${name}: this document is already plan ${en}; import it with force (--force) to make another`,
  };
}

export async function importPlan(deps: ImportDeps, input: ImportInput): Promise<ImportResult> {
  const actor = deps.actor ?? SYSTEM_ACTOR;
  const name = baseName(input.fileName);
  checkYear(input.year);
  const jobs = deps.jobs ?? jobsWithExtractor(deps.extract);
  const doc = await jobs.run("readDocument", { bytes: input.bytes, fileName: name });
  const sha256 = sha256Hex(input.bytes);
  // The same text in another format or encoding is the same document: compared without its layout.
  const textSha256 = sha256Hex(comparableText(doc.text));
  const hashes = { sha256, textSha256, rawTextSha256: sha256Hex(doc.text) };

  const early = await findPlansBySource(deps.db, hashes);
  if (early.length > 0 && !input.force) {
    throw new AppError("conflict", duplicateMessage(name, early), {
      file: name,
      existingPlanIds: early.map((m) => m.planId),
    });
  }

  const regionOption = input.region?.trim() || undefined;
  const regionForExtractor =
    regionOption && REGION_CODE.test(regionOption)
      ? (await findRegionByCode(deps.db, regionOption))?.name
      : regionOption;
  let draft: PlanDraft;
  try {
    draft = await jobs.run("extractPlan", {
      text: doc.text,
      fileName: name,
      options: {
        ...(regionForExtractor ? { region: regionForExtractor } : {}),
        ...(input.year !== undefined ? { year: input.year } : {}),
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const cause = error instanceof Error ? error.message : String(error);
    throw new AppError(
      "internal",
      { zh: `${name}：解析计划文本失败：${cause}`, en: `${name}: extraction failed: ${cause}` },
      { file: name },
    );
  }
  if (!hasPlanContent(draft)) {
    throw new AppError(
      "no_plan_content",
      {
        zh: `${name}：没有找到计划内容（既无提纲标题也无指标）`,
        en: `${name}: no plan content found (no headings and no targets)`,
      },
      { file: name },
    );
  }

  const year = input.year ?? draft.meta.year ?? draft.meta.periodStart ?? undefined;
  if (year === undefined || year === null) {
    throw new AppError(
      "bad_input",
      {
        zh: `${name}：无法从文本判断计划年度，请指定年度（命令行 --year）`,
        en: `${name}: cannot tell the plan's year from the text: give the year (--year)`,
      },
      { file: name },
    );
  }
  checkYear(year);
  const firstYear = Math.min(draft.meta.periodStart ?? year, year);
  const lastYear = Math.max(draft.meta.periodEnd ?? year, year);

  const { planId, summary, duplicateOf } = await inTransaction(deps.db, async (trx) => {
    // Checked again inside the transaction: two uploads of one file at once make one plan.
    const duplicates = await findPlansBySource(trx, hashes);
    if (duplicates.length > 0 && !input.force) {
      throw new AppError("conflict", duplicateMessage(name, duplicates), {
        file: name,
        existingPlanIds: duplicates.map((m) => m.planId),
      });
    }
    const regionName = regionOption ?? draft.meta.region ?? null;
    const region = regionName ? await resolveRegion(trx, actor, regionName) : null;
    await deps.authorizeRegion?.(trx, region?.id ?? null);
    const stored = await insertPlanDraft(
      trx,
      actor,
      {
        regionId: region?.id ?? null,
        title: draft.meta.title?.trim() || stripExtension(name),
        year,
        periodStart: `${firstYear}-01-01`,
        periodEnd: `${lastYear}-12-31`,
        // A period of several years (2021–2025) is a five-year plan's (规划纲要); one year, an annual plan's.
        kind: lastYear - firstYear >= 2 ? "five_year" : "annual",
        issuer: draft.meta.issuer,
        publishedOn: draft.meta.published,
      },
      {
        fileName: name,
        mediaType: doc.mediaType,
        encoding: doc.encoding,
        sha256,
        textSha256,
        byteSize: doc.byteSize,
        text: doc.text,
      },
      draft,
    );
    return { ...stored, duplicateOf: duplicates.map((m) => m.planId) };
  });
  const plan = (await getPlanSummary(deps.db, planId)) as PlanSummary;
  return { planId, plan, summary, duplicateOf };
}
