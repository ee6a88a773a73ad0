// Scores extractPlan on the shared dev corpus exactly as ../shared/tools/score-extraction.mjs scores
// `plantrack extract --json` (same matching, same F1, same subject Dice, same outline and metadata
// checks), and holds it to the bar of issue 2. Skips, saying so, where ../shared is absent.

import { describe, expect, it } from "vitest";
import { type CorpusDocument, DEV_CORPUS_DIR, devCorpus, type GoldQuote } from "../test/shared-corpus.ts";
import { decodeText } from "./decode-text.ts";
import { extractPlan } from "./extract-plan.ts";
import type { ExtractedTarget, PlanDraft } from "./types.ts";

// ---- the scorer's helpers, one for one ----
const norm = (s: unknown): string =>
  String(s ?? "")
    .normalize("NFKC")
    .replace(/[\s,，、。;；:：()（）“”"'《》·]/g, "");
const normUnit = (u: unknown): string =>
  String(u ?? "")
    .normalize("NFKC")
    .trim();
const sameValue = (a: unknown, b: number): boolean =>
  typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

function bigrams(s: string): string[] {
  const t = norm(s);
  if (t.length === 1) return [t];
  const out: string[] = [];
  for (let i = 0; i + 1 < t.length; i++) out.push(t.slice(i, i + 2));
  return out;
}

function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.length && !y.length) return 1;
  const pool = [...y];
  let hit = 0;
  for (const g of x) {
    const k = pool.indexOf(g);
    if (k >= 0) {
      hit++;
      pool.splice(k, 1);
    }
  }
  return (2 * hit) / (x.length + y.length);
}

function titleMatches(pred: string, gold: string): boolean {
  const p = norm(pred);
  const g = norm(gold);
  if (!p || !g) return false;
  if (p === g) return true;
  const [short, long] = p.length < g.length ? [p, g] : [g, p];
  return long.includes(short) && short.length / long.length >= 0.8;
}

interface DocumentScore {
  name: string;
  tp: number;
  fp: number;
  fn: number;
  subject: number;
  comparator: number;
  direction: number;
  outlineGold: number;
  outlineHit: number;
  metaOk: number;
  metaN: number;
  /** What went wrong, for the assertion messages. */
  notes: string[];
}

function scoreDocument(doc: CorpusDocument): DocumentScore {
  const text = decodeText(doc.bytes, doc.name).text;
  const draft: PlanDraft = extractPlan(text);
  const { gold } = doc;
  const notes: string[] = [];
  const locate = (quote: string, occurrence = 1) => {
    let start = -1;
    for (let k = 0; k < occurrence; k++) start = text.indexOf(quote, start + 1);
    if (start < 0) throw new Error(`${doc.name}: gold quote not in text: ${quote}`);
    return { start, end: start + quote.length };
  };
  const preds = draft.targets.map((p) => ({ ...p, used: false }));
  const golds = gold.targets.map((g) => ({ ...g, ...locate(g.quote, g.occurrence) }));
  const ignored = (gold.ignore ?? []).map((q: GoldQuote) =>
    typeof q === "string" ? locate(q) : locate(q.quote, q.occurrence),
  );
  for (const p of preds) if (ignored.some((r) => overlaps(p, r))) p.used = true;

  let tp = 0;
  let subject = 0;
  let comparator = 0;
  let direction = 0;
  let fn = 0;
  const fits = (p: ExtractedTarget, g: (typeof golds)[number]) =>
    sameValue(p.value, g.value) && normUnit(p.unit) === normUnit(g.unit) && overlaps(p, g);
  for (const g of golds) {
    const p = preds.find((x) => !x.used && fits(x, g));
    if (!p) {
      fn++;
      notes.push(`missed: ${g.quote} -> ${g.value} ${g.unit}`);
      continue;
    }
    p.used = true;
    tp++;
    subject += dice(p.subject, g.subject);
    if (p.comparator === g.comparator) comparator++;
    else notes.push(`comparator: ${g.quote} -> ${p.comparator}, gold ${g.comparator}`);
    if (!g.direction || p.direction === g.direction) direction++;
    else notes.push(`direction: ${g.quote} -> ${p.direction}, gold ${g.direction}`);
  }
  // A second prediction of a matched gold target is a duplicate, not a false one.
  const extra = preds.filter((p) => !p.used && !golds.some((g) => fits(p, g)));
  for (const p of extra) notes.push(`false: ${text.slice(p.start, p.end)} -> ${p.value} ${p.unit}`);

  const goldTitles = [
    ...(gold.structure?.sections ?? []),
    ...(gold.structure?.areas ?? []),
    ...(gold.structure?.groups ?? []),
  ];
  const predTitles = draft.outline.map((o) => o.title);
  const outlineHit = goldTitles.filter((g) => predTitles.some((p) => titleMatches(p, g))).length;
  for (const g of goldTitles) {
    if (!predTitles.some((p) => titleMatches(p, g))) notes.push(`outline missed: ${g}`);
  }

  let metaOk = 0;
  let metaN = 0;
  const meta = draft.meta as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(gold.meta ?? {})) {
    metaN++;
    const pv = meta[k];
    const ok =
      k === "year"
        ? Number(pv) === v
        : k === "region"
          ? Boolean(norm(pv)) && (norm(pv).includes(norm(v)) || norm(v).includes(norm(pv)))
          : norm(pv) === norm(v);
    if (ok) metaOk++;
    else notes.push(`meta ${k}: ${String(pv)}, gold ${String(v)}`);
  }
  return {
    name: doc.name,
    tp,
    fp: extra.length,
    fn,
    subject,
    comparator,
    direction,
    outlineGold: goldTitles.length,
    outlineHit,
    metaOk,
    metaN,
    notes,
  };
}

