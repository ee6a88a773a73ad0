// The Word layout measured from the .docx itself (word/document.xml, styles.xml, footers, settings):
// GB/T 9704-2012 page, margins, grid, fonts with their East-Asian names, sizes, page numbers.

import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_PROGRESS_INPUT } from "../test/progress-fixture.ts";
import { renderExecutionDraftDocx } from "./execution-draft-docx.ts";
import { TWIPS_PER_MM } from "./gbt9704.ts";
import { chineseOrdinal, renderProgressDocx } from "./progress-docx.ts";
import { buildProgressModel } from "./progress-model.ts";

interface Parts {
  document: string;
  styles: string;
  settings: string;
  footers: Record<string, string>;
  media: Uint8Array[];
}

async function parts(docx: Buffer): Promise<Parts> {
  const zip = await JSZip.loadAsync(docx);
  const text = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`${name} missing from the .docx`);
    return f.async("string");
  };
  const document = await text("word/document.xml");
  const rels = await text("word/_rels/document.xml.rels");
  const footers: Record<string, string> = {};
  for (const m of document.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    if (target) footers[m[1] as string] = await text(`word/${target}`);
  }
  const media = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => n.startsWith("word/media/"))
      .map((n) => (zip.file(n) as JSZip.JSZipObject).async("uint8array")),
  );
  return {
    document,
    styles: await text("word/styles.xml"),
    settings: await text("word/settings.xml"),
    footers,
    media,
  };
}

const attr = (xml: string, element: string, name: string): number => {
  const m = new RegExp(`<w:${element}\\b[^>]*\\bw:${name}="(-?\\d+)"`).exec(xml);
  if (!m) throw new Error(`no w:${name} on w:${element}`);
  return Number(m[1]);
};

/** The paragraphs of a part with their text, so each can be found by what it says. */
function paragraphs(xml: string): Array<{ xml: string; text: string }> {
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => ({
    xml: m[0],
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  }));
}

function paragraph(xml: string, starts: string): string {
  const p = paragraphs(xml).find((x) => x.text.startsWith(starts));
  if (!p) throw new Error(`no paragraph starting with ${starts}`);
  return p.xml;
}

const fontsOf = (p: string) => [...p.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]);
const sizesOf = (p: string) => [...p.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]));
const hinted = (p: string) =>
  [...p.matchAll(/<w:rFonts [^>]*\/>/g)].every((m) => m[0].includes('w:hint="eastAsia"'));

const model = buildProgressModel(SAMPLE_PROGRESS_INPUT);

