import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { enUS, interpolate, type MessageKey, type Vars, zhCN } from "../i18n/messages.ts";
import { errorCodeText } from "./ErrorState.tsx";

const tIn = (dict: Record<MessageKey, string>) => (key: MessageKey, vars?: Vars) =>
  interpolate(dict[key], vars);

describe("the error code under a message", () => {
  it("names the code in Chinese words on a Chinese screen, and shows the code on an English one", () => {
    expect(errorCodeText("forbidden", tIn(zhCN))).toBe("错误类型：无权操作");
    expect(errorCodeText("forbidden", tIn(enUS))).toBe("Error code forbidden");
  });

  it("has Chinese words for every code the server sends (read from the AppError codes)", () => {
    const source = readFileSync(join(import.meta.dirname, "../../../src/domain/app-error.ts"), "utf8");
    const codes = [...source.matchAll(/^\s*\| "([a-z_]+)"/gm)].map((m) => m[1] as string);
    expect(codes).toContain("forbidden");
    for (const code of codes) expect(errorCodeText(code, tIn(zhCN)), code).not.toMatch(/[A-Za-z]/);
  });
});
