// What the access rules (src/domain/access.ts) need to know before a request may go on: the region
// and state of the plans it touches, and the regions a user's scope reaches. The access guard and the
// routes that filter by scope ask here, never a repository.

import type { Kysely } from "kysely";
import {
  listPlanAccessFacts,
  type PlanOwnedTable,
  planAccessFactsOfRow,
  planIdsOfNodes,
  planIdsOfTargets,
} from "../db/plan-access-repository.ts";
import { listRegionLinks } from "../db/regions-repository.ts";
import type { Database, PlanRow } from "../db/schema.ts";
import {
  type PlanResource,
  type Principal,
  type RegionScope,
  regionScope,
  scopeNeedsRegions,
} from "../domain/access.ts";

type Db = Kysely<Database>;

/** A plan as the access rules see it. */
export interface PlanAccess {
  planId: number;
  regionId: number | null;
  state: PlanRow["state"];
}

/** What a request names: the id in its path, and the target or node ids in its body (*_in_body). */
export interface AccessSubject {
  id: number;
  targetIds: readonly number[];
  nodeIds?: readonly number[];
}

const OWNER_TABLE: Record<
  Exclude<PlanResource, "plan" | "targets_in_body" | "nodes_in_body">,
  PlanOwnedTable
> = {
  target: "targets",
  node: "outline_nodes",
  item: "items",
  report: "reports",
  extension: "extension_requests",
  adjustment: "task_adjustments",
};

function toAccess(facts: { id: number; region_id: number | null; state: PlanRow["state"] }): PlanAccess {
  return { planId: facts.id, regionId: facts.region_id, state: facts.state };
}

/** The region and state of the plans a request on `resource` touches; none found: an empty list. */
export async function planAccessOf(
  db: Db,
  resource: PlanResource,
  subject: AccessSubject,
): Promise<PlanAccess[]> {
  const { id, targetIds } = subject;
  switch (resource) {
    case "plan":
      return Number.isInteger(id) ? (await listPlanAccessFacts(db, [id])).map(toAccess) : [];
    case "targets_in_body": {
      if (targetIds.length === 0) return [];
      return (await listPlanAccessFacts(db, await planIdsOfTargets(db, targetIds))).map(toAccess);
    }
    case "nodes_in_body": {
      const nodeIds = subject.nodeIds ?? [];
      if (nodeIds.length === 0) return [];
      return (await listPlanAccessFacts(db, await planIdsOfNodes(db, nodeIds))).map(toAccess);
    }
    default: {
      if (!Number.isInteger(id)) return [];
      const facts = await planAccessFactsOfRow(db, OWNER_TABLE[resource], id);
      return facts ? [toAccess(facts)] : [];
    }
  }
}

/** The regions this user's plans may be in (reads the region tree only when the user's role needs it). */
export async function regionScopeOf(db: Db, principal: Principal): Promise<RegionScope> {
  const regions = scopeNeedsRegions(principal) ? await listRegionLinks(db) : [];
  return regionScope(principal, regions);
}
