// The server's heavy work off its event loop: a small pool of worker threads (job-worker.ts) runs the
// jobs of job-handlers.ts — reading uploads, extracting plans, rendering reports — each with a time
// limit and a memory limit of its own, so that one hostile or merely enormous file costs one worker,
// never the server: `/api/health/live` and every other request keep being answered meanwhile. A job
// over its time is stopped (its worker terminated and replaced) and refused as `too_complex` (422); a
// job over its memory is refused as `file_too_large` (413) naming the limit; when every worker is busy
// and the queue is full, new jobs are refused as `busy` (503) rather than piling up without end.

import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { AppError, type AppErrorCode, type LocalText } from "../domain/app-error.ts";
import type { JobInput, JobName, JobOutput, JobRunner } from "./job-handlers.ts";

export interface JobPoolOptions {
  /** Worker threads; default one less than the cores (at least one, at most four). */
  workers: number;
  /** Wall time a job may take, from the moment a worker takes it. */
  timeoutMs: number;
  /** The V8 heap a worker may grow to (its old generation); past it the worker is stopped. */
  maxMemoryMb: number;
  /** Jobs that may wait for a worker; one more is refused as busy. */
  maxQueued: number;
}

export const JOB_POOL_DEFAULTS: JobPoolOptions = {
  workers: Math.max(1, Math.min(4, availableParallelism() - 1)),
  timeoutMs: 60_000,
  maxMemoryMb: 384,
  maxQueued: 16,
};

/** The pool's settings from the environment (README, “Deploying”); unset or invalid → the default. */
export function jobPoolOptionsFromEnv(env: NodeJS.ProcessEnv): JobPoolOptions {
  const whole = (name: string, fallback: number, min: number) => {
    const n = Number(env[name]?.trim());
    return Number.isInteger(n) && n >= min ? n : fallback;
  };
  return {
    workers: whole("PLANTRACK_JOB_WORKERS", JOB_POOL_DEFAULTS.workers, 1),
    timeoutMs: whole("PLANTRACK_JOB_TIMEOUT_SECONDS", JOB_POOL_DEFAULTS.timeoutMs / 1000, 1) * 1000,
    maxMemoryMb: whole("PLANTRACK_JOB_MEMORY_MB", JOB_POOL_DEFAULTS.maxMemoryMb, 32),
    maxQueued: whole("PLANTRACK_JOB_QUEUE", JOB_POOL_DEFAULTS.maxQueued, 0),
  };
}

export interface JobPoolStats {
  workers: number;
  busy: number;
  queued: number;
  /** Jobs stopped at their time limit, and at their memory limit, since the pool started. */
  timedOut: number;
  outOfMemory: number;
}

export interface JobPool extends JobRunner {
  stats(): JobPoolStats;
  /** Stops every worker; jobs still waiting or running are refused as busy. */
  close(): Promise<void>;
}

/** What a worker answers: the output, or the error as plain data (an AppError keeps code and texts). */
export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | {
      id: number;
      ok: false;
      error: { code: AppErrorCode | null; text: LocalText | null; message: string; details: unknown };
    };