const f1 = (tp: number, fp: number, fn: number): number => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));

interface CorpusScore {
  f1: number;
  subject: number;
  comparator: number;
  direction: number;
  outlineRecall: number;
  documents: DocumentScore[];
  /** One line per problem, prefixed with its document, for assertion messages. */
  report: string;
}

function scoreCorpus(docs: CorpusDocument[]): CorpusScore {
  const documents = docs.map(scoreDocument);
  const sum = (pick: (d: DocumentScore) => number) => documents.reduce((n, d) => n + pick(d), 0);
  const matched = Math.max(
    1,
    sum((d) => d.tp),
  );
  const outlineGold = sum((d) => d.outlineGold);
  return {
    f1: f1(
      sum((d) => d.tp),
      sum((d) => d.fp),
      sum((d) => d.fn),
    ),
    subject: sum((d) => d.subject) / matched,
    comparator: sum((d) => d.comparator) / matched,
    direction: sum((d) => d.direction) / matched,
    outlineRecall: outlineGold ? sum((d) => d.outlineHit) / outlineGold : 1,
    documents,
    report: documents.flatMap((d) => d.notes.map((n) => `${d.name} ${n}`)).join("\n"),
  };
}

const corpus = devCorpus();
if (corpus === null) {
  console.warn(`corpus.test.ts: ${DEV_CORPUS_DIR} is absent (no ../shared beside the repository); skipping.`);
}
const describeCorpus = corpus === null ? describe.skip : describe;

describeCorpus(
  `dev corpus scores (${corpus === null ? "skipped: ../shared is absent" : DEV_CORPUS_DIR})`,
  () => {
    let cached: CorpusScore | null = null;
    const scores = (): CorpusScore => {
      cached ??= scoreCorpus(corpus ?? []);
      return cached;
    };

    it("has documents with gold annotations to score", () => {
      expect(corpus?.length ?? 0).toBeGreaterThan(0);
    });

    it("reaches targets F1 ≥ 0.95", () => {
      expect(scores().f1, scores().report).toBeGreaterThanOrEqual(0.95);
    });

    it("reaches subject Dice ≥ 0.85 on matched targets", () => {
      expect(scores().subject, scores().report).toBeGreaterThanOrEqual(0.85);
    });

    it("agrees on the comparator for ≥ 90% of matched targets", () => {
      expect(scores().comparator, scores().report).toBeGreaterThanOrEqual(0.9);
    });

    it("agrees on the direction for ≥ 90% of matched targets", () => {
      expect(scores().direction, scores().report).toBeGreaterThanOrEqual(0.9);
    });

    it("finds ≥ 95% of the gold outline titles", () => {
      expect(scores().outlineRecall, scores().report).toBeGreaterThanOrEqual(0.95);
    });

    it("reads all 5 metadata fields of the Nankai plan", () => {
      const nankai = scores().documents.find((d) => d.name === "nankai-2020");
      expect(nankai, "nankai-2020.txt with its gold file").toBeDefined();
      expect([nankai?.metaOk, nankai?.metaN], nankai?.notes.join("\n")).toEqual([5, 5]);
    });
  },
);