describe.each([
  ["progress report", () => renderProgressDocx(model)],
  ["execution report draft", () => renderExecutionDraftDocx(model)],
])("the %s", (_name, render) => {
  let p: Parts;
  beforeAll(async () => {
    p = await parts(await render());
  }, 60_000);

  it("is A4 with the GB/T 9704-2012 margins and a 156 × 225 mm text block", () => {
    const mm = (tw: number) => tw / TWIPS_PER_MM;
    const w = attr(p.document, "pgSz", "w");
    const h = attr(p.document, "pgSz", "h");
    expect([mm(w), mm(h)].map((x) => Math.round(x * 10) / 10)).toEqual([210, 297]);
    const top = attr(p.document, "pgMar", "top");
    const left = attr(p.document, "pgMar", "left");
    const right = attr(p.document, "pgMar", "right");
    const bottom = attr(p.document, "pgMar", "bottom");
    expect(mm(top)).toBeCloseTo(37, 1);
    expect(mm(left)).toBeCloseTo(28, 1);
    expect(mm(w - left - right)).toBeCloseTo(156, 1);
    expect(mm(h - top - bottom)).toBeCloseTo(225, 1);
    expect([right, bottom]).toEqual([1474, 1984]);
  });

  it("has a grid of 22 lines, and a body font condensed to set 28 characters to the line", () => {
    // Lines only: LibreOffice spreads a character-snapped line to 14 characters (issue 16).
    expect(p.document).toMatch(/<w:docGrid w:type="lines"/);
    const pitch = attr(p.document, "docGrid", "linePitch");
    const blockHeight =
      attr(p.document, "pgSz", "h") - attr(p.document, "pgMar", "top") - attr(p.document, "pgMar", "bottom");
    expect(22 * pitch).toBeLessThanOrEqual(blockHeight);
    expect(23 * pitch).toBeGreaterThan(blockHeight);
    // Character pitch = Normal size (16 pt) + charSpace/4096 points.
    const normalPt =
      attr(
        /<w:style [^>]*w:styleId="Normal"[^>]*>[\s\S]*?<\/w:style>/.exec(p.styles)?.[0] ?? "",
        "sz",
        "val",
      ) / 2;
    expect(normalPt).toBe(16);
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(p.styles)?.[0] ?? "";
    const charPt = normalPt + attr(defaults, "spacing", "val") / 20;
    const blockWidthPt =
      (attr(p.document, "pgSz", "w") -
        attr(p.document, "pgMar", "left") -
        attr(p.document, "pgMar", "right")) /
      20;
    expect(28 * charPt).toBeLessThanOrEqual(blockWidthPt);
    expect(29 * charPt).toBeGreaterThan(blockWidthPt);
  });

  it("condenses body characters to fit the grid cell and takes other sizes off the grid", () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(p.styles)?.[0] ?? "";
    const condensePt = attr(defaults, "spacing", "val") / 20;
    const cellPt = ((156 / 25.4) * 72) / 28;
    // 28 condensed 16 pt characters fit the 156 mm line.
    expect(16 + condensePt).toBeLessThanOrEqual(cellPt);
    expect(condensePt).toBeGreaterThan(-0.5);
    const offGrid =
      /<w:style w:type="paragraph" w:styleId="OffGrid">[\s\S]*?<\/w:style>/.exec(p.styles)?.[0] ?? "";
    expect(offGrid).toContain('<w:snapToGrid w:val="0"/>');
    expect(paragraph(p.document, "关于南开区2020年")).toContain('<w:pStyle w:val="OffGrid"/>');
    for (const f of Object.values(p.footers)) expect(f).toContain('<w:pStyle w:val="OffGrid"/>');
  });

  it("sets the body in 3号 仿宋_GB2312 with East-Asian font settings by default", () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(p.styles)?.[0] ?? "";
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"[^>]*w:hint="eastAsia"/);
    expect(sizesOf(defaults)).toContain(32);
  });

  it("sets the title in 2号 方正小标宋简体, centred", () => {
    const title = paragraph(p.document, "关于南开区2020年");
    // One run per line of a title broken at its phrases: every run the same face and size.
    expect([...new Set(fontsOf(title))]).toEqual(["方正小标宋简体"]);
    expect([...new Set(sizesOf(title))]).toEqual([44]);
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(hinted(title)).toBe(true);
  });

  it("heads sections 一、 in 黑体 3号", () => {
    const h = paragraphs(p.document).filter((x) => /^[一二三四五六七八九十]+、/.test(x.text));
    expect(h.length).toBeGreaterThanOrEqual(3);
    for (const x of h) {
      expect(fontsOf(x.xml)).toEqual(["黑体"]);
      expect(sizesOf(x.xml)).toEqual([32]);
      expect(hinted(x.xml)).toBe(true);
    }
  });

  it("writes body paragraphs in 3号 仿宋_GB2312 with a two-character indent", () => {
    const intro = paragraph(p.document, "现将1—6月计划执行");
    expect(fontsOf(intro)).toEqual(["仿宋_GB2312"]);
    expect(sizesOf(intro)).toEqual([32]);
    expect(attr(intro, "ind", "firstLine")).toBe(2 * 316);
  });

  it("dates and signs it in arabic numerals without padding, the date two characters right of the office (7.3.5.2)", () => {
    const date = paragraph(p.document, "2020年7月6日");
    expect(date).toContain('<w:jc w:val="right"/>');
    // 南开区发展和改革委员会 is 11 characters two in from the right; the date (6 wide) starts 2 further right.
    expect(attr(date, "ind", "right")).toBe(5 * 316);
    const office = paragraph(p.document, "南开区发展和改革委员会");
    expect(office).toContain('<w:jc w:val="right"/>');
    expect(attr(office, "ind", "right")).toBe(2 * 316);
  });

  it("numbers pages “— n —” in 4号 宋体 on the outside edge: odd right, even left", () => {
    expect(p.settings).toContain("<w:evenAndOddHeaders/>");
    const odd = p.footers.default ?? "";
    const even = p.footers.even ?? "";
    for (const f of [odd, even]) {
      const para = paragraphs(f)[0]?.xml ?? "";
      expect(para).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(paragraphs(f)[0]?.text).toBe("—  —");
      expect(new Set(fontsOf(para))).toEqual(new Set(["宋体"]));
      expect(new Set(sizesOf(para))).toEqual(new Set([28]));
    }
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(attr(odd, "ind", "right")).toBe(280);
    expect(even).toContain('<w:jc w:val="left"/>');
    expect(attr(even, "ind", "left")).toBe(280);
  });
});

