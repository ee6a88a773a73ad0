// The shared dev corpus (../shared/corpus/dev beside the repository) with its gold annotations, for
// tests that score the extractor the way ../shared/tools/score-extraction.mjs does. Machines without
// ../shared get null, and the tests that need it skip.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SHARED_DIR = resolve(REPO_ROOT, "../shared");
export const DEV_CORPUS_DIR = join(SHARED_DIR, "corpus", "dev");

export interface GoldTarget {
  /** Copied from the text; located at its `occurrence`-th appearance (1-based, default 1). */
  quote: string;
  occurrence?: number;
  subject: string;
  value: number;
  value2?: number | null;
  unit: string;
  comparator?: string;
  direction?: string;
}

export type GoldQuote = string | { quote: string; occurrence?: number };

export interface GoldFile {
  meta?: Record<string, string | number>;
  structure?: { sections?: string[]; areas?: string[]; groups?: string[] };
  targets: GoldTarget[];
  /** Quotes whose numbers are left undecided: predictions inside them count neither way. */
  ignore?: GoldQuote[];
}

export interface CorpusDocument {
  /** File name without .txt. */
  name: string;
  /** The bytes of the .txt file, for the same decoding as `plantrack extract`. */
  bytes: Uint8Array;
  gold: GoldFile;
}

/** Every `*.txt` of the dev corpus that has a `*.gold.json` beside it, by name; null when absent. */
export function devCorpus(dir: string = DEV_CORPUS_DIR): CorpusDocument[] | null {
  if (!existsSync(dir)) return null;
  const out: CorpusDocument[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()) {
    const name = file.slice(0, -".txt".length);
    const goldPath = join(dir, `${name}.gold.json`);
    if (!existsSync(goldPath)) continue;
    out.push({
      name,
      bytes: readFileSync(join(dir, file)),
      gold: JSON.parse(readFileSync(goldPath, "utf8")) as GoldFile,
    });
  }
  return out;
}
