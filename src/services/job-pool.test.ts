// The job pool runs the real jobs in worker threads: the same answers as in this thread, errors with
// their code and both texts, and the limits — a job past its time or its memory is stopped and
// refused naming the limit, the pool goes on with a fresh worker, a full queue is refused as busy.

import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "../domain/app-error.ts";
import { inProcessJobs } from "./job-handlers.ts";
import { createJobPool, type JobPool, jobPoolOptionsFromEnv } from "./job-pool.ts";

const encode = (text: string) => new TextEncoder().encode(text);
/** About `mb` million characters of dense targets: seconds of extraction, a heap of a hundred MB. */
const denseTargets = (mb: number) =>
  `一、稳定就业\n\n${"全年新增就业4万人，城镇调查失业率控制在5.5%以内。".repeat(Math.round((mb * 1e6) / 30))}`;
const BREAKDOWN_CSV = [
  "序号,任务,牵头单位,完成时限",
  "1,实施就业优先政策,区人社局,6月底",
  "2,建设孵化基地,区科技局,全年",
].join("\n");

let pool: JobPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("the job pool", () => {
  it("answers as this thread does, and passes errors with their code, texts and details", async () => {
    pool = createJobPool({ workers: 1 });
    const file = { bytes: encode(BREAKDOWN_CSV), fileName: "分解表.csv" };
    const there = await pool.run("readBreakdown", file);
    const here = await inProcessJobs().run("readBreakdown", file);
    expect(there).toEqual(here);
    expect(there.lines.map((l) => l.fields.deadline)).toEqual(["6月底", "全年"]);

    const empty = await refusal(pool.run("readDocument", { bytes: new Uint8Array(), fileName: "空.txt" }));
    expect(empty.code).toBe("empty_file");
    expect(empty.text).toEqual({ zh: "空.txt: 文件为空", en: "空.txt: the file is empty" });
    expect(empty.details).toEqual({ file: "空.txt" });
  });

  it("stops a job past its time limit, names the limit, and goes on with a fresh worker", async () => {
    pool = createJobPool({ workers: 1, timeoutMs: 1_000 });
    const slow = await refusal(pool.run("extractPlan", { text: denseTargets(2) }));
    expect(slow.code).toBe("too_complex");
    expect(slow.text?.zh).toMatch(/超过 1 秒的时限/);
    expect(slow.text?.en).toMatch(/longer than the 1 s limit/);
    expect(slow.details).toMatchObject({ limit: "time", limitSeconds: 1, job: "extractPlan" });
    expect(pool.stats()).toMatchObject({ timedOut: 1, busy: 0 });
    const next = await pool.run("readDocument", {
      bytes: encode("一、总体要求\n\n全年新增就业4万人。"),
      fileName: "a.txt",
    });
    expect(next.text).toContain("新增就业");
  });

  it("stops a job past its memory limit with 413 naming the limit; the next job runs", async () => {
    pool = createJobPool({ workers: 1, maxMemoryMb: 32, timeoutMs: 120_000 });
    const big = await refusal(pool.run("extractPlan", { text: denseTargets(3) }));
    expect(big.code).toBe("file_too_large");
    expect(big.text?.zh).toMatch(/内存超过 32 MB 的上限/);
    expect(big.details).toMatchObject({ limit: "memory", maxMemoryMb: 32 });
    expect(pool.stats().outOfMemory).toBe(1);
    const small = { text: "一、稳定就业\n\n全年新增就业4万人。" };
    const draft = await pool.run("extractPlan", small);
    expect(draft).toEqual(await inProcessJobs().run("extractPlan", small));
    expect(draft.targets.map((t) => t.value)).toEqual([40000]);
  });

  it("refuses a job when every worker is busy and the queue is full, and everything on close", async () => {
    pool = createJobPool({ workers: 1, maxQueued: 1, timeoutMs: 120_000 });
    const running = pool.run("extractPlan", { text: denseTargets(0.5) });
    const waiting = pool.run("extractPlan", { text: "一、稳定就业\n\n全年新增就业4万人。" });
    const refused = await refusal(pool.run("extractPlan", { text: "全年新增就业4万人。" }));
    expect(refused.code).toBe("busy");
    expect(refused.details).toEqual({ limit: "queue", maxQueued: 1 });
    expect((await waiting).targets).toHaveLength(1);
    expect((await running).targets.length).toBeGreaterThan(1000);
    const late = refusal(pool.run("extractPlan", { text: denseTargets(0.5) }));
    await pool.close();
    expect((await late).code).toBe("busy");
  });

  it("reads its settings from the environment, keeping the default for what is not a number", () => {
    const options = jobPoolOptionsFromEnv({
      PLANTRACK_JOB_WORKERS: "3",
      PLANTRACK_JOB_TIMEOUT_SECONDS: "90",
      PLANTRACK_JOB_MEMORY_MB: "lots",
      PLANTRACK_JOB_QUEUE: "0",
    });
    expect(options).toMatchObject({ workers: 3, timeoutMs: 90_000, maxQueued: 0 });
    expect(options.maxMemoryMb).toBe(384);
  });
});
