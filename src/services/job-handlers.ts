// The heavy work of the server, by name: reading an uploaded plan document, extracting its plan,
// reading a spreadsheet, rendering a Word report. Each takes plain data and returns plain data (what a
// worker thread can be sent and can answer), touches no database and no clock of its own, so that the
// same function runs in the process (the CLI, tests) or in the job pool (job-pool.ts, the server).

import type { ExtractOptions } from "../extract/extract-plan.ts";
import type { PlanDraft } from "../extract/types.ts";
import type { MatchCandidate } from "../reports/breakdown-match.ts";
import type { BreakdownLine } from "../reports/breakdown-model.ts";
import type { ProgressModel } from "../reports/progress-model.ts";
import type { BreakdownRead, RankedLine } from "./breakdown-read.ts";
import type { ParsedLedger } from "./ledger-file.ts";
import type { ReadDocument } from "./read-document.ts";
import type { Grid } from "./sheet-grids.ts";

export interface UploadedFile {
  bytes: Uint8Array;
  fileName: string;
}

/** Each job's input and output. */
export interface JobTypes {
  readDocument: { input: UploadedFile; output: ReadDocument };
  /** `fileName` only names the document in a refusal at the pool's limits. */
  extractPlan: { input: { text: string; options?: ExtractOptions; fileName?: string }; output: PlanDraft };
  readGrids: { input: UploadedFile; output: Grid[] };
  readBreakdown: { input: UploadedFile; output: BreakdownRead };
  rankBreakdown: {
    input: { lines: readonly BreakdownLine[]; candidates: readonly MatchCandidate[] };
    output: RankedLine[];
  };
  readLedgerWorkbook: { input: UploadedFile; output: ParsedLedger };
  renderProgressDocx: { input: ProgressModel; output: Uint8Array };
  renderExecutionDraftDocx: { input: ProgressModel; output: Uint8Array };
}

export type JobName = keyof JobTypes;
export type JobInput<K extends JobName> = JobTypes[K]["input"];
export type JobOutput<K extends JobName> = JobTypes[K]["output"];
export type JobHandlers = { [K in JobName]: (input: JobInput<K>) => Promise<JobOutput<K>> };

// Each loaded when first run: a worker that only reads spreadsheets never loads the Word renderer
// (its fonts, charts), nor a ledger export the PDF reader.
export const JOB_HANDLERS: JobHandlers = {
  readDocument: async (file) => (await import("./read-document.ts")).readDocument(file.bytes, file.fileName),
  extractPlan: async ({ text, options }) =>
    (await import("../extract/extract-plan.ts")).extractPlan(text, options),
  readGrids: async (file) => (await import("./sheet-grids.ts")).readGrids(file.bytes, file.fileName),
  readBreakdown: async (file) =>
    (await import("./breakdown-read.ts")).readBreakdown(file.bytes, file.fileName),
  rankBreakdown: async ({ lines, candidates }) =>
    (await import("./breakdown-read.ts")).rankBreakdown(lines, candidates),
  readLedgerWorkbook: async (file) =>
    (await import("./ledger-file.ts")).readLedgerWorkbook(file.bytes, file.fileName),
  renderProgressDocx: async (model) =>
    (await import("../reports/progress-docx.ts")).renderProgressDocx(model),
  renderExecutionDraftDocx: async (model) =>
    (await import("../reports/execution-draft-docx.ts")).renderExecutionDraftDocx(model),
};

export const JOB_NAMES = Object.keys(JOB_HANDLERS) as JobName[];

export function isJobName(name: unknown): name is JobName {
  return typeof name === "string" && Object.hasOwn(JOB_HANDLERS, name);
}

/** Runs jobs: in this process (`inProcessJobs`) or in worker threads with limits (`createJobPool`). */
export interface JobRunner {
  run<K extends JobName>(name: K, input: JobInput<K>): Promise<JobOutput<K>>;
}

/**
 * Jobs run here, on the caller's thread: the CLI (one user, nothing else to keep responsive) and
 * tests. `overrides` put stand-ins in place (a test's extractor).
 */
export function inProcessJobs(overrides: Partial<JobHandlers> = {}): JobRunner {
  return withHandlers({ run: (name, input) => runHandler(JOB_HANDLERS, name, input) }, overrides);
}

/** A runner whose given jobs run here instead (a test's stand-in extractor beside the pool). */
export function withHandlers(runner: JobRunner, overrides: Partial<JobHandlers>): JobRunner {
  return {
    run: <K extends JobName>(name: K, input: JobInput<K>) =>
      overrides[name] ? runHandler(overrides as JobHandlers, name, input) : runner.run(name, input),
  };
}

function runHandler<K extends JobName>(
  handlers: JobHandlers,
  name: K,
  input: JobInput<K>,
): Promise<JobOutput<K>> {
  return (handlers[name] as (input: JobInput<K>) => Promise<JobOutput<K>>)(input);
}
