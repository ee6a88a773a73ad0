// The audit log as an auditor reads it: who (name and department), when, what in words, about which
// object (by its name and period, with where the web app shows it) and which fields went from what to
// what — in the reader's language. The codes and the stored JSON stay in each entry beside the words:
// they are the record the hash chain covers. Exports: the raw CSV (every column as stored, with the
// hash) and the worded Excel workbook (audit-xlsx.ts).

import type { Kysely } from "kysely";
import type { AuditChangeView, AuditEntryView, AuditObjectView, AuditPage } from "../contract/audit.ts";
import {
  type AuditObjectIds,
  type AuditObjectRows,
  listAuditObjects,
  NO_OBJECT_IDS,
} from "../db/audit-objects-repository.ts";
import {
  type AuditRowWithUser,
  type AuditSearch,
  iterateAudit,
  searchAudit,
} from "../db/audit-repository.ts";
import type { Database } from "../db/schema.ts";
import { AppError, type LocalText } from "../domain/app-error.ts";
import { auditChanges } from "../domain/audit-diff.ts";
import {
  DEPARTMENT_FIELDS,
  fieldWords,
  REGION_FIELDS,
  USER_FIELDS,
  valueWords,
} from "../domain/audit-field-words.ts";
import { type AuditLang, actionWords, entityWords, settingWords } from "../domain/audit-words.ts";
import { periodWords } from "../domain/reminder-text.ts";

type Db = Kysely<Database>;

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function field(record: unknown, key: string): unknown {
  return record && typeof record === "object" && !Array.isArray(record) && key in record
    ? (record as Record<string, unknown>)[key]
    : undefined;
}

function textField(record: unknown, key: string): string | null {
  const value = field(record, key);
  return typeof value === "string" && value.trim() ? value : null;
}

function attemptedUsername(row: AuditRowWithUser): string | null {
  return row.username ?? textField(parseJson(row.after), "username");
}

/** The bad filter named, before any query: an end before the start finds nothing by mistake. */
export function checkAuditSearch(search: AuditSearch): AuditSearch {
  if (
    search.from &&
    search.to &&
    search.to.length >= 10 &&
    search.from.slice(0, 10) > search.to.slice(0, 10)
  ) {
    throw new AppError(
      "bad_input",
      {
        zh: `时间范围无效：结束（${search.to}）早于开始（${search.from}）`,
        en: `the end of the time range (${search.to}) is before its start (${search.from})`,
      },
      { field: "to" },
    );
  }
  return search;
}

// ── Names of what rows are about ───────────────────────────────────────────────────────────────

const numberId = (value: unknown): number | null => {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
};

/** Which table an entity kind's id points into. */
const KIND_TABLE: Partial<Record<string, keyof AuditObjectIds>> = {
  target: "targets",
  task: "nodes",
  outline_node: "nodes",
  plan: "plans",
  user: "users",
  department: "departments",
  region: "regions",
  report: "reports",
  task_adjustment: "adjustments",
  extension_request: "extensions",
  reminder: "reminders",
  reminder_channel: "channels",
  attachment: "attachments",
};

type IdSets = Record<keyof AuditObjectIds, Set<number>>;

function emptySets(): IdSets {
  return Object.fromEntries(Object.keys(NO_OBJECT_IDS).map((k) => [k, new Set<number>()])) as IdSets;
}

/** Department and user ids inside the records, wherever a field says it holds one. */
function collectRecordIds(value: unknown, key: string, sets: IdSets): void {
  if (Array.isArray(value)) {
    for (const v of value) collectRecordIds(v, key, sets);
    return;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) collectRecordIds(v, k, sets);
    return;
  }
  const id = numberId(value);
  if (id === null || typeof value !== "number") return;
  if (DEPARTMENT_FIELDS.has(key)) sets.departments.add(id);
  if (REGION_FIELDS.has(key)) sets.regions.add(id);
  if (USER_FIELDS.has(key)) sets.users.add(id);
}

interface Parsed {
  row: AuditRowWithUser;
  before: unknown;
  after: unknown;
}

