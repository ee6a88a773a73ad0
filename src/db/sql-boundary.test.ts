// All SQL lives in src/db (one repository per aggregate). This test reads every other source file under
// src/ and fails, naming file and line, when one builds a query itself — so the rule cannot be broken
// silently. Tests and the test helpers in src/test/ may build queries to set up and inspect data.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..");
const ROOT = join(SRC, "..");

/** Kysely query builders started outside a repository, and raw `sql` templates (also `sql<T>`…`). */
const FORBIDDEN: readonly { name: string; pattern: RegExp }[] = [
  { name: ".selectFrom(", pattern: /\.selectFrom\s*\(/ },
  { name: ".insertInto(", pattern: /\.insertInto\s*\(/ },
  { name: ".updateTable(", pattern: /\.updateTable\s*\(/ },
  { name: ".deleteFrom(", pattern: /\.deleteFrom\s*\(/ },
  { name: ".selectNoFrom(", pattern: /\.selectNoFrom\s*\(/ },
  { name: "sql`", pattern: /\bsql(?:\s*<[^`]*?>)?\s*`/ },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

function isOutsideBoundary(path: string): boolean {
  const rel = relative(SRC, path).split(sep).join("/");
  return !rel.startsWith("db/") && !rel.startsWith("test/");
}

/** `file:line: pattern — text` for every forbidden construct in this text. */
function findViolations(file: string, text: string): string[] {
  const found: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const { name, pattern } of FORBIDDEN) {
      if (pattern.test(line)) found.push(`${file}:${i + 1}: ${name} — ${line.trim()}`);
    }
  });
  return found;
}

describe("the SQL boundary", () => {
  it("recognises every forbidden construct", () => {
    const sample = [
      "await db.selectFrom('plans').selectAll().execute();",
      "  .insertInto('plans')",
      "trx.updateTable('plans')",
      "db.deleteFrom('plans')",
      "db.selectNoFrom((eb) => eb.val(1))",
      "await sql`select 1`.execute(db);",
      "await sql<{ n: number }>`select 1 as n`.execute(db);",
      "const fine = listPlans(db);",
    ].join("\n");
    expect(findViolations("sample.ts", sample)).toHaveLength(7);
  });

  it("keeps every query of src/ inside src/db", () => {
    const files = sourceFiles(SRC).filter(isOutsideBoundary);
    expect(files.length).toBeGreaterThan(50);
    const violations = files.flatMap((file) =>
      findViolations(relative(ROOT, file).split(sep).join("/"), readFileSync(file, "utf8")),
    );
    expect(
      violations,
      `SQL belongs in a repository under src/db; move these into one and call it:\n${violations.join("\n")}`,
    ).toEqual([]);
  });
});
