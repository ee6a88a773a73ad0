// `plantrack extract FILE` reads every format the upload reads, through the same reader.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOfd, makeScannedPdf, makeWordDocx } from "../test/make-documents.ts";
import { FIXTURE_TEXT } from "../test/plan-draft-fixture.ts";
import type { CliIo } from "./cli-io.ts";
import { runCli } from "./run-cli.ts";

function capture(): { io: CliIo; out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, cwd: tmpdir() },
    out: () => out.join(""),
    err: () => err.join(""),
  };
}

describe("plantrack extract on .docx, .ofd and .pdf", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "plantrack-extract-formats-"));
    await writeFile(join(dir, "plan.docx"), await makeWordDocx(FIXTURE_TEXT));
    await writeFile(join(dir, "plan.ofd"), makeOfd(FIXTURE_TEXT));
    await writeFile(join(dir, "scan.pdf"), makeScannedPdf());
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("print the same targets for the .docx and the .ofd", async () => {
    const docx = capture();
    expect(await runCli(["extract", "--json", join(dir, "plan.docx")], docx.io)).toBe(0);
    const ofd = capture();
    expect(await runCli(["extract", "--json", join(dir, "plan.ofd")], ofd.io)).toBe(0);
    const targets = (out: string) =>
      (JSON.parse(out) as { targets: { subject: string; value: number; unit: string }[] }).targets.map(
        (t) => `${t.subject} ${t.value} ${t.unit}`,
      );
    expect(targets(docx.out()).length).toBeGreaterThan(0);
    expect(targets(ofd.out())).toEqual(targets(docx.out()));
  });

  it("fail on a scanned PDF, saying why", async () => {
    const c = capture();
    expect(await runCli(["extract", join(dir, "scan.pdf")], c.io)).not.toBe(0);
    expect(c.err()).toMatch(/扫描件，无文字层|a scanned PDF without a text layer/);
  });
});
