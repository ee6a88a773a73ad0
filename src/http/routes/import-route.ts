import type {} from "@fastify/multipart";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { canEditPlan } from "../../domain/access.ts";
import { AppError } from "../../domain/app-error.ts";
import { regionScopeOf } from "../../services/access-facts.ts";
import { type ImportInput, importPlan } from "../../services/import-plan.ts";
import { baseName, MAX_DOCUMENT_BYTES } from "../../services/read-document.ts";
import { importSchema } from "./import-schema.ts";
import { readFilePart } from "./read-upload.ts";
import { actorOf, principalOf, type RouteDeps } from "./route-deps.ts";

const TRUE_WORDS = new Set(["true", "1", "on", "yes"]);
const FALSE_WORDS = new Set(["false", "0", "off", "no", ""]);

function parseForce(value: string | undefined): boolean {
  if (value === undefined) return false;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw new AppError(
    "bad_input",
    { zh: `强制导入（force）应为 true 或 false：${value}`, en: `force must be true or false: ${value}` },
    {
      field: "force",
    },
  );
}

function parseYear(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  if (!/^\d{4}$/.test(value.trim())) {
    throw new AppError(
      "bad_input",
      { zh: `年度（year）应为四位年份：${value}`, en: `year must be a four-digit year: ${value}` },
      {
        field: "year",
      },
    );
  }
  return Number(value.trim());
}

/** The upload's file and fields; the multipart plugin enforces the size limit while streaming. */
async function readUpload(request: FastifyRequest): Promise<ImportInput> {
  if (!request.isMultipart()) {
    throw new AppError("bad_input", {
      zh: "请以 multipart/form-data 上传，文件字段名为“file”",
      en: "upload as multipart/form-data with the file in field `file`",
    });
  }
  const fields: Record<string, string> = {};
  let file: { bytes: Uint8Array; fileName: string } | null = null;
  for await (const part of request.parts()) {
    if (part.type === "file") {
      file = await readFilePart(part, documentTooLarge, baseName);
    } else if (typeof part.value === "string") {
      fields[part.fieldname] = part.value;
    }
  }
  if (!file) {
    throw new AppError(
      "bad_input",
      { zh: "没有收到文件（字段“file”）", en: "no file received (field `file`)" },
      {
        field: "file",
      },
    );
  }
  const region = fields.region?.trim();
  return {
    ...file,
    ...(region ? { region } : {}),
    ...(parseYear(fields.year) !== undefined ? { year: parseYear(fields.year) } : {}),
    force: parseForce(fields.force),
  };
}

function documentTooLarge(fileName: string): AppError {
  return new AppError(
    "file_too_large",
    { zh: `${fileName}：文件超过 20 MB`, en: `${fileName}: the file is over 20 MB` },
    { file: fileName, limit: MAX_DOCUMENT_BYTES },
  );
}

export const importRoute: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db, extract, jobs }) => {
  app.post("/api/plans/import", { schema: importSchema }, async (request, reply) => {
    const upload = await readUpload(request);
    const user = principalOf(request);
    const result = await importPlan(
      {
        db,
        extract,
        jobs,
        actor: actorOf(request),
        // A planner imports plans of the regions in scope only (admins: any).
        authorizeRegion: async (trx, regionId) => {
          if (!canEditPlan(user, { regionId, state: "draft" }, await regionScopeOf(trx, user))) {
            throw new AppError(
              "forbidden",
              {
                zh: "只能导入本人负责地区的计划；请指定地区",
                en: "you may import plans of your own region only: give the region",
              },
              { field: "region", regionId },
            );
          }
        },
      },
      upload,
    );
    return reply.status(201).send(result);
  });
};
