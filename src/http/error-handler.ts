// Every error leaves the API as { code, message, details } with the status this table gives its code:
// our AppErrors, Fastify's own (validation, body limits, multipart limits) and anything unexpected.

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ApiErrorBody } from "../contract/common.ts";
import { AppError, type AppErrorCode, isAppError } from "../domain/app-error.ts";
import { type RequestLang, requestLang } from "./request-lang.ts";
import { validationMessage } from "./validation-words.ts";

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  bad_input: 400,
  empty_file: 400,
  unsupported_file: 415,
  file_too_large: 413,
  no_plan_content: 422,
  not_found: 404,
  conflict: 409,
  implausible_value: 422,
  unauthenticated: 401,
  totp_required: 401,
  forbidden: 403,
  csrf: 403,
  password_change_required: 403,
  locked: 423,
  rate_limited: 429,
  not_installed: 503,
  too_complex: 422,
  busy: 503,
  internal: 500,
};

const MB = 1024 * 1024;

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as FastifyError).code === "string";
}

/** 256 KB, 20 MB: a limit as a person reads it. */
function sizeText(bytes: number): string {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * Fastify's and its plugins' errors, in our terms. `limitBytes` is the upload limit of multipart
 * files; `bodyLimitBytes` the body limit of the route that refused the body (JSON: 256 KB).
 */
function fromFastifyError(error: FastifyError, limitBytes: number, bodyLimitBytes?: number): AppError | null {
  if (error.validation) {
    const where = error.validationContext ?? "request";
    return new AppError("bad_input", validationMessage(where, error.validation[0], error.message), {
      validation: error.validation.map((v) => ({
        path: `${where}${v.instancePath}`,
        message: v.message,
        params: v.params,
      })),
    });
  }
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE": {
      // The limit of this route and content type, not the upload limit of documents.
      const limit = bodyLimitBytes ?? limitBytes;
      return new AppError(
        "file_too_large",
        {
          zh: `请求内容超过 ${sizeText(limit)} 的上限`,
          en: `the request body is over the limit of ${sizeText(limit)}`,
        },
        { limit, reason: error.code },
      );
    }
    case "FST_REQ_FILE_TOO_LARGE":
    case "FST_PARTS_LIMIT":
    case "FST_FILES_LIMIT":
    case "FST_FIELDS_LIMIT":
      return new AppError(
        "file_too_large",
        {
          zh: `上传内容超过 ${Math.round(limitBytes / MB)} MB 或数量超限`,
          en: `the upload is over ${Math.round(limitBytes / MB)} MB or has too many parts`,
        },
        { limit: limitBytes, reason: error.code },
      );
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return new AppError(
        "bad_input",
        { zh: "请求的内容类型不对", en: `wrong content type: ${error.message}` },
        {
          reason: error.code,
        },
      );
  }
  const status = error.statusCode ?? 500;
  // Fastify's own words are English: the Chinese reader gets ours, the code and details say the rest.
  if (status === 404)
    return new AppError("not_found", { zh: "找不到请求的内容", en: `not found: ${error.message}` });
  if (status >= 400 && status < 500) {
    return new AppError(
      "bad_input",
      { zh: "请求无效", en: `bad request: ${error.message}` },
      { reason: error.code },
    );
  }
  return null;
}

export function toAppError(error: unknown, limitBytes: number, bodyLimitBytes?: number): AppError {
  if (isAppError(error)) return error;
  if (isFastifyError(error)) {
    const mapped = fromFastifyError(error, limitBytes, bodyLimitBytes);
    if (mapped) return mapped;
  }
  return new AppError("internal", { zh: "服务器内部错误", en: "internal server error" });
}

export function errorBody(error: AppError, requestId?: string, lang: RequestLang = "zh"): ApiErrorBody {
  const body: ApiErrorBody = { code: error.code, message: error.messageIn(lang), details: error.details };
  if (requestId !== undefined) body.requestId = requestId;
  return body;
}

export function installErrorHandlers(app: FastifyInstance, options: { uploadLimitBytes: number }): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error, options.uploadLimitBytes, request.routeOptions.bodyLimit);
    const status = HTTP_STATUS[appError.code];
    if (status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ code: appError.code }, appError.message);
    return reply.status(status).send(errorBody(appError, request.id, requestLang(request)));
  });
}

export function notFoundBody(
  method: string,
  url: string,
  requestId?: string,
  lang: RequestLang = "zh",
): ApiErrorBody {
  const path = url.split("?")[0];
  return errorBody(
    new AppError(
      "not_found",
      { zh: `没有这个接口：${method} ${path}`, en: `no such endpoint: ${method} ${path}` },
      { method, url: path },
    ),
    requestId,
    lang,
  );
}
