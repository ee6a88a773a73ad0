// A person sees one language, never "中文 / English" in one string: every message of the server is
// either `{ zh, en }` (the asker's language is chosen when it is sent) or the office's Chinese. This
// scans the string literals (quotes, templates, + chains) of the server's floors and fails on any that
// holds Chinese, then " / ", then a Latin letter. Comments are not strings and are not scanned; OpenAPI
// summaries and descriptions are developer documentation and may keep both languages.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { FastifyInstance } from "fastify";
import ts from "typescript";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestUser, signIn, type TestClient } from "../test/auth-helpers.ts";
import { testApp } from "../test/test-app.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";

const ROOT = join(import.meta.dirname, "../..");
const SCANNED = ["src/services", "src/db", "src/http", "src/domain"];

/** Where a template or a + chain has an expression, the scanned text has this. */
const HOLE = "⟨…⟩";

/**
 * Chinese, anything but a quote, " / ", then a Latin letter, an expression (HOLE), an option or a code: "文件为空 / the file is
 * empty", `${zh} ${id} 不存在 / ${what} ${id} not found`.
 */
const MIXED = /[\u4e00-\u9fff][^"`]*? \/ (?:[A-Za-z]|⟨|--|`|#|\/)/u;

/** The other way round: English, then " / ", then Chinese: "Plans by state / 各状态的计划数". */
const MIXED_REVERSED = /[A-Za-z]{2,}[^"`\u4e00-\u9fff]* \/ [\u4e00-\u9fff]/u;

/** Both halves of a `{ zh, en }` glued back into one: `${text.zh} / ${text.en}`. */
const GLUED = /\bzh\b[^`]*?\} \/ \$\{[^}]*\ben\b/;

/** OpenAPI documentation in src/http: `summary:` and `description:`, and summaries handed to a *Schema builder. */
function isApiDocumentation(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) {
    const name = parent.name;
    return ts.isIdentifier(name) && (name.text === "summary" || name.text === "description");
  }
  if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) {
    const callee = parent.expression;
    return ts.isIdentifier(callee) && callee.text.endsWith("Schema");
  }
  return false;
}

/** The text a literal stands for, expressions as HOLE; null when the node is no string. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((s) => HOLE + s.literal.text).join("");
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = literalText(node.left);
    const right = literalText(node.right);
    if (left === null && right === null) return null;
    return (left ?? HOLE) + (right ?? HOLE);
  }
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  return null;
}

interface MixedString {
  line: number;
  text: string;
}

/** Every string literal of one file that mixes both languages, with its line. */
function mixedStrings(fileName: string, source: string, allowApiDocs: boolean): MixedString[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: MixedString[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== null) {
      // A + chain is judged as a whole; its parts are judged again below, which finds nothing new.
      const mixed =
        MIXED.test(text) ||
        MIXED_REVERSED.test(text) ||
        (ts.isTemplateExpression(node) && GLUED.test(node.getText(file)));
      if (mixed && !(allowApiDocs && isApiDocumentation(node))) {
        const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
        if (!found.some((f) => f.line === line)) found.push({ line, text });
      }
      if (!ts.isBinaryExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function serverFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...serverFiles(path));
    else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** OpenAPI schema files are developer documentation, bilingual on purpose. */
const isSchemaFile = (path: string) => /-schemas?\.ts$/.test(path);

describe("the one-language scanner", () => {
  it("finds mixed quotes, templates and + chains, and says on which line", () => {
    // $( stands for the opening of a template expression.
    const source = [
      'const a = "文件为空 / the file is empty";',
      "const b = `$(name}：第$(row}行无效 / row $(row} is invalid`;",
      'const c = "上传失败" +',
      '  " / the upload failed";',
      "const d = `计划 $(id} 不存在 / plan $(id} not found`;",
      "const e = `$(zh} $(id} 不存在 / $(what} $(id} not found`;",
      "const f = `$(problem.zh} / $(problem.en}`;",
      "const g = `$(problem.zh}：$(row} / $(problem.en}`;",
      "const h = `--seed 应为整数 / --seed must be a whole number`;",
      'const i = "指标接口需要令牌 / /metrics needs the token";',
      'const j = "Plans by state / 各状态的计划数";',
    ]
      .join("\n")
      .replaceAll("$(", "$" + "{");
    expect(mixedStrings("x.ts", source, false).map((m) => m.line)).toEqual([1, 2, 3, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("passes one-language messages, comments, and OpenAPI docs where they are allowed", () => {
    const source = [
      "// 文件为空 / the file is empty (a comment)",
      'const ok = { zh: "文件为空", en: "the file is empty" };',
      'const units = "草稿/已提交/已审核";',
      'const doc = { summary: "导入计划 / import a plan", description: "说明 / notes" };',
      'const s = reasonStepSchema("中止任务 / stop a task");',
    ].join("\n");
    expect(mixedStrings("x.ts", source, true)).toEqual([]);
    expect(mixedStrings("x.ts", source, false).map((m) => m.line)).toEqual([4, 5]);
  });
});

describe("one language per message on the server", () => {
  it.each(SCANNED)("no string in %s says the same thing in Chinese and English at once", (dir) => {
    const offenders: string[] = [];
    for (const path of serverFiles(dir)) {
      if (isSchemaFile(path)) continue;
      const source = readFileSync(join(ROOT, path), "utf8");
      for (const m of mixedStrings(path, source, path.startsWith("src/http/"))) {
        offenders.push(`${relative(ROOT, join(ROOT, path))}:${m.line}: ${m.text}`);
      }
    }
    expect(offenders, offenders.join("\n")).toEqual([]);
  });
});

describe.each(testDialects())("the server answers in the asker's language on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let admin: TestClient;
  beforeEach(async () => {
    app = await testApp(store().db, store().dialect);
    await createTestUser(store().db, { username: "admin", role: "admin" });
    admin = await signIn(app, "admin");
  });
  afterEach(async () => {
    await app.close();
  });

  const ENGLISH = { "x-plantrack-lang": "en" };
  const messageOf = (response: { json: <T>() => T }) => response.json<{ message: string }>().message;

  it("a wrong sign-in: Chinese by default, English to the header or the cookie", async () => {
    const login = (headers: Record<string, string>) =>
      app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers,
        payload: { username: "nobody", password: "Wrong-password-1" },
      });
    expect(messageOf(await login({}))).toBe("用户名或密码错误");
    expect(messageOf(await login(ENGLISH))).toBe("wrong user name or password");
    expect(messageOf(await login({ cookie: "plantrack_lang=en" }))).toBe("wrong user name or password");
  });

  it("an unknown endpoint and a request its schema refuses, Ajv's English words included", async () => {
    expect(messageOf(await app.inject({ method: "GET", url: "/api/nothing?x=1" }))).toBe(
      "没有这个接口：GET /api/nothing",
    );
    expect(messageOf(await app.inject({ method: "GET", url: "/api/nothing", headers: ENGLISH }))).toBe(
      "no such endpoint: GET /api/nothing",
    );
    const zh = messageOf(await admin.inject({ method: "GET", url: "/api/plans/abc" }));
    expect(zh).toMatch(/^请求参数无效：params\/id 应为/);
    expect(zh.replace("params/id", "")).not.toMatch(/[A-Za-z]/);
    const en = messageOf(await admin.inject({ method: "GET", url: "/api/plans/abc", headers: ENGLISH }));
    expect(en).toMatch(/^invalid request: params\/id must be /);
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