describe("the progress report's own parts", () => {
  let p: Parts;
  beforeAll(async () => {
    p = await parts(await renderProgressDocx(model));
  }, 60_000);

  it("heads subsections （一） in 楷体_GB2312 and points 1. in 仿宋_GB2312, not bold", () => {
    const h2 = paragraph(p.document, "（一）抢抓改革机遇");
    expect(fontsOf(h2)).toEqual(["楷体_GB2312"]);
    expect(sizesOf(h2)).toEqual([32]);
    const h3 = paragraph(p.document, "1.地区生产总值");
    expect(new Set(fontsOf(h3))).toEqual(new Set(["仿宋_GB2312"]));
    expect(h3).not.toMatch(/<w:b\/>|<w:b w:val="(true|1)"\/>/);
  });

  it("sets tables in 小四 仿宋_GB2312 with a 黑体 header row, off the character grid", () => {
    const tables = [...p.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables.length).toBeGreaterThanOrEqual(1);
    const rows = [...(tables[0] ?? "").matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows[0]).toContain("<w:tblHeader/>");
    // A cell's font, size and line are its paragraph style's: the header row's 黑体, the others' 仿宋.
    const styleOf = (row: string) =>
      new Set([...row.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1]));
    expect(styleOf(rows[0] ?? "")).toEqual(new Set(["TableHead"]));
    expect(styleOf(rows[1] ?? "")).toEqual(new Set(["TableText"]));
    const style = (id: string) =>
      new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?<\\/w:style>`).exec(p.styles)?.[0] ?? "";
    expect(new Set(fontsOf(style("TableHead")))).toEqual(new Set(["黑体"]));
    expect(new Set(fontsOf(style("TableText")))).toEqual(new Set(["仿宋_GB2312"]));
    for (const id of ["TableHead", "TableText"]) {
      expect(new Set(sizesOf(style(id)))).toEqual(new Set([24]));
      expect(style(id)).toContain('<w:basedOn w:val="OffGrid"/>');
      expect(style(id)).toContain('<w:snapToGrid w:val="0"/>');
    }
    // No run in a table sets a font or size of its own, and the borders are the table's.
    expect(fontsOf(tables.join(""))).toEqual([]);
    expect(sizesOf(tables.join(""))).toEqual([]);
    expect(tables[0]).toMatch(/<w:tblBorders>[\s\S]*<w:insideH /);
  });

  it("carries the wording, the lagging list and the departments' problems", () => {
    const text = paragraphs(p.document)
      .map((x) => x.text)
      .join("\n");
    expect(text).toContain("截至2020年6月底，计划确定的5项指标中");
    expect(text).toContain("1.地区生产总值。目标5%，累计增长4.2%，低于年度目标（增长5%）0.8个百分点。");
    expect(text).toMatch(/进度滞后的有[^。]*新增市场主体（区市场监管局）/);
    expect(text).toContain(
      "新增市场主体累计完成0.3万户，完成年度目标的7.5%，欠时序进度42.5个百分点（区市场监管局）",
    );
    expect(text).toContain("受疫情影响，新设企业减少（区市场监管局反映）。");
    expect(text).toContain("6月进展应于2020年7月5日前报送，至今未报送");
    expect(text).not.toMatch(/\d{4}-(\d{2}|Q\d)/);
  });

  it("embeds the two charts as PNG pictures", () => {
    expect(p.media).toHaveLength(2);
    for (const png of p.media) expect([...png.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(p.document.match(/<w:drawing>/g)).toHaveLength(2);
  });
});

describe("the execution report draft's prose", () => {
  it("gives each area a 一、 section and one paragraph", async () => {
    const p = await parts(await renderExecutionDraftDocx(model));
    const all = paragraphs(p.document);
    const heads = all.filter((x) => /^[一二三四五六七八九十]+、/.test(x.text)).map((x) => x.text);
    expect(heads).toEqual([
      "一、主要预期指标完成情况",
      "二、抢抓改革机遇，深入落实重大战略部署",
      "三、补齐民生短板，增进人民福祉",
      "四、其他指标",
      "五、存在的问题",
      "六、下一步工作安排",
    ]);
    const paragraphAfter = (head: string) => all[all.findIndex((x) => x.text === head) + 1]?.text;
    expect(paragraphAfter("二、抢抓改革机遇，深入落实重大战略部署")).toBe(
      "新增就业累计完成2.1万人，完成年度目标的52.5%，超时序进度2.5个百分点；新增市场主体累计完成0.3万户，完成年度目标的7.5%，欠时序进度42.5个百分点。其中，新增市场主体进度滞后，需加快推进。",
    );
    expect(paragraphAfter("五、存在的问题")).toBe(
      "从各责任单位报送情况看，主要存在以下问题：受疫情影响，新设企业减少。",
    );
    expect(p.media).toHaveLength(0);
  });
});

describe("chineseOrdinal", () => {
  it.each([
    [1, "一"],
    [9, "九"],
    [10, "十"],
    [12, "十二"],
    [20, "二十"],
    [25, "二十五"],
  ])("%i → %s", (n, zh) => {
    expect(chineseOrdinal(n)).toBe(zh);
  });
});
