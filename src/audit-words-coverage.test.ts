// Every audit action code, entity kind and setting the product writes has words (src/domain/audit-words.ts):
// read from the source itself, so a new code written anywhere in src/ without words fails here.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTION_WORDS,
  AUDIT_ENTITY_WORDS,
  AUDIT_SETTING_WORDS,
  isWordedAction,
} from "./domain/audit-words.ts";

const SRC = fileURLToPath(new URL(".", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "test" ? [] : sourceFiles(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

const FILES = sourceFiles(SRC).map((path) => ({
  path: relative(SRC, path),
  text: readFileSync(path, "utf8"),
}));

/** The words before the first dot of every code the audit writer is given, as the product spells them. */
const PREFIXES = new Set(Object.keys(AUDIT_ACTION_WORDS).map((c) => c.split(".")[0] as string));
const FILE_ENDINGS = /\.(txt|docx?|pdf|html?|xlsx|csv|json|ofd|mht|db|ts|png|xml|zip|exe)$/;

/** The members of TaskAction: `task.${step.action}` is written for each of them. */
function taskActions(): string[] {
  const states = FILES.find((f) => f.path === join("domain", "task-states.ts"))?.text ?? "";
  const union = /export type TaskAction =([^;]+);/.exec(states)?.[1] ?? "";
  return [...union.matchAll(/"([a-z_]+)"/g)].map((m) => m[1] as string);
}

interface Found {
  code: string;
  where: string;
}

/**
 * Every action code the product can write, read from the source: (1) an `action: "…"` or
 * `action = "…"` literal with a dot, whatever its prefix; (2) any "prefix.rest" literal whose prefix
 * is an audit prefix (codes passed as arguments: updateUser(…, "auth.password_change"), the report
 * states' table); (3) template literals in an action position, expanded — a ternary's literals, or
 * TaskAction for `task.${step.action}`; one the scan cannot expand is reported as such.
 */
function writtenCodes(): { codes: Found[]; unexpanded: Found[] } {
  const codes: Found[] = [];
  const unexpanded: Found[] = [];
  for (const { path, text } of FILES) {
    const lines = text.split("\n");
    lines.forEach((line, i) => {
      const where = `${path}:${i + 1}`;
      for (const m of line.matchAll(/\baction\s*[:=]\s*"([a-z_]+(?:\.[a-z_]+)+)"/g))
        codes.push({ code: m[1] as string, where });
      for (const m of line.matchAll(/"([a-z]+)\.([a-z_]+(?:\.[a-z_]+)*)"/g)) {
        const code = `${m[1]}.${m[2]}`;
        if (PREFIXES.has(m[1] as string) && !FILE_ENDINGS.test(code)) codes.push({ code, where });
      }
      for (const m of line.matchAll(/\baction\s*:\s*`([^`]*)`/g)) {
        const template = m[1] as string;
        const ternary = /^([a-z_.]+)\$\{[^?}]+\?\s*"([a-z_]+)"\s*:\s*"([a-z_]+)"\s*\}$/.exec(template);
        if (ternary) {
          codes.push(
            { code: `${ternary[1]}${ternary[2]}`, where },
            { code: `${ternary[1]}${ternary[3]}`, where },
          );
        } else if (/^task\.\$\{step\.action\}$/.test(template)) {
          for (const a of taskActions()) codes.push({ code: `task.${a}`, where });
        } else {
          unexpanded.push({ code: template, where });
        }
      }
    });
  }
  return { codes, unexpanded };
}

describe("the audit log's words cover what src/ writes", () => {
  const { codes, unexpanded } = writtenCodes();

  it("finds the codes written through every path (the scan itself works)", () => {
    const found = new Set(codes.map((c) => c.code));
    for (const code of [
      "target.confirm_value", // action: "…" in a service
      "auth.password_change", // an argument of updateUser
      "report.approve", // the report states' table
      "extension.grant", // a ternary in a template
      "task.close", // task.${step.action}
      "plan.make_private",
    ])
      expect(found, code).toContain(code);
    expect(taskActions()).toContain("acknowledge");
  });

  it("has words for every action code written anywhere in src/", () => {
    expect(unexpanded, "action templates the scan cannot expand: teach it, then word the codes").toEqual([]);
    const missing = codes.filter((c) => !isWordedAction(c.code)).map((c) => `${c.code} (${c.where})`);
    expect(missing).toEqual([]);
  });

  it("has words for every entity kind written", () => {
    const kinds = new Set<string>();
    for (const { text } of FILES)
      for (const m of text.matchAll(/\bentity:\s*"([a-z_]+)"/g)) kinds.add(m[1] as string);
    expect(kinds.size).toBeGreaterThan(10);
    expect([...kinds].filter((k) => !Object.hasOwn(AUDIT_ENTITY_WORDS, k))).toEqual([]);
  });

  it("has words for every setting key the product sets", () => {
    const keys = new Set<string>();
    for (const { text } of FILES) {
      if (!text.includes("setSetting(")) continue;
      for (const m of text.matchAll(/_KEY = "([^"]+)"/g)) keys.add(m[1] as string);
    }
    expect([...keys].sort()).toContain("demo.seeded");
    expect([...keys].filter((k) => !Object.hasOwn(AUDIT_SETTING_WORDS, k))).toEqual([]);
  });
});
