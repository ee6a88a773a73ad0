// Every format a plan comes in reads to the same plan: the test makes each file itself from one text
// (a .docx with the `docx` package, PDF and .doc by LibreOffice from that .docx, an OFD package by
// hand) and compares the targets the extractor finds. LibreOffice-made files are skipped, with a
// message, where soffice is not installed; CI installs it.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../domain/app-error.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import { FIVE_YEAR_TEXT } from "../test/five-year-plan-fixture.ts";
import {
  convertBySoffice,
  makeEncryptedPdf,
  makeOfd,
  makeScannedPdf,
  makeWordDocx,
  makeZipBomb,
} from "../test/make-documents.ts";
import { encodeGbk, makeZip } from "../test/make-files.ts";
import { DEV_CORPUS_DIR } from "../test/shared-corpus.ts";
import { readDocument } from "./read-document.ts";
import { readDocWithExtractor } from "./read-word-legacy.ts";
import { findSoffice } from "./soffice.ts";

const NANKAI_PATH = join(DEV_CORPUS_DIR, "nankai-2020.txt");
const NANKAI = existsSync(NANKAI_PATH) ? readFileSync(NANKAI_PATH, "utf8") : null;
const HAS_SOFFICE = findSoffice() !== null;
if (!HAS_SOFFICE) {
  console.warn("soffice (LibreOffice) is not installed: the PDF, .doc and .wps cases are skipped");
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

function targetsOf(text: string) {
  return extractPlan(text).targets.map((t) => ({
    subject: t.subject,
    value: t.value,
    value2: t.value2,
    unit: t.unit,
  }));
}

const HEADER = "滨海市人民政府文件";

interface Made {
  docx: Uint8Array;
  /** Without merged cells: a PDF cannot tell a merged cell from an empty one. */
  docxPlain: Uint8Array;
  pdf: Uint8Array | null;
  doc: Uint8Array | null;
  ofd: Uint8Array;
}

async function makeAll(text: string): Promise<Made> {
  const pageBreakBefore = (line: string) => /^第[三四]章|^三、/.test(line);
  const docx = await makeWordDocx(text, {
    header: HEADER,
    pageNumbers: true,
    mergeColumns: [0, 1, 4, 5],
    pageBreakBefore,
  });
  const docxPlain = await makeWordDocx(text, {
    header: HEADER,
    pageNumbers: true,
    mergeColumns: [],
    pageBreakBefore,
  });
  return {
    docx,
    docxPlain,
    pdf: await convertBySoffice(docxPlain, "docx", "pdf"),
    doc: await convertBySoffice(docx, "docx", "doc"),
    ofd: makeOfd(text, { header: HEADER, pageBreakBefore }),
  };
}

describe.each([
  ["the Nankai 2020 plan", NANKAI],
  ["a five-year plan with an indicator table", FIVE_YEAR_TEXT],
])("%s", (_name, text) => {
  let made: Made;
  beforeAll(async () => {
    if (text) made = await makeAll(text);
  }, 120_000);

  it.skipIf(!text)("reads the same targets from .txt, .docx and .ofd", async () => {
    const expected = targetsOf(text as string);
    expect(expected.length).toBeGreaterThan(5);
    const txt = await readDocument(new TextEncoder().encode(text as string), "plan.txt");
    expect(targetsOf(txt.text)).toEqual(expected);
    const docx = await readDocument(made.docx, "plan.docx");
    expect(docx.mediaType).toBe("docx");
    expect(targetsOf(docx.text)).toEqual(expected);
    const ofd = await readDocument(made.ofd, "plan.ofd");
    expect(ofd.mediaType).toBe("ofd");
    expect(ofd.text).not.toContain(HEADER);
    expect(ofd.text).not.toMatch(/— \d+ —/);
    expect(targetsOf(ofd.text)).toEqual(expected);
  });

  it.skipIf(!text || !HAS_SOFFICE)(
    "reads the same targets from a LibreOffice PDF and .doc",
    async () => {
      const expected = targetsOf(text as string);
      const pdf = await readDocument(made.pdf as Uint8Array, "plan.pdf");
      expect(pdf.mediaType).toBe("pdf");
      expect(pdf.text).not.toContain(HEADER);
      expect(pdf.text).not.toMatch(/— \d+ —/);
      expect(targetsOf(pdf.text)).toEqual(expected);
      const doc = await readDocument(made.doc as Uint8Array, "plan.doc");
      expect(doc.mediaType).toBe("doc");
      expect(targetsOf(doc.text)).toEqual(expected);
    },
    60_000,
  );
});

describe("tables and old Word files", () => {
  it("render a .docx table row by row, merged cells resolved", async () => {
    const docx = await makeWordDocx(FIVE_YEAR_TEXT, { mergeColumns: [0, 1, 4, 5] });
    const { text } = await readDocument(docx, "规划.docx");
    expect(text).toContain(
      "类别\t指标\t规划目标\t\t年均增长\t属性\n类别\t指标\t2020年\t2025年\t年均增长\t属性\n",
    );
    expect(text).toContain("经济发展\t一般公共预算收入（亿元）\t600\t800\t6%\t预期性\n");
    expect(text).toContain("民生福祉\t人均预期寿命（岁）\t79\t80\t[1]\t预期性\n");
    // Paragraphs outside the table read as mammoth always read them.
    expect(text).toContain("第一章 发展基础和发展环境\n\n“十三五”时期");
  });

  it.skipIf(!NANKAI || !HAS_SOFFICE)(
    "read a .doc with word-extractor too, where LibreOffice is missing",
    async () => {
      const doc = (await convertBySoffice(await makeWordDocx(NANKAI as string), "docx", "doc")) as Uint8Array;
      expect(targetsOf(await readDocWithExtractor(doc, "plan.doc"))).toEqual(targetsOf(NANKAI as string));
    },
    60_000,
  );

  it.skipIf(!HAS_SOFFICE)(
    "read a .wps through LibreOffice",
    async () => {
      // LibreOffice writes no .wps; a Word 97 file is what WPS Office saves under that name.
      const doc = (await convertBySoffice(await makeWordDocx(FIVE_YEAR_TEXT), "docx", "doc")) as Uint8Array;
      const wps = await readDocument(doc, "规划.wps");
      expect(wps.mediaType).toBe("wps");
      expect(targetsOf(wps.text)).toEqual(targetsOf(FIVE_YEAR_TEXT));
    },
    60_000,
  );

  it("read a .doc that is a saved web page as HTML", async () => {
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><title>计划</title></head><body><p>一、主要指标</p><p>地区生产总值增长5%。</p></body></html>`;
    const doc = await readDocument(new TextEncoder().encode(html), "计划.doc");
    expect(doc.mediaType).toBe("html");
    expect(doc.text).toContain("地区生产总值增长5%。");
  });
});

describe("a .doc that is Word's single-file web page (MHTML)", () => {
  it("read the text/html part, quoted-printable and GBK", async () => {
    const html = "<html><body><p>一、主要指标</p><p>地区生产总值增长5%。</p></body></html>";
    const gbk = [...encodeGbk(html)].map((b) =>
      b >= 0x80 || b === 0x3d ? `=${b.toString(16).toUpperCase().padStart(2, "0")}` : String.fromCharCode(b),
    );
    const mht = [
      "MIME-Version: 1.0",
      'Content-Type: multipart/related; boundary="----=_NextPart_01D5"',
      "",
      "------=_NextPart_01D5",
      "Content-Location: file:///C:/plan.htm",
      "Content-Transfer-Encoding: quoted-printable",
      'Content-Type: text/html; charset="gb2312"',
      "",
      gbk.join(""),
      "------=_NextPart_01D5--",
    ].join("\r\n");
    const doc = await readDocument(new TextEncoder().encode(mht), "计划.doc");
    expect(doc).toMatchObject({ mediaType: "html", encoding: "mht" });
    expect(doc.text).toContain("地区生产总值增长5%。");
  });
});

describe("refusals", () => {
  it("refuse an encrypted PDF", async () => {
    const error = await errorOf(readDocument(makeEncryptedPdf(), "加密.pdf"));
    expect(error.code).toBe("unsupported_file");
    expect(error.messageIn("zh")).toMatch(/加密\.pdf.*已加密/);
    expect(error.messageIn("en")).toMatch(/encrypted/);
  });

  it("refuse a scanned PDF without a text layer", async () => {
    const error = await errorOf(readDocument(makeScannedPdf(), "scan.pdf"));
    expect(error.code).toBe("unsupported_file");
    expect(error.messageIn("zh")).toContain("扫描件，无文字层");
    expect(error.messageIn("en")).toContain("a scanned PDF without a text layer");
    expect(error.messageIn("en")).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("refuse an OFD without text, or without its parts", async () => {
    const scanned = await errorOf(readDocument(makeOfd("", { withoutText: true }), "扫描.ofd"));
    expect(scanned.code).toBe("unsupported_file");
    expect(scanned.messageIn("zh")).toMatch(/OFD 中没有文字/);
    const hollow = await errorOf(readDocument(makeZip({ "a.txt": "x" }), "空.ofd"));
    expect(hollow.messageIn("en")).toMatch(/OFD\.xml/);
  });

  it("refuse a zip bomb before it fills memory, whatever sizes it declares", async () => {
    const honest = makeZipBomb(8);
    expect(honest.length).toBeLessThan(64 * 1024);
    const error = await errorOf(readDocument(honest, "炸弹.docx"));
    expect(error.code).toBe("file_too_large");
    expect(error.messageIn("zh")).toMatch(/炸弹\.docx.*解压后/);
    expect(error.messageIn("en")).toMatch(/at most 2 MB/);
    const lying = await errorOf(readDocument(makeZipBomb(8, 1000), "bomb.docx"));
    expect(lying.code).toBe("file_too_large");
    const ofd = await errorOf(readDocument(makeZipBomb(8, 1000), "bomb.ofd"));
    expect(ofd.code).toBe("file_too_large");
  });
});
