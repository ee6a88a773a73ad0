// The import graph of the project's own TypeScript: which file imports which, line by line. Read by
// the house-rules test (arrows point down, no circles); kept apart so the rules stay short.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

export interface ImportEdge {
  /** Project-relative path of the importing file, with forward slashes. */
  from: string;
  /** Project-relative path of the imported file. */
  to: string;
  line: number;
  /** `import type` / `export type … from`: erased at run time, still an arrow of the house plan. */
  typeOnly: boolean;
}

export function projectFiles(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(path);
    }
  };
  for (const dir of dirs) if (existsSync(join(root, dir))) walk(join(root, dir));
  return out;
}

const toPosix = (path: string) => path.split(sep).join("/");

// Static imports and re-exports, and dynamic import("…") with a literal specifier; one per match.
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^'"`;]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** The edges of one file's text; only relative specifiers (the project's own files) are edges. */
export function importsOf(root: string, file: string, text: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const lines = text.split(/\r?\n/);
  let inBlockComment = false;
  let pending = "";
  let pendingLine = 0;
  lines.forEach((raw, index) => {
    let line = raw;
    if (inBlockComment) {
      const end = line.indexOf("*/");
      if (end < 0) return;
      line = line.slice(end + 2);
      inBlockComment = false;
    }
    if (/^\s*\/\//.test(line)) return;
    if (/^\s*\/\*/.test(line) && !line.includes("*/")) {
      inBlockComment = true;
      return;
    }
    // A multi-line `import { a,\n b } from "x"` is read as one statement, reported at its first line.
    if (pending || /^\s*(import|export)\b[^'"]*$/.test(line)) {
      if (!pending) pendingLine = index + 1;
      pending += ` ${line}`;
      if (!/\sfrom\s+["']/.test(line) && !/^\s*["']/.test(line)) return;
      line = pending;
      pending = "";
    } else {
      pendingLine = index + 1;
    }
    for (const match of line.matchAll(IMPORT)) {
      const specifier = match[2] ?? match[3];
      if (!specifier?.startsWith(".")) continue;
      const target = resolve(dirname(file), specifier);
      edges.push({
        from: toPosix(relative(root, file)),
        to: toPosix(relative(root, target)),
        line: pendingLine,
        typeOnly: Boolean(match[1]),
      });
    }
  });
  return edges;
}

export function importGraph(root: string, dirs: readonly string[]): ImportEdge[] {
  return projectFiles(root, dirs).flatMap((file) => importsOf(root, file, readFileSync(file, "utf8")));
}

/**
 * Every import circle, each as the list of files around it (Tarjan's strongly connected components;
 * a file importing itself counts). Type-only imports count too: a circle of types is still a knot.
 */
export function importCircles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.from) ?? [];
    list.push(e.to);
    next.set(e.from, list);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (start: string) => {
    // Iterative, so a long chain of imports cannot overflow the call stack.
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; i: number };
      const targets = next.get(frame.node) ?? [];
      if (frame.i < targets.length) {
        const to = targets[frame.i++] as string;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, i: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(to) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && (next.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) circles.push(component.sort());
      }
    }
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return circles;
}
