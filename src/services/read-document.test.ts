import { describe, expect, it } from "vitest";
import { AppError } from "../domain/app-error.ts";
import { encodeGbk, makeDocx, makeHtml, makeZip } from "../test/make-files.ts";
import { FIXTURE_TEXT } from "../test/plan-draft-fixture.ts";
import { MAX_DOCUMENT_BYTES, readDocument } from "./read-document.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("readDocument", () => {
  it("read a UTF-8 and a GBK .txt to the same text", async () => {
    const a = await readDocument(utf8(FIXTURE_TEXT), "plan.txt");
    const b = await readDocument(encodeGbk(FIXTURE_TEXT), "plan.txt");
    expect(a).toMatchObject({ text: FIXTURE_TEXT, encoding: "utf-8", mediaType: "txt" });
    expect(b).toMatchObject({ text: FIXTURE_TEXT, encoding: "gb18030", mediaType: "txt" });
  });

  it("read a saved web page without its markup, scripts and styles", async () => {
    const doc = await readDocument(utf8(makeHtml(FIXTURE_TEXT)), "计划.htm");
    expect(doc.mediaType).toBe("html");
    expect(doc.text).toContain("一、2020年主要预期指标\n\n地区生产总值增长5%");
    expect(doc.text).not.toMatch(/导航|text-indent|页脚|<p>|南开区人民政府/);
  });

  it("read a GBK web page", async () => {
    const doc = await readDocument(encodeGbk(makeHtml(FIXTURE_TEXT, "gbk")), "plan.html");
    expect(doc).toMatchObject({ encoding: "gb18030", mediaType: "html" });
    expect(doc.text).toContain("全年新增就业4万人");
  });

  it("read a Word .docx", async () => {
    const doc = await readDocument(makeDocx(FIXTURE_TEXT), "plan.docx");
    expect(doc).toMatchObject({ encoding: "docx", mediaType: "docx" });
    expect(doc.text).toContain("一、2020年主要预期指标\n\n地区生产总值增长5%");
  });

  it("treat a file without extension that holds HTML as a web page", async () => {
    const doc = await readDocument(utf8(makeHtml(FIXTURE_TEXT)), "download");
    expect(doc.mediaType).toBe("html");
  });

  it("refuse an empty file, naming it", async () => {
    const error = await errorOf(readDocument(new Uint8Array(), "空.txt"));
    expect(error.code).toBe("empty_file");
    expect(error.message).toContain("空.txt");
    expect((await errorOf(readDocument(utf8(" \n\t\n"), "blank.txt"))).code).toBe("empty_file");
  });

  it("refuse binary content", async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const error = await errorOf(readDocument(bytes, "photo.txt"));
    expect(error.code).toBe("unsupported_file");
    expect(error.message).toMatch(/^photo\.txt：二进制文件，不是文本$/);
  });

  it("refuse a file over 20 MB", async () => {
    const error = await errorOf(readDocument(new Uint8Array(MAX_DOCUMENT_BYTES + 1), "big.txt"));
    expect(error.code).toBe("file_too_large");
    expect(error.message).toMatch(/big\.txt.*20 MB/);
  });

  it("refuse a .docx that is a zip without word/document.xml, or no zip at all", async () => {
    const empty = await errorOf(readDocument(makeZip({}), "空壳.docx"));
    expect(empty.code).toBe("unsupported_file");
    expect(empty.message).toMatch(/空壳\.docx.*word\/document\.xml/);
    const other = await errorOf(readDocument(makeZip({ "a.txt": "x" }), "other.docx"));
    expect(other.message).toMatch(/word\/document\.xml/);
    const notZip = await errorOf(readDocument(utf8("hello"), "fake.docx"));
    expect(notZip.message).toMatch(/fake\.docx.*zip/);
    const oldWord = await errorOf(readDocument(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), "old.docx"));
    expect(oldWord.message).toMatch(/\.doc/);
  });

  it("refuse types it cannot read with a hint", async () => {
    expect((await errorOf(readDocument(utf8("x"), "plan.pdf"))).message).toMatch(/PDF/);
    expect((await errorOf(readDocument(utf8("x"), "plan.doc"))).message).toMatch(/\.docx/);
    expect((await errorOf(readDocument(utf8("x"), "plan.exe"))).message).toMatch(/\.exe/);
  });

  it("drop a path from the file name", async () => {
    const error = await errorOf(readDocument(new Uint8Array(), "C:\\Users\\me\\plan.txt"));
    expect(error.message.startsWith("plan.txt:")).toBe(true);
  });
});
