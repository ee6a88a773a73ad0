// What audit rows are about, read by id for a page of the log: the names and periods an auditor reads
// (a target's subject, a task's title, a report's subject and period …) and the acting users with
// their departments. Read at display time, never copied into the log: the chain keeps what happened,
// the words follow today's names.

import type { Kysely } from "kysely";
import { idChunks } from "./id-chunks.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

/** The ids of each kind a page needs, as numbers (audit_log.entity_id is text). */
export interface AuditObjectIds {
  targets: readonly number[];
  nodes: readonly number[];
  items: readonly number[];
  plans: readonly number[];
  users: readonly number[];
  departments: readonly number[];
  regions: readonly number[];
  reports: readonly number[];
  adjustments: readonly number[];
  extensions: readonly number[];
  reminders: readonly number[];
  channels: readonly number[];
  attachments: readonly number[];
}

export interface AuditObjectRows {
  targets: { id: number; plan_id: number; subject: string }[];
  nodes: { id: number; plan_id: number; title: string; kind: string }[];
  items: { id: number; plan_id: number; name: string }[];
  plans: { id: number; title: string }[];
  users: { id: number; username: string; display_name: string | null; department_id: number | null }[];
  departments: { id: number; name: string }[];
  regions: { id: number; name: string }[];
  reports: {
    id: number;
    plan_id: number;
    target_id: number | null;
    node_id: number | null;
    item_id: number | null;
    period: string;
  }[];
  adjustments: { id: number; plan_id: number; node_id: number }[];
  extensions: {
    id: number;
    plan_id: number;
    target_id: number | null;
    node_id: number | null;
    item_id: number | null;
    period: string | null;
  }[];
  reminders: {
    id: number;
    plan_id: number;
    department_id: number;
    target_id: number | null;
    period: string | null;
  }[];
  channels: {
    id: number;
    plan_id: number | null;
    department_id: number | null;
    kind: string;
    label: string | null;
  }[];
  attachments: { id: number; report_id: number; file_name: string }[];
}

export const NO_OBJECT_IDS: AuditObjectIds = {
  targets: [],
  nodes: [],
  items: [],
  plans: [],
  users: [],
  departments: [],
  regions: [],
  reports: [],
  adjustments: [],
  extensions: [],
  reminders: [],
  channels: [],
  attachments: [],
};

async function byIds<T>(
  db: Db,
  ids: readonly number[],
  read: (chunk: number[]) => Promise<T[]>,
): Promise<T[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const out: T[] = [];
  for (const chunk of idChunks(db, unique)) out.push(...(await read(chunk)));
  return out;
}

/** One read per kind asked for; kinds with no ids cost nothing. */
export async function listAuditObjects(db: Db, ids: AuditObjectIds): Promise<AuditObjectRows> {
  const [targets, nodes, items, plans, users, departments, regions] = await Promise.all([
    byIds(db, ids.targets, (c) =>
      db.selectFrom("targets").select(["id", "plan_id", "subject"]).where("id", "in", c).execute(),
    ),
    byIds(db, ids.nodes, (c) =>
      db
        .selectFrom("outline_nodes")
        .select(["id", "plan_id", "title", "kind"])
        .where("id", "in", c)
        .execute(),
    ),
    byIds(db, ids.items, (c) =>
      db.selectFrom("items").select(["id", "plan_id", "name"]).where("id", "in", c).execute(),
    ),
    byIds(db, ids.plans, (c) =>
      db.selectFrom("plans").select(["id", "title"]).where("id", "in", c).execute(),
    ),
    byIds(db, ids.users, (c) =>
      db
        .selectFrom("users")
        .select(["id", "username", "display_name", "department_id"])
        .where("id", "in", c)
        .execute(),
    ),
    byIds(db, ids.departments, (c) =>
      db.selectFrom("departments").select(["id", "name"]).where("id", "in", c).execute(),
    ),
    byIds(db, ids.regions, (c) =>
      db.selectFrom("regions").select(["id", "name"]).where("id", "in", c).execute(),
    ),
  ]);
  const [reports, adjustments, extensions, reminders, channels, attachments] = await Promise.all([
    byIds(db, ids.reports, (c) =>
      db
        .selectFrom("reports")
        .select(["id", "plan_id", "target_id", "node_id", "item_id", "period"])
        .where("id", "in", c)
        .execute(),
    ),
    byIds(db, ids.adjustments, (c) =>
      db.selectFrom("task_adjustments").select(["id", "plan_id", "node_id"]).where("id", "in", c).execute(),
    ),
    byIds(db, ids.extensions, (c) =>
      db
        .selectFrom("extension_requests")
        .select(["id", "plan_id", "target_id", "node_id", "item_id", "period"])
        .where("id", "in", c)
        .execute(),
    ),
    byIds(db, ids.reminders, (c) =>
      db
        .selectFrom("reminders")
        .select(["id", "plan_id", "department_id", "target_id", "period"])
        .where("id", "in", c)
        .execute(),
    ),
    byIds(db, ids.channels, (c) =>
      db
        .selectFrom("reminder_channels")
        .select(["id", "plan_id", "department_id", "kind", "label"])
        .where("id", "in", c)
        .execute(),
    ),
    byIds(db, ids.attachments, (c) =>
      db.selectFrom("attachments").select(["id", "report_id", "file_name"]).where("id", "in", c).execute(),
    ),
  ]);
  return {
    targets,
    nodes,
    items,
    plans,
    users,
    departments,
    regions,
    reports,
    adjustments,
    extensions,
    reminders,
    channels,
    attachments,
  };
}