interface Job {
  id: number;
  name: JobName;
  input: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** What the file is called in messages, when the input names one. */
  label: string | null;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

const WORKER_URL = new URL("./job-worker.mjs", import.meta.url);

function labelOf(input: unknown): string | null {
  if (typeof input !== "object" || input === null || !("fileName" in input)) return null;
  const name = (input as { fileName: unknown }).fileName;
  return typeof name === "string" ? (name.split(/[\\/]/).pop() ?? name) : null;
}

function prefixed(label: string | null, text: LocalText): LocalText {
  return label ? { zh: `${label}：${text.zh}`, en: `${label}: ${text.en}` } : text;
}

function tooLong(job: Job, timeoutMs: number): AppError {
  const seconds = Math.round(timeoutMs / 1000);
  return new AppError(
    "too_complex",
    prefixed(job.label, {
      zh: `处理超过 ${seconds} 秒的时限，已停止，未保存任何内容；请拆分文件后再试`,
      en: `processing took longer than the ${seconds} s limit and was stopped; nothing was saved (split the file and try again)`,
    }),
    { ...(job.label ? { file: job.label } : {}), limit: "time", limitSeconds: seconds, job: job.name },
  );
}

function tooBig(job: Job, maxMemoryMb: number): AppError {
  return new AppError(
    "file_too_large",
    prefixed(job.label, {
      zh: `处理所需内存超过 ${maxMemoryMb} MB 的上限，已停止，未保存任何内容；请拆分文件后再试`,
      en: `processing needed more than the ${maxMemoryMb} MB memory limit and was stopped; nothing was saved (split the file and try again)`,
    }),
    { ...(job.label ? { file: job.label } : {}), limit: "memory", maxMemoryMb, job: job.name },
  );
}

function busy(maxQueued: number): AppError {
  return new AppError(
    "busy",
    {
      zh: `服务器正忙（${maxQueued} 个文件处理任务在排队），请稍后再试`,
      en: `the server is busy (${maxQueued} file jobs are waiting); try again shortly`,
    },
    { limit: "queue", maxQueued },
  );
}

function closedPool(): AppError {
  return new AppError("busy", {
    zh: "服务器正在停止，请稍后再试",
    en: "the server is stopping; try again shortly",
  });
}

function fromReply(error: Extract<WorkerReply, { ok: false }>["error"]): Error {
  if (error.code)
    return new AppError(
      error.code,
      error.text ?? error.message,
      typeof error.details === "object" && error.details !== null
        ? (error.details as Record<string, unknown>)
        : {},
    );
  return new Error(error.message);
}

export function createJobPool(settings: Partial<JobPoolOptions> = {}): JobPool {
  const options: JobPoolOptions = { ...JOB_POOL_DEFAULTS, ...settings };
  const slots: Slot[] = Array.from({ length: options.workers }, () => ({
    worker: null,
    job: null,
    timer: null,
  }));
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  let timedOut = 0;
  let outOfMemory = 0;

  const settle = (slot: Slot): Job | null => {
    const job = slot.job;
    slot.job = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.worker?.unref();
    return job;
  };

  const retire = (slot: Slot, worker: Worker) => {
    if (slot.worker !== worker) return;
    slot.worker = null;
    void worker.terminate();
  };

  const spawn = (slot: Slot): Worker => {
    const worker = new Worker(WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb },
    });
    worker.on("message", (reply: WorkerReply) => {
      if (slot.worker !== worker || slot.job?.id !== reply.id) return;
      const job = settle(slot);
      if (reply.ok) job?.resolve(reply.value);
      else job?.reject(fromReply(reply.error));
      pump();
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (slot.worker !== worker) return;
      const job = settle(slot);
      if (job) {
        if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
          outOfMemory++;
          job.reject(tooBig(job, options.maxMemoryMb));
        } else job.reject(error);
      }
      retire(slot, worker);
      pump();
    });
    worker.on("exit", () => {
      if (slot.worker !== worker) return;
      const job = settle(slot);
      slot.worker = null;
      job?.reject(new Error(`the job worker stopped during ${job.name}`));
      pump();
    });
    worker.unref();
    return worker;
  };

  const start = (slot: Slot, job: Job) => {
    const worker = slot.worker ?? spawn(slot);
    slot.worker = worker;
    slot.job = job;
    worker.ref();
    slot.timer = setTimeout(() => {
      if (slot.job !== job) return;
      settle(slot);
      timedOut++;
      job.reject(tooLong(job, options.timeoutMs));
      // The worker may be deep in a loop that never yields: only terminating it gets it back.
      retire(slot, worker);
      pump();
    }, options.timeoutMs);
    worker.postMessage({ id: job.id, name: job.name, input: job.input });
  };

  function pump(): void {
    if (closed) return;
    for (const slot of slots) {
      if (slot.job) continue;
      const job = queue.shift();
      if (!job) return;
      start(slot, job);
    }
  }

  return {
    run<K extends JobName>(name: K, input: JobInput<K>): Promise<JobOutput<K>> {
      if (closed) return Promise.reject(closedPool());
      const idle = slots.some((s) => s.job === null);
      if (!idle && queue.length >= options.maxQueued) return Promise.reject(busy(options.maxQueued));
      return new Promise<JobOutput<K>>((resolve, reject) => {
        queue.push({
          id: nextId++,
          name,
          input,
          resolve: resolve as (value: unknown) => void,
          reject,
          label: labelOf(input),
        });
        pump();
      });
    },
    stats: () => ({
      workers: slots.filter((s) => s.worker !== null).length,
      busy: slots.filter((s) => s.job !== null).length,
      queued: queue.length,
      timedOut,
      outOfMemory,
    }),
    async close(): Promise<void> {
      closed = true;
      for (const job of queue.splice(0)) job.reject(closedPool());
      await Promise.all(
        slots.map(async (slot) => {
          const job = settle(slot);
          job?.reject(closedPool());
          const worker = slot.worker;
          slot.worker = null;
          if (worker) await worker.terminate();
        }),
      );
    },
  };
}
