// A city plan's target rolls up the same indicator of its districts' plans: the planner links district
// targets to it. Only targets of plans of the regions directly under the city's, of the same year, with
// the same unit and kind, and none a milestone; a district target feeds one city target.

import type { Kysely } from "kysely";
import type { LinkedTargetRef, TargetLinksRequest, TargetLinksView } from "../contract/links.ts";
import type { Actor } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import {
  deleteLink,
  insertLinks,
  type LinkableTargetRow,
  linksOfChildren,
  listLinksOfParents,
  listTargetsWithPlans,
} from "../db/target-links-repository.ts";
import { AppError, type LocalText } from "../domain/app-error.ts";

type Db = Kysely<Database>;

function bad(message: LocalText, details: Record<string, unknown> = {}): AppError {
  return new AppError("bad_input", message, details);
}

/** A target's kind as the Chinese screen names it (the web app's kind.* words). */
const KIND_ZH: Record<string, string> = {
  cumulative: "累计量",
  level: "水平值",
  rate: "增速",
  milestone: "里程碑",
};

type TargetWithPlan = LinkableTargetRow;

function refOf(t: TargetWithPlan): LinkedTargetRef {
  return {
    targetId: t.id,
    planId: t.plan_id,
    planTitle: t.planTitle,
    region: t.region_id === null || t.regionName === null ? null : { id: t.region_id, name: t.regionName },
    subject: t.subject,
    display: t.display,
    unit: t.unit,
    kind: t.kind,
  };
}

const yearOf = (t: TargetWithPlan) => t.year ?? Number(t.period_start.slice(0, 4));

async function loadCityTarget(db: Db, id: number): Promise<TargetWithPlan> {
  const [t] = await listTargetsWithPlans(db, [id]);
  if (!t)
    throw new AppError(
      "not_found",
      { zh: `指标 ${id} 不存在`, en: `target ${id} not found` },
      { entity: "target", id },
    );
  return t;
}

export async function targetLinks(db: Db, targetId: number): Promise<TargetLinksView> {
  await loadCityTarget(db, targetId);
  const links = await listLinksOfParents(db, [targetId]);
  const children = await listTargetsWithPlans(
    db,
    links.map((l) => l.childTargetId),
  );
  const byId = new Map(children.map((c) => [c.id, c]));
  return {
    targetId,
    children: links.flatMap((l) => {
      const c = byId.get(l.childTargetId);
      return c ? [refOf(c)] : [];
    }),
  };
}

export async function linkTargets(
  db: Db,
  actor: Actor,
  targetId: number,
  request: TargetLinksRequest,
): Promise<TargetLinksView> {
  const ids = [...new Set(request.childTargetIds)];
  if (ids.length === 0)
    throw bad(
      { zh: "请至少选择一个区级指标", en: "give at least one district target" },
      { field: "childTargetIds" },
    );
  await inTransaction(db, async (trx) => {
    const city = await loadCityTarget(trx, targetId);
    if (city.kind === "milestone")
      throw bad(
        {
          zh: `指标 ${targetId} 没有数值，不能汇总`,
          en: `target ${targetId} is a milestone: nothing to roll up`,
        },
        {
          field: "targetId",
        },
      );
    const children = await listTargetsWithPlans(trx, ids);
    const found = new Set(children.map((c) => c.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0)
      throw new AppError(
        "not_found",
        { zh: `指标不存在：${missing.join("、")}`, en: `no such targets: ${missing.join(", ")}` },
        {
          field: "childTargetIds",
          ids: missing,
        },
      );
    for (const c of children) {
      const where = { field: "childTargetIds", id: c.id };
      if (city.region_id === null || c.regionParentId !== city.region_id)
        throw bad(
          {
            zh: `指标 ${c.id}（${c.regionName ?? "无地区"}）不属于 ${city.regionName ?? "该计划地区"} 的下级区划`,
            en: `target ${c.id} (${c.regionName ?? "no region"}) is not in a region directly under ${city.regionName ?? "the city plan's region"}`,
          },
          where,
        );
      if (c.unit !== city.unit)
        throw bad(
          {
            zh: `指标 ${c.id} 的单位“${c.unit}”与“${city.unit}”不同`,
            en: `target ${c.id} is in “${c.unit}”, the city target in “${city.unit}”`,
          },
          { ...where, unit: c.unit, expected: city.unit },
        );
      if (c.kind !== city.kind)
        throw bad(
          {
            zh: `指标 ${c.id} 的类型（${KIND_ZH[c.kind] ?? c.kind}）与市级指标（${KIND_ZH[city.kind] ?? city.kind}）不同`,
            en: `target ${c.id} is ${c.kind}, the city target ${city.kind}`,
          },
          { ...where, kind: c.kind, expected: city.kind },
        );
      if (yearOf(c) !== yearOf(city))
        throw bad(
          {
            zh: `指标 ${c.id} 属于 ${yearOf(c)} 年的计划，市级计划为 ${yearOf(city)} 年`,
            en: `target ${c.id} is of a ${yearOf(c)} plan, the city plan is ${yearOf(city)}`,
          },
          where,
        );
    }
    const existing = await linksOfChildren(trx, ids);
    const elsewhere = existing.filter((l) => l.parentTargetId !== targetId);
    if (elsewhere.length > 0)
      throw new AppError(
        "conflict",
        {
          zh: `区级指标已关联到其他市级指标：${elsewhere.map((l) => `${l.childTargetId} → ${l.parentTargetId}`).join("、")}`,
          en: `district targets already linked elsewhere: ${elsewhere.map((l) => `${l.childTargetId} → ${l.parentTargetId}`).join(", ")}`,
        },
        { links: elsewhere },
      );
    const already = new Set(existing.map((l) => l.childTargetId));
    await insertLinks(
      trx,
      actor,
      city.plan_id,
      targetId,
      ids.filter((id) => !already.has(id)),
    );
  });
  return targetLinks(db, targetId);
}

export async function unlinkTarget(
  db: Db,
  actor: Actor,
  targetId: number,
  childId: number,
): Promise<TargetLinksView> {
  const city = await loadCityTarget(db, targetId);
  const removed = await deleteLink(db, actor, city.plan_id, targetId, childId);
  if (!removed)
    throw new AppError(
      "not_found",
      {
        zh: `指标 ${childId} 未关联到指标 ${targetId}`,
        en: `target ${childId} is not linked to target ${targetId}`,
      },
      { targetId, childId },
    );
  return targetLinks(db, targetId);
}