/** Everything a page's words need, read in at most three rounds (a report's attachment → report → target). */
async function loadObjects(db: Db, parsed: readonly Parsed[]): Promise<AuditObjectRows> {
  const want = emptySets();
  for (const { row, before, after } of parsed) {
    const table = KIND_TABLE[row.entity];
    const id = numberId(row.entity_id);
    if (table && id !== null) want[table].add(id);
    if (row.user_id !== null) want.users.add(row.user_id);
    if (row.plan_id !== null) want.plans.add(row.plan_id);
    collectRecordIds(before, "", want);
    collectRecordIds(after, "", want);
  }
  const have = emptySets();
  const rows = Object.fromEntries(
    Object.keys(NO_OBJECT_IDS).map((k) => [k, []]),
  ) as unknown as AuditObjectRows;
  for (let round = 0; round < 3; round += 1) {
    const ask = Object.fromEntries(
      Object.entries(want).map(([k, set]) => [k, [...set].filter((id) => !have[k as keyof IdSets].has(id))]),
    ) as unknown as AuditObjectIds;
    if (Object.values(ask).every((ids: readonly number[]) => ids.length === 0)) break;
    const got = await listAuditObjects(db, ask);
    for (const key of Object.keys(ask) as (keyof AuditObjectIds)[]) {
      for (const id of ask[key]) have[key].add(id);
      (rows[key] as unknown[]).push(...got[key]);
    }
    // What the rows just read point at: their subjects, plans and departments.
    for (const r of got.reports) addSubject(want, r);
    for (const r of got.extensions) addSubject(want, r);
    for (const r of got.adjustments) want.nodes.add(r.node_id);
    for (const r of got.attachments) want.reports.add(r.report_id);
    for (const r of got.reminders) {
      want.departments.add(r.department_id);
      if (r.target_id !== null) want.targets.add(r.target_id);
    }
    for (const r of got.channels) if (r.department_id !== null) want.departments.add(r.department_id);
    for (const r of got.users) if (r.department_id !== null) want.departments.add(r.department_id);
  }
  return rows;
}

function addSubject(
  want: IdSets,
  r: { plan_id: number; target_id: number | null; node_id: number | null; item_id: number | null },
): void {
  want.plans.add(r.plan_id);
  if (r.target_id !== null) want.targets.add(r.target_id);
  if (r.node_id !== null) want.nodes.add(r.node_id);
  if (r.item_id !== null) want.items.add(r.item_id);
}

type ObjectMaps = { [K in keyof AuditObjectRows]: Map<number, AuditObjectRows[K][number]> };

interface Names {
  maps: ObjectMaps;
  department: (id: number) => string | undefined;
  region: (id: number) => string | undefined;
  user: (id: number) => string | undefined;
  /** What a report or an extension request is for: its target, task or project. */
  subject: (r: { target_id: number | null; node_id: number | null; item_id: number | null }) => string | null;
}

function namesOf(rows: AuditObjectRows): Names {
  const maps = Object.fromEntries(
    Object.entries(rows).map(([k, list]) => [k, new Map((list as { id: number }[]).map((r) => [r.id, r]))]),
  ) as ObjectMaps;
  return {
    maps,
    department: (id) => maps.departments.get(id)?.name,
    region: (id) => maps.regions.get(id)?.name,
    user: (id) => {
      const u = maps.users.get(id);
      return u ? u.display_name || u.username : undefined;
    },
    subject: (r) => {
      if (r.target_id !== null) return maps.targets.get(r.target_id)?.subject ?? null;
      if (r.node_id !== null) return maps.nodes.get(r.node_id)?.title ?? null;
      if (r.item_id !== null) return maps.items.get(r.item_id)?.name ?? null;
      return null;
    },
  };
}

/** The name a row itself keeps, for an object that is gone (a deleted plan or target). */
function recordedName(before: unknown, after: unknown): string | null {
  for (const record of [after, before])
    for (const key of ["title", "subject", "name", "display_name", "username", "fileName", "file"]) {
      const text = textField(record, key);
      if (text) return text;
    }
  return null;
}

