// Request validation with two Ajv instances. Querystring, params and headers are text by nature and
// are coerced to their schema's types (?page=2 is a number); a JSON body already has its types and is
// not coerced: coercion turned a null sent for a nullable number into 0 (Ajv tries the number branch
// of "number or null" first and coerces), so clearing a value stored 0 and a ledger's empty month
// looked changed. Both instances know the date and period formats of common-schemas.ts.

import { Ajv, type Options, type ValidateFunction } from "ajv";
import type { FastifySchemaCompiler } from "fastify";
import { AppError } from "../domain/app-error.ts";
import { REQUEST_FORMATS } from "./routes/common-schemas.ts";

// Fastify's defaults, but unknown fields are refused (a typo must not be a silent no-op), not stripped.
const OPTIONS: Options = {
  useDefaults: true,
  removeAdditional: false,
  addUsedSchema: false,
  allErrors: false,
};

function requestAjv(coerceTypes: Options["coerceTypes"]): Ajv {
  const ajv = new Ajv({ ...OPTIONS, coerceTypes });
  for (const [name, validate] of Object.entries(REQUEST_FORMATS))
    ajv.addFormat(name, { type: "string", validate });
  return ajv;
}

export function requestValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const bodies = requestAjv(false);
  const texts = requestAjv("array");
  return ({ schema, httpPart }) => {
    const ajv = httpPart === "body" ? bodies : texts;
    // A schema with an $id compiles once per instance (Ajv refuses a second one with the same id).
    const id = (schema as { $id?: unknown }).$id;
    const known = typeof id === "string" ? ajv.getSchema(id) : undefined;
    const validate = (known ?? ajv.compile(schema as object)) as ValidateFunction;
    return httpPart === "body" ? validate : finiteOnly(validate);
  };
}

/**
 * Ajv coerces ?page=1e309 to Infinity and then lets it pass as an integer within its maximum; a
 * querystring or params number that is not finite is refused here instead.
 */
function finiteOnly(validate: ValidateFunction): ValidateFunction {
  const guarded = ((data: unknown) => {
    guarded.errors = null;
    if (!validate(data)) {
      guarded.errors = validate.errors ?? null;
      return false;
    }
    if (data === null || typeof data !== "object") return true;
    for (const [key, value] of Object.entries(data)) {
      if (typeof value === "number" && !Number.isFinite(value)) {
        guarded.errors = [
          {
            instancePath: `/${key}`,
            schemaPath: "#",
            keyword: "type",
            params: {},
            message: "must be a finite number",
          },
        ];
        return false;
      }
    }
    return true;
  }) as ValidateFunction;
  return guarded;
}

/**
 * A validator of a JSON body that came another way (the `body` field of a multipart request): the
 * same rules as a JSON body, refusals worded like the framework's own.
 */
export function bodyValidator<T>(schema: object): (value: unknown) => T {
  const validate = requestAjv(false).compile(schema);
  return (value) => {
    if (validate(value)) return value as T;
    const first = validate.errors?.[0];
    const path = `body${first?.instancePath ?? ""}`;
    throw new AppError(
      "bad_input",
      {
        zh: `请求参数无效：${path} ${first?.message ?? ""}`.trim(),
        en: `invalid request: ${path} ${first?.message ?? ""}`.trim(),
      },
      {
        validation: (validate.errors ?? []).map((v) => ({
          path: `body${v.instancePath}`,
          message: v.message,
          params: v.params,
        })),
      },
    );
  };
}
