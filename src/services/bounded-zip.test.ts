import { describe, expect, it } from "vitest";
import { AppError } from "../domain/app-error.ts";
import { makeDeflatedZip } from "../test/make-documents.ts";
import { makeZip } from "../test/make-files.ts";
import {
  assertZipWithinLimits,
  listZipEntries,
  unzipBounded,
  type ZipLimits,
  zipLimitsFor,
} from "./bounded-zip.ts";

const MB = 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("zipLimitsFor", () => {
  it("allow 10× the upload, at least 2 MB and at most 200 MB", () => {
    expect(zipLimitsFor(10 * 1024).maxTotalBytes).toBe(2 * MB);
    expect(zipLimitsFor(5 * MB).maxTotalBytes).toBe(50 * MB);
    expect(zipLimitsFor(20 * MB)).toEqual({
      maxTotalBytes: 200 * MB,
      maxEntryBytes: 100 * MB,
      maxEntries: 5000,
    });
  });
});

describe("unzipBounded", () => {
  it("return the kept entries of a stored and of a deflated zip", async () => {
    const files = { "a.xml": text("<a>甲</a>"), "b/c.txt": text("x".repeat(5000)) };
    for (const zip of [makeZip(files), makeDeflatedZip(files)]) {
      const out = await unzipBounded(zip, "t.zip", { keep: (n) => n.endsWith(".xml") });
      expect([...out.keys()]).toEqual(["a.xml"]);
      expect(new TextDecoder().decode(out.get("a.xml"))).toBe("<a>甲</a>");
    }
  });

  it("refuse by the declared sizes before inflating anything", () => {
    const limits: ZipLimits = { maxTotalBytes: 1000, maxEntryBytes: 600, maxEntries: 3 };
    const zip = makeZip({ a: "x".repeat(501), b: "y".repeat(501) });
    expect(() => listZipEntries(zip, "t.zip", limits)).toThrow(AppError);
    try {
      listZipEntries(makeZip({ a: "x".repeat(700) }), "t.zip", limits);
    } catch (error) {
      expect((error as AppError).code).toBe("file_too_large");
      expect((error as AppError).details.limit).toBe("entry");
    }
    const many = makeZip(Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`f${i}`, "x"])));
    expect(() => listZipEntries(many, "t.zip", limits)).toThrow(AppError);
  });

  it("count the real bytes while inflating: a bomb that declares 1 KB stops at the limit", async () => {
    const bomb = makeDeflatedZip({ "word/document.xml": new Uint8Array(30 * MB) }, 1024);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const error = await errorOf(unzipBounded(bomb, "bomb.docx"));
    expect(error.code).toBe("file_too_large");
    expect(error.details).toMatchObject({ file: "bomb.docx", limit: "total", maxTotalBytes: 2 * MB });
    expect(error.messageIn("en")).toBe(
      "bomb.docx: refused, unpacking it exceeds a limit (at most 2 MB unpacked)",
    );
    expect(error.messageIn("zh")).not.toMatch(/refused/);
  });

  it("refuse a damaged archive as bad input", async () => {
    const zip = makeDeflatedZip({ "a.xml": text("<a/>".repeat(100)) });
    const cut = zip.slice(0, 40);
    expect((await errorOf(unzipBounded(cut, "cut.docx"))).code).toBe("bad_input");
    const garbled = zip.slice();
    garbled.fill(0xff, 40, 60);
    expect((await errorOf(unzipBounded(garbled, "garbled.docx"))).code).toBe("bad_input");
  });

  it("let through what is no zip at all, for the reader's own error", async () => {
    await expect(assertZipWithinLimits(text("a,b\n1,2"), "x.xlsx")).resolves.toBeUndefined();
    await expect(
      assertZipWithinLimits(makeZip({ "xl/workbook.xml": "<w/>" }), "x.xlsx"),
    ).resolves.toBeUndefined();
    const bomb = makeDeflatedZip({ "xl/sharedStrings.xml": new Uint8Array(10 * MB) });
    expect((await errorOf(assertZipWithinLimits(bomb, "账.xlsx"))).code).toBe("file_too_large");
  });
});