const review = (planId: number | undefined | null) => (planId ? `/review?plan=${planId}` : "/review");

function describeObject(p: Parsed, names: Names, lang: AuditLang): AuditObjectView {
  const { row, before, after } = p;
  const id = numberId(row.entity_id);
  const m = names.maps;
  const kindText = entityWords(row.entity, lang);
  const period = (key: string | null | undefined) => (key ? periodWords(key, lang) : null);
  const fallback = recordedName(before, after);
  const view = (name: string | null, link: string | null, periodText: string | null = null) => ({
    kindText,
    name: name ?? fallback,
    period: periodText,
    link,
  });
  switch (row.entity) {
    case "target": {
      const t = id === null ? undefined : m.targets.get(id);
      const planId = t?.plan_id ?? row.plan_id;
      return view(t?.subject ?? null, planId ? `/plans/${planId}/edit` : null);
    }
    case "task":
      return view((id && m.nodes.get(id)?.title) || null, id ? `/tasks/${id}` : null);
    case "outline_node": {
      const n = id === null ? undefined : m.nodes.get(id);
      const planId = n?.plan_id ?? row.plan_id;
      return view(n?.title ?? null, planId ? `/plans/${planId}/edit` : null);
    }
    case "plan": {
      const plan = id === null ? undefined : m.plans.get(id);
      return view(plan?.title ?? null, plan ? `/plans/${plan.id}` : null);
    }
    case "report": {
      const r = id === null ? undefined : m.reports.get(id);
      const subject = textField(after, "period") ?? textField(before, "period");
      return {
        kindText,
        name: r ? names.subject(r) : null,
        period: period(r?.period ?? subject),
        link: review(r?.plan_id ?? row.plan_id),
      };
    }
    case "task_adjustment": {
      const a = id === null ? undefined : m.adjustments.get(id);
      return view(a ? (m.nodes.get(a.node_id)?.title ?? null) : null, a ? `/tasks/${a.node_id}` : null);
    }
    case "extension_request": {
      const e = id === null ? undefined : m.extensions.get(id);
      return {
        kindText,
        name: e ? names.subject(e) : null,
        period: period(e?.period),
        link: review(e?.plan_id),
      };
    }
    case "reminder": {
      const r = id === null ? undefined : m.reminders.get(id);
      const dept = r ? names.department(r.department_id) : undefined;
      const target = r?.target_id ? m.targets.get(r.target_id)?.subject : undefined;
      const name = [dept, target].filter(Boolean).join(lang === "zh" ? "：" : ": ") || null;
      return { kindText, name, period: period(r?.period), link: review(r?.plan_id ?? row.plan_id) };
    }
    case "reminder_channel": {
      const c = id === null ? undefined : m.channels.get(id);
      const kind = c ? valueWords("kind", "reminder_channel", c.kind, lang) : null;
      const dept = c?.department_id ? names.department(c.department_id) : undefined;
      const name = c ? [dept, c.label ?? kind].filter(Boolean).join(lang === "zh" ? "·" : " · ") : null;
      return view(name, review(c?.plan_id ?? row.plan_id));
    }
    case "attachment": {
      const a = id === null ? undefined : m.attachments.get(id);
      const r = a ? m.reports.get(a.report_id) : undefined;
      return {
        kindText,
        name: a?.file_name ?? fallback,
        period: period(r?.period),
        link: review(r?.plan_id ?? row.plan_id),
      };
    }
    case "user":
      return view((id && names.user(id)) || null, "/admin/users");
    case "department":
      return view((id && names.department(id)) || null, "/admin/departments");
    case "region":
      return view((id && m.regions.get(id)?.name) || null, null);
    case "setting":
      return {
        kindText,
        name: row.entity_id ? settingWords(row.entity_id, lang) : null,
        period: null,
        link: null,
      };
    default:
      // A session is named by the user who signed in (or tried to); the database by the file restored.
      return view(null, null);
  }
}

