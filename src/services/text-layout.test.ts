import { describe, expect, it } from "vitest";
import { isPageNumber, layoutText, linesOfPage, type TextPiece } from "./text-layout.ts";

const SIZE = 10;
const LEFT = 50; // lines of 40 characters of 10 pt: the margin is at 450

/** A piece of Chinese text at (x, y), 10 pt a character. */
function piece(text: string, x: number, y: number): TextPiece {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0x2e80 ? SIZE : SIZE / 2;
  return { text, x, y, width, size: SIZE };
}

/** Lines set left to right, one every 15 pt from the top, each a list of [text, x] runs. */
function page(lines: (string | [string, number][])[], top = 60): TextPiece[] {
  return lines.flatMap((line, i) =>
    typeof line === "string"
      ? [piece(line, LEFT, top + i * 15)]
      : line.map(([t, x]) => piece(t, x, top + i * 15)),
  );
}

const FULL = "一".repeat(40);

describe("linesOfPage", () => {
  it("group pieces by baseline and sort them by x, whatever order they come in", () => {
    const pieces = [piece("第二行", LEFT, 75), piece("行尾", 70, 60.8), piece("第一", LEFT, 60)];
    expect(linesOfPage(pieces).map((l) => l.text)).toEqual(["第一行尾", "第二行"]);
  });

  it("turn a wide gap into a TAB, and keep Chinese next to numbers without a space", () => {
    const pieces = [
      piece("指标", LEFT, 60),
      piece("2025", 200, 60),
      piece("年", 222, 60),
      piece("GDP", 300, 60),
      piece("growth", 318, 60),
    ];
    expect(linesOfPage(pieces)[0]?.text).toBe("指标\t2025年\tGDP growth");
  });
});

describe("isPageNumber", () => {
  it("know the usual page numbers and nothing else", () => {
    for (const t of ["— 3 —", "- 12 -", "3", "第3页", "第 3 页 共 12 页", "3/12", "Page 3 of 12"])
      expect(isPageNumber(t)).toBe(true);
    for (const t of ["2020年", "第三章", "增长5%"]) expect(isPageNumber(t)).toBe(false);
  });
});

describe("layoutText", () => {
  it("drop running headers and page numbers repeated on most pages", () => {
    const body = (c: string) => [`正文${c}。`, "甲。", "乙。", `末行${c}。`];
    const pages = ["一", "二", "三"].map((c, i) => page(["南开区人民政府文件", ...body(c), `— ${i + 1} —`]));
    expect(layoutText(pages)).toBe(["一", "二", "三"].flatMap(body).join("\n"));
  });

  it("keep a first line that only one page has", () => {
    const pages = [page(["标题", "正文一。", "— 1 —"]), page(["正文二。", "— 2 —"])];
    expect(layoutText(pages)).toBe("标题\n正文一。\n正文二。");
  });

  it("join a full line that does not end its sentence, also across a page break", () => {
    const pages = [page([`${FULL.slice(0, 39)}，`, "接下一行。", "短行", FULL]), page(["续完。"])];
    expect(layoutText(pages)).toBe(`${FULL.slice(0, 39)}，接下一行。\n短行\n${FULL}续完。`);
  });

  it("keep the break after a full line that ends with 。 or ：, and before a number that did not fit", () => {
    const ends = page([`${FULL.slice(0, 39)}。`, "新段落。", `${FULL.slice(0, 36)}达到`, "2.8%。"]);
    // The third line stops short of the margin by the width of "2.8%": it still runs on.
    expect(layoutText([ends])).toBe(`${FULL.slice(0, 39)}。\n新段落。\n${FULL.slice(0, 36)}达到2.8%。`);
  });

  it("with indented paragraphs, run on after a 。 unless the next line is indented or a heading", () => {
    const indent = LEFT + 2 * SIZE;
    const body: (string | [string, number][])[] = [
      [[FULL.slice(0, 38), indent]],
      `${FULL.slice(0, 39)}。`,
      "接着的句子。",
      [[FULL.slice(0, 38), indent]],
      `${FULL.slice(0, 39)}。`,
      "三、下一部分",
      [["新段落。", indent]],
    ];
    expect(layoutText([page(body)])).toBe(
      `${FULL.slice(0, 38)}${FULL.slice(0, 39)}。接着的句子。\n${FULL.slice(0, 38)}${FULL.slice(0, 39)}。\n三、下一部分\n新段落。`,
    );
  });

  it("join a hyphenated English word, and a number broken at the margin without a space", () => {
    const english = page([`${"a".repeat(79)}-`, "ment done.", `${FULL.slice(0, 38)}40`, "0万元。"]);
    expect(layoutText([english])).toBe(`${"a".repeat(79)}ment done.\n${FULL.slice(0, 38)}400万元。`);
  });

  it("put a table row's cells under the header's columns when cells are missing", () => {
    const cols = [LEFT, 120, 200, 260, 320];
    const rows = [
      [
        ["类别", cols[0]],
        ["指标", cols[1]],
        ["规划目标", cols[2]],
        ["属性", cols[4]],
      ],
      [
        ["类别", cols[0]],
        ["指标", cols[1]],
        ["2020年", cols[2]],
        ["2025年", cols[3]],
        ["属性", cols[4]],
      ],
      [
        ["经济", cols[0]],
        ["产值", cols[1]],
        ["80", cols[2]],
        ["120", cols[3]],
        ["预期性", cols[4]],
      ],
      [
        ["收入", cols[1]],
        ["6", cols[2]],
        ["8", cols[3]],
        ["预期性", cols[4]],
      ],
    ] as [string, number][][];
    expect(layoutText([page(rows)])).toBe(
      "类别\t指标\t规划目标\t\t属性\n类别\t指标\t2020年\t2025年\t属性\n经济\t产值\t80\t120\t预期性\n\t收入\t6\t8\t预期性",
    );
  });
});
