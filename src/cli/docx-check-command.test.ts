// `plantrack docx-check`: usage and file errors without LibreOffice; with it, the figures of a Word
// document (the progress report of a sample model) and its findings, as text and as JSON.

import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { verifierSkipReason } from "../reports/docx-verifier.ts";
import { renderExecutionDraftDocx } from "../reports/execution-draft-docx.ts";
import { buildProgressModel } from "../reports/progress-model.ts";
import { useCliSandbox } from "../test/cli-sandbox.ts";
import { CJK, mixedLines } from "../test/mixed-language.ts";
import { SAMPLE_PROGRESS_INPUT } from "../test/progress-fixture.ts";
import { FINDINGS_EXIT } from "./docx-check-command.ts";
import { runCli } from "./run-cli.ts";

const skip = verifierSkipReason();

describe("plantrack docx-check", () => {
  const sandbox = useCliSandbox("plantrack-docx-check-");

  it("asks for a file, refuses a missing one and one that is no .docx", async () => {
    const s = sandbox();
    expect(await runCli(["docx-check"], s.io)).toBe(2);
    expect(await runCli(["docx-check", "nope.docx"], s.io)).toBe(3);
    await writeFile(join(s.dir, "plain.docx"), "not a zip");
    expect(await runCli(["docx-check", "plain.docx"], s.io)).toBe(2);
    expect(s.out.join("")).toContain("不是 .docx 文档");
    expect(s.out.join("")).toContain("文件不存在：");
  });

  it.skipIf(skip !== "")(
    `measures a document and lists its findings${skip ? ` (skipped: ${skip})` : ""}`,
    async () => {
      const s = sandbox();
      const file = join(s.dir, "draft.docx");
      await writeFile(file, await renderExecutionDraftDocx(buildProgressModel(SAMPLE_PROGRESS_INPUT)));
      // The draft has no 主送, 特此报告 or 版记: checked as a 公文 it has findings, as a draft fewer.
      const code = await runCli(["docx-check", "draft.docx", "--json", "--pdf", "draft.pdf"], s.io);
      expect(code).toBe(FINDINGS_EXIT);
      const report = JSON.parse(s.out.join("")) as {
        figures: { pageSizeMm: object };
        findings: Array<{ code: string }>;
      };
      expect(report.figures.pageSizeMm).toEqual({ width: 210, height: 297 });
      expect(report.findings.map((f) => f.code)).toEqual(
        expect.arrayContaining(["no_recipient", "no_closing", "no_colophon"]),
      );
      s.out.length = 0;
      await runCli(["docx-check", "draft.docx", "--plain"], s.io);
      expect(s.out.join("")).toMatch(/每页 2\d(\.\d)? 行（最满的一页 \d+ 行）/);
      expect(s.out.join("")).not.toContain("no_recipient");
      // Chinese labels; the font names (Latin words of the file) aside.
      const zhLines = s.out.join("").replace(/^ {2}字体：.*$/m, "");
      expect(mixedLines(zhLines)).toEqual([]);
      s.out.length = 0;
      const english = { ...s.io, env: { ...s.io.env, PLANTRACK_LANG: "en" } };
      expect(await runCli(["docx-check", "draft.docx"], english)).toBe(FINDINGS_EXIT);
      expect(s.out.join("")).toMatch(
        /^ {2}line pitch: [\d.]+ pt → 2\d(\.\d)? lines\/page \(the fullest page \d+\)$/m,
      );
      expect(s.out.join("")).toMatch(/^findings \(\d+\):$/m);
      // Only the document's own words (its title, quoted text) are Chinese.
      const labels = s.out
        .join("")
        .split("\n")
        .filter((l) => /^ {2}[a-z ]+(\(ink\))?:/.test(l));
      expect(labels.length).toBeGreaterThanOrEqual(9);
      for (const l of labels) if (!/^ {2}title:/.test(l)) expect(l).not.toMatch(CJK);
    },
    120_000,
  );
});
