import { type Static, Type } from "@sinclair/typebox";
import type {
  BreakdownApplyRequest,
  BreakdownApplyResult,
  BreakdownPreview,
  LedgerApplyRequest,
  LedgerApplyResult,
  LedgerFiller,
  LedgerPreview,
} from "../../contract/documents.ts";
import { type Same, sameShape } from "../type-check.ts";
import { DateString, errorResponses, IdParams, Nullable, PeriodKey } from "./common-schemas.ts";

const tags = ["documents"];
// A number or a text as the spreadsheet held it, or null for an empty cell (bodies are not coerced,
// so null stays null: src/http/request-validator.ts).
const Cell = Nullable(Type.Union([Type.Number(), Type.String()]));

const LedgerDiffFieldSchema = Type.Object(
  {
    field: Type.Union([
      Type.Literal("value"),
      Type.Literal("percent"),
      Type.Literal("statusWord"),
      Type.Literal("progress"),
      Type.Literal("problems"),
      Type.Literal("nextSteps"),
    ]),
    before: Cell,
    after: Cell,
  },
  { additionalProperties: false },
);

const SubjectKind = Type.Union([Type.Literal("target"), Type.Literal("node")]);

const LedgerFillerSchema = Type.Object(
  {
    department: Type.String({ maxLength: 200 }),
    person: Type.String({ maxLength: 200 }),
    phone: Type.String({ maxLength: 200 }),
    date: Type.String({ maxLength: 200 }),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof LedgerFillerSchema>, LedgerFiller>>();

export const LedgerPreviewSchema = Type.Object({
  planId: Type.Integer(),
  fileName: Type.String(),
  period: Type.String(),
  rowsRead: Type.Integer(),
  differences: Type.Array(
    Type.Object({
      key: Type.String(),
      sheet: Type.String(),
      row: Type.Integer(),
      subjectKind: SubjectKind,
      subjectId: Type.Integer(),
      title: Type.String(),
      period: Type.String(),
      baseRevision: Nullable(Type.Integer()),
      changes: Type.Array(LedgerDiffFieldSchema),
      blocked: Nullable(Type.Object({ zh: Type.String(), en: Type.String() })),
    }),
  ),
  unknownRows: Type.Array(Type.Object({ sheet: Type.String(), row: Type.Integer(), id: Type.String() })),
  filler: Type.Optional(Nullable(LedgerFillerSchema)),
});
sameShape<Same<Static<typeof LedgerPreviewSchema>, LedgerPreview>>();

export const LedgerApplyRequestSchema = Type.Object(
  {
    fileName: Type.String({ maxLength: 300 }),
    period: PeriodKey(),
    items: Type.Array(
      Type.Object(
        {
          key: Type.String({ maxLength: 60 }),
          baseRevision: Nullable(Type.Integer({ minimum: 0 })),
          changes: Type.Array(LedgerDiffFieldSchema, { minItems: 1, maxItems: 10 }),
          confirm: Type.Optional(Type.Boolean()),
          confirmReason: Type.Optional(Type.String({ maxLength: 1000 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20000 },
    ),
    filler: Type.Optional(LedgerFillerSchema),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof LedgerApplyRequestSchema>, LedgerApplyRequest>>();

export const LedgerApplyResultSchema = Type.Object({ planId: Type.Integer(), revisions: Type.Integer() });
sameShape<Same<Static<typeof LedgerApplyResultSchema>, LedgerApplyResult>>();

const BreakdownFieldsSchema = Type.Object(
  {
    seq: Type.String({ maxLength: 100 }),
    task: Type.String({ maxLength: 4000 }),
    goal: Type.String({ maxLength: 4000 }),
    lead: Type.String({ maxLength: 500 }),
    co: Type.String({ maxLength: 1000 }),
    deadline: Type.String({ maxLength: 200 }),
    planned: Type.Array(
      Type.Object(
        {
          label: Type.String({ maxLength: 100 }),
          endMonth: Type.Integer({ minimum: 1, maximum: 12 }),
          text: Type.String({ maxLength: 200 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 24 },
    ),
  },
  { additionalProperties: false },
);

const LocalTextSchema = Type.Object({ zh: Type.String(), en: Type.String() });
const BreakdownConflictSchema = Type.Object({ rule: Type.String(), message: LocalTextSchema });

const BreakdownCandidateSchema = Type.Object({
  kind: SubjectKind,
  id: Type.Integer(),
  title: Type.String(),
  task: Type.String(),
  score: Type.Number(),
  changes: Type.Array(
    Type.Object({
      field: Type.Union([
        Type.Literal("leadDepartment"),
        Type.Literal("coDepartments"),
        Type.Literal("dueDate"),
        Type.Literal("planned"),
        Type.Literal("deadline"),
        Type.Literal("milestones"),
      ]),
      before: Type.String(),
      after: Type.String(),
    }),
  ),
  unknownDepartments: Type.Array(Type.String()),
  warnings: Type.Array(LocalTextSchema),
  conflicts: Type.Array(BreakdownConflictSchema),
});

export const BreakdownPreviewSchema = Type.Object({
  planId: Type.Integer(),
  fileName: Type.String(),
  sheet: Type.String(),
  headerRow: Type.Integer(),
  columns: Type.Array(Type.Object({ column: Type.String(), header: Type.String(), field: Type.String() })),
  threshold: Type.Number(),
  fingerprint: Type.String(),
  rows: Type.Array(
    Type.Object({
      sheet: Type.String(),
      row: Type.Integer(),
      fields: BreakdownFieldsSchema,
      match: Nullable(BreakdownCandidateSchema),
      alternatives: Type.Array(BreakdownCandidateSchema),
      accept: Type.Boolean(),
    }),
  ),
  unmatchedRows: Type.Array(Type.Integer()),
  unknownDepartments: Type.Array(Type.String()),
  conflicts: Type.Array(Type.Object({ row: Type.Integer(), rule: Type.String(), message: LocalTextSchema })),
});
sameShape<Same<Static<typeof BreakdownPreviewSchema>, BreakdownPreview>>();

export const BreakdownApplyRequestSchema = Type.Object(
  {
    fingerprint: Type.String({ maxLength: 64 }),
    fileName: Type.String({ maxLength: 300 }),
    rows: Type.Array(
      Type.Object(
        {
          row: Type.Integer({ minimum: 1 }),
          subject: Type.Object(
            { kind: SubjectKind, id: Type.Integer({ minimum: 1 }) },
            { additionalProperties: false },
          ),
          fields: BreakdownFieldsSchema,
        },
        { additionalProperties: false },
      ),
      { maxItems: 5000 },
    ),
  },
  { additionalProperties: false },
);
sameShape<Same<Static<typeof BreakdownApplyRequestSchema>, BreakdownApplyRequest>>();

export const BreakdownApplyResultSchema = Type.Object({
  planId: Type.Integer(),
  rows: Type.Integer(),
  changes: Type.Integer(),
});
sameShape<Same<Static<typeof BreakdownApplyResultSchema>, BreakdownApplyResult>>();

export const exportSchema = {
  summary:
    "导出执行情况报告（docx、pdf、draft）或台账（xlsx、csv、json） / export the progress report (docx, or pdf made by LibreOffice on the server: 503 not_installed without it), the execution report draft, or the ledger (xlsx, csv, json)",
  description:
    "period: 2020-06 或 2020-Q2，默认截至 asOf 已结束的最后一期 / default: the last period ended by asOf. Content-Disposition 带中文文件名（RFC 6266/5987）。",
  tags,
  params: IdParams,
  querystring: Type.Object(
    {
      format: Type.String({ maxLength: 16 }),
      period: Type.Optional(PeriodKey()),
      asOf: Type.Optional(DateString()),
      // format=midterm (Word) or midterm-pdf: the year of a five-year plan evaluated.
      year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
      // The 公文 frame of docx and pdf, over the plan's settings (发文字号 checked: 南发改〔2020〕12号).
      docNumber: Type.Optional(Type.String({ maxLength: 40 })),
      signer: Type.Optional(Type.String({ maxLength: 20 })),
      recipient: Type.Optional(Type.String({ maxLength: 60 })),
      redHeader: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  response: errorResponses,
};

const upload = (what: string) => ({
  tags,
  consumes: ["multipart/form-data"],
  params: IdParams,
  description: `multipart/form-data 字段 file / field \`file\`: ${what}`,
});

export const ledgerPreviewSchema = {
  summary:
    "台账导回：列出与当前已审核数据的差异（不修改数据） / ledger re-import: the differences, nothing applied",
  ...upload("本系统导出并在 Excel 中修改过的台账 .xlsx / a ledger exported by PlanTrack, edited in Excel"),
  response: { 200: LedgerPreviewSchema, ...errorResponses },
};

export const ledgerFillInSchema = {
  summary:
    "下载一个单位某期的填报表（填报单位、填报人、联系电话、报送日期；本单位牵头的指标和任务），填好后经台账导回 / a department's fill-in ledger of one period, re-imported through the ledger import",
  description:
    "department: 单位编号（报送人默认本单位，只能是本单位）/ the department id (a reporter's own by default, and only that); period: 2020-06 或 2020-Q2. 语言随 plantrack_lang / the language follows plantrack_lang.",
  tags,
  params: IdParams,
  querystring: Type.Object(
    {
      department: Type.Optional(Type.Integer({ minimum: 1 })),
      period: Type.Optional(PeriodKey()),
      asOf: Type.Optional(DateString()),
    },
    { additionalProperties: false },
  ),
  response: errorResponses,
};

export const ledgerApplySchema = {
  summary:
    "台账导回：确认的差异成为新的已审核修订（一个事务） / ledger re-import: the confirmed differences become approved revisions (one transaction)",
  tags,
  params: IdParams,
  body: LedgerApplyRequestSchema,
  response: { 200: LedgerApplyResultSchema, ...errorResponses },
};

export const breakdownPreviewSchema = {
  summary:
    "任务分解表导入预览：逐行匹配、得分和拟修改内容（不修改数据） / 任务分解表 preview: each row's match, score and proposed changes, nothing applied",
  ...upload("任务分解表 .xlsx 或 .csv / the breakdown table, .xlsx or .csv"),
  response: { 200: BreakdownPreviewSchema, ...errorResponses },
};

export const breakdownApplySchema = {
  summary:
    "任务分解表导入：应用确认的行（一个事务；预览后计划有变则 409） / apply the accepted rows (one transaction; 409 when the plan changed since the preview)",
  tags,
  params: IdParams,
  body: BreakdownApplyRequestSchema,
  response: { 200: BreakdownApplyResultSchema, ...errorResponses },
};
