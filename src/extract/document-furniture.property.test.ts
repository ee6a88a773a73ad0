// Real task sentences of the dev corpus — the lines that hold a gold target, and their sentences —
// are never read as furniture: on their own, with an organ's name put into them anywhere, or standing
// last in a document before any made-up signature, date, 版记 and page numbers. And a whole corpus
// document with such a closing block added keeps exactly its tasks and targets. Skips, saying so,
// where ../shared is absent.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEV_CORPUS_DIR, devCorpus } from "../test/shared-corpus.ts";
import { decodeText } from "./decode-text.ts";
import { furnitureParagraphs, isFurnitureLine } from "./document-furniture.ts";
import { extractPlan } from "./extract-plan.ts";
import { paragraphs, sentences } from "./segments.ts";
import { buildTextView, type TextView } from "./text-view.ts";

interface RealLine {
  document: string;
  line: string;
  sentences: string[];
}

/** The first character of the cleaned text at or after an offset of the original. */
function viewOffset(view: TextView, original: number): number {
  let lo = 0;
  let hi = view.from.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((view.from[mid] as number) < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const corpus = devCorpus();
const documents = (corpus ?? []).map((doc) => ({
  name: doc.name,
  text: decodeText(doc.bytes, doc.name).text,
  doc,
}));

/** Every line of the corpus that holds a gold target, with the sentences of it that hold one. */
function realLines(): RealLine[] {
  const out = new Map<string, RealLine>();
  for (const { name, text, doc } of documents) {
    const view = buildTextView(text);
    const paras = paragraphs(view.text);
    let from = 0;
    for (const target of doc.gold.targets) {
      let at = -1;
      for (let k = 0; k < (target.occurrence ?? 1); k++) at = text.indexOf(target.quote, at + 1);
      if (at < 0) continue;
      from = at;
      const v = viewOffset(view, from);
      const p = paras.find((s) => s.start <= v && v < s.end);
      if (!p) continue;
      const line = view.text.slice(p.start, p.end);
      const held = sentences(view.text, p)
        .filter((s) => s.start <= v + 1 && v < s.end)
        .map((s) => view.text.slice(s.start, s.end).trim());
      const known = out.get(`${name}:${p.start}`);
      if (known) known.sentences.push(...held.filter((s) => !known.sentences.includes(s)));
      else out.set(`${name}:${p.start}`, { document: name, line, sentences: held });
    }
  }
  return [...out.values()];
}

// ---- made-up furniture ----
const CN = "〇一二三四五六七八九";
const cnYear = (y: number): string => [...String(y)].map((d) => CN[Number(d)]).join("");
const cnSmall = (n: number): string =>
  n <= 10
    ? n === 10
      ? "十"
      : (CN[n] as string)
    : `${n >= 20 ? CN[Math.floor(n / 10)] : ""}十${n % 10 ? CN[n % 10] : ""}`;

const organ = fc
  .tuple(
    fc.constantFrom(
      "南开区",
      "天津市南开区",
      "咸阳市",
      "上海市黄浦区",
      "重庆市荣昌区",
      "吉林省",
      "深圳市龙岗区",
    ),
    fc.constantFrom(
      "人民政府",
      "人民政府办公室",
      "发展和改革委员会",
      "财政局",
      "教育局",
      "住房和城乡建设委员会",
    ),
  )
  .map(([region, body]) => region + body);

const date = fc
  .tuple(
    fc.integer({ min: 1980, max: 2030 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .chain(([y, m, d]) =>
    fc.constantFrom(
      `${y}年${m}月${d}日`,
      `${cnYear(y)}年${cnSmall(m)}月${cnSmall(d)}日`,
      `（${y}年${m}月${d}日）`,
      `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
    ),
  );

const pageNumber = fc
  .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }))
  .chain(([n, total]) => fc.constantFrom(`— ${n} —`, `-${n}-`, `第 ${n} 页 共 ${total} 页`, `${n}/${total}`));

const closingLine = fc.oneof(
  organ,
  date,
  pageNumber,
  fc.tuple(organ, date).map(([o, d]) => `${o}        ${d}印发`),
  organ.map((o) => `抄送：${o}，区人大常委会办公室。`),
  fc.constantFrom(
    "（此件公开发布）",
    "公开方式：主动公开",
    "（联系人：张三；联系电话：27350000）",
    "联系电话：022-27350000",
    "（盖章）",
    "（共印50份）",
    "附件：主要指标表",
    "附件1：",
    "相关报道：",
  ),
);

const closingBlock = fc.tuple(
  fc.array(organ, { minLength: 1, maxLength: 3 }),
  date,
  fc.array(closingLine, { maxLength: 6 }),
);

const describeCorpus = corpus === null ? describe.skip : describe;
if (corpus === null) {
  console.warn(`document-furniture.property.test.ts: ${DEV_CORPUS_DIR} is absent; skipping.`);
}

describeCorpus("document furniture never takes a real task sentence of the dev corpus", () => {
  const lines = realLines();
  const allSentences = [...new Set(lines.flatMap((l) => l.sentences))];

  it("finds the lines of the gold targets", () => {
    expect(lines.length).toBeGreaterThan(100);
    expect(allSentences.length).toBeGreaterThan(100);
  });

  it("no real line or sentence is furniture on its own", () => {
    const taken = [...lines.map((l) => l.line), ...allSentences].filter((s) => isFurnitureLine(s));
    expect(taken).toEqual([]);
  });

  it("no real sentence is furniture with an organ's name put into it anywhere", () => {
    fc.assert(
      fc.property(fc.constantFrom(...allSentences), organ, fc.nat(), (sentence, name, at) => {
        const k = at % sentence.length;
        const line = buildTextView(sentence.slice(0, k) + name + sentence.slice(k)).text;
        expect(isFurnitureLine(line)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it("a real line standing last, before any signature, date, 版记 and page numbers, is kept", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...lines),
        fc.array(closingLine, { maxLength: 3 }),
        closingBlock,
        (real, before, [organs, signed, after]) => {
          const text = buildTextView([...before, real.line, ...organs, signed, ...after].join("\n")).text;
          const paras = paragraphs(text);
          const marks = furnitureParagraphs(text, paras);
          const at = paras.findIndex((p) => text.slice(p.start, p.end) === real.line);
          expect(at).toBeGreaterThanOrEqual(0);
          expect(marks[at]).toBe(false);
          // Everything made up after it is furniture.
          expect(marks.slice(at + 1).every(Boolean)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the Nankai plan signed and dated above its page footer has the tasks of the plan unsigned", () => {
    const nankai = documents.find((d) => d.name === "nankai-2020")?.text ?? "";
    const footer = nankai.indexOf("网站地图");
    expect(footer).toBeGreaterThan(0);
    const signature = "天津市南开区发展和改革委员会\n\n2020年3月2日\n\n（此件公开发布）\n\n";
    const signed = extractPlan(nankai.slice(0, footer) + signature + nankai.slice(footer));
    const unsigned = extractPlan(nankai);
    expect(signed.tasks.map((t) => t.text)).toEqual(unsigned.tasks.map((t) => t.text));
    expect(signed.tasks.filter((t) => t.end > footer)).toEqual([]);
    expect(signed.meta).toEqual(unsigned.meta);
  });

  it("a corpus document with a closing block added keeps exactly its tasks and targets", () => {
    // The signature's date and organ are read into meta (the issuer, the date of publication, hence the
    // year); the plan's own year and region are given, so that only the reading of its lines is compared.
    const plain = new Map(
      documents.map((d) => {
        const { meta } = extractPlan(d.text);
        const options = { region: meta.region ?? undefined, year: meta.year ?? undefined };
        return [d.name, { text: d.text, options, draft: extractPlan(d.text, options) }];
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...plain.keys()), closingBlock, (name, [organs, signed, after]) => {
        const {
          text,
          options,
          draft: without,
        } = plain.get(name) as NonNullable<ReturnType<typeof plain.get>>;
        const closing = [...organs, signed, ...after].join("\n\n");
        const draft = extractPlan(`${text}\n\n${closing}\n`, options);
        expect(draft.tasks.map((t) => t.text)).toEqual(without.tasks.map((t) => t.text));
        expect(draft.targets.map((t) => [t.start, t.value, t.unit])).toEqual(
          without.targets.map((t) => [t.start, t.value, t.unit]),
        );
      }),
      { numRuns: 40 },
    );
  });
});