/** A setting's value is JSON kept as text: worded as the record it is. */
function settingValue(value: unknown): unknown {
  if (typeof value !== "string" || !/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function describeChanges(p: Parsed, names: Names, lang: AuditLang): AuditChangeView[] {
  const entity = p.row.entity;
  const unwrap = entity === "setting" ? settingValue : (v: unknown) => v;
  return auditChanges(p.before, p.after).map((c) => ({
    field: c.path,
    label: fieldWords(c.path, entity, lang),
    before: c.before === undefined ? null : valueWords(c.path, entity, unwrap(c.before), lang, names),
    after: c.after === undefined ? null : valueWords(c.path, entity, unwrap(c.after), lang, names),
  }));
}

/** The rows in words, each with its codes and stored records. */
export async function wordAuditRows(
  db: Db,
  rows: readonly AuditRowWithUser[],
  lang: AuditLang,
): Promise<AuditEntryView[]> {
  const parsed = rows.map((row) => ({ row, before: parseJson(row.before), after: parseJson(row.after) }));
  const names = namesOf(await loadObjects(db, parsed));
  return parsed.map((p) => {
    const { row } = p;
    const actor = row.user_id === null ? undefined : names.maps.users.get(row.user_id);
    const tried = attemptedUsername(row);
    return {
      id: row.id,
      at: row.at,
      userId: row.user_id,
      username: tried,
      ip: row.ip,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      before: p.before,
      after: p.after,
      actionText: actionWords(row.action, lang),
      // Without a user, only a sign-in row names a person: the one who tried (a user made by the
      // system names the new user in its record, who did not act).
      userName: actor ? actor.display_name || actor.username : row.entity === "session" ? tried : null,
      departmentName: actor?.department_id ? (names.department(actor.department_id) ?? null) : null,
      object: describeObject(p, names, lang),
      changes: describeChanges(p, names, lang),
    };
  });
}

export async function auditPage(
  db: Db,
  search: AuditSearch,
  page: number,
  pageSize: number,
  lang: AuditLang = "zh",
): Promise<AuditPage> {
  const { rows, total } = await searchAudit(db, checkAuditSearch(search), page, pageSize);
  return { entries: await wordAuditRows(db, rows, lang), total, page, pageSize, lang };
}

/** Every matching entry in words, oldest first, a batch at a time (for the Excel export). */
export async function* wordedAuditBatches(
  db: Db,
  search: AuditSearch,
  lang: AuditLang,
): AsyncGenerator<AuditEntryView[]> {
  for await (const rows of iterateAudit(db, checkAuditSearch(search), 500))
    yield wordAuditRows(db, rows, lang);
}

// ── The raw CSV ────────────────────────────────────────────────────────────────────────────────

function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  // A leading = + - @ would be a formula in Excel (CSV injection): quote it with a leading apostrophe.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The columns in the reader's language: a Chinese sheet has Chinese headers only. */
export const AUDIT_CSV_HEADER: Record<keyof LocalText, readonly string[]> = {
  zh: ["序号", "时间", "用户", "地址", "操作", "对象", "对象编号", "修改前", "修改后", "哈希"],
  en: ["id", "at", "user", "ip", "action", "entity", "entity id", "before", "after", "hash"],
};

/**
 * The matching rows as CSV lines, oldest first, as stored (codes and JSON: the record the hashes
 * cover, for checking it elsewhere): UTF-8 with a BOM so that Excel reads the Chinese.
 */
export async function* auditCsv(
  db: Db,
  search: AuditSearch,
  lang: keyof LocalText = "zh",
): AsyncGenerator<string> {
  const checked = checkAuditSearch(search);
  yield `\uFEFF${AUDIT_CSV_HEADER[lang].map(csvField).join(",")}\r\n`;
  for await (const rows of iterateAudit(db, checked)) {
    yield rows
      .map((r) =>
        [r.id, r.at, attemptedUsername(r), r.ip, r.action, r.entity, r.entity_id, r.before, r.after, r.hash]
          .map(csvField)
          .join(","),
      )
      .map((line) => `${line}\r\n`)
      .join("");
  }
}
