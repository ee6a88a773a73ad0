// What an outline node holds — its targets and items — listed by node and moved to another node when
// the editor adds, splits, merges or deletes a task (issue 13). Single statements without an audit row:
// the service runs them inside the change it audits.

import type { Kysely } from "kysely";
import { idChunks } from "./id-chunks.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;
/** The tables whose rows sit under an outline node. */
type NodeOwned = "targets" | "items";

export interface HeldRow {
  id: number;
  node_id: number | null;
  span_start: number;
  span_end: number;
}

/** The rows of `table` under these nodes (or of the whole plan), in text order. */
export async function listHeldRows(
  db: Db,
  table: NodeOwned,
  where: { nodeIds: readonly number[] } | { planId: number },
): Promise<HeldRow[]> {
  const q = () => db.selectFrom(table).select(["id", "node_id", "span_start", "span_end"]);
  const out: HeldRow[] = [];
  if ("planId" in where) out.push(...(await q().where("plan_id", "=", where.planId).execute()));
  else
    for (const chunk of idChunks(db, where.nodeIds))
      out.push(...(await q().where("node_id", "in", chunk).execute()));
  return out.sort((a, b) => a.span_start - b.span_start || a.id - b.id);
}

/** Puts these rows of `table` under another outline node (null: under none). */
export async function setHeldRowsNode(
  db: Db,
  table: NodeOwned,
  ids: readonly number[],
  nodeId: number | null,
  now: string,
): Promise<void> {
  for (const chunk of idChunks(db, ids))
    await db.updateTable(table).set({ node_id: nodeId, updated_at: now }).where("id", "in", chunk).execute();
}
