// Notices when the files of an open SQLite database go away under the process. SQLite keeps writing
// into a database file or WAL that was deleted or replaced (it holds them open), so every save is
// acknowledged and lost at the next start; the guard compares the device and inode of the database
// file and its -wal with those seen at open, before every write and on readiness, and fails loudly.
// The -shm (the WAL index) only matters to other processes, so its trouble is logged, not fatal.

import { statSync } from "node:fs";
import { AppError, type LocalText } from "../domain/app-error.ts";

interface Identity {
  dev: number;
  ino: number;
}

export interface SqliteFileGuard {
  /** What is wrong with the database files, or null when they are the ones opened. */
  problem: () => LocalText | null;
  /** Throws an AppError when `problem()` finds one (before a write). */
  assertIntact: () => void;
  /** Trouble with the -shm file, worth a warning in the log but not a refusal. */
  warnings: () => LocalText[];
}

function identityOf(file: string): Identity | null {
  try {
    const s = statSync(file);
    return { dev: s.dev, ino: s.ino };
  } catch {
    return null;
  }
}

const same = (a: Identity, b: Identity) => a.dev === b.dev && a.ino === b.ino;

/**
 * Call right after opening (and after a first statement, which creates the -wal and -shm files);
 * a file not there yet is recorded the first time it is seen.
 */
export function createSqliteFileGuard(file: string, onWarning: (text: LocalText) => void): SqliteFileGuard {
  const kinds = [
    { suffix: "", name: { zh: "数据库文件", en: "database file" } },
    { suffix: "-wal", name: { zh: "预写日志（-wal）", en: "write-ahead log (-wal)" } },
  ] as const;
  const opened = new Map<string, Identity | null>(
    kinds.map((k) => [k.suffix, identityOf(`${file}${k.suffix}`)]),
  );
  const warned = new Set<string>();

  const check = (suffix: string): "removed" | "replaced" | null => {
    const seen = opened.get(suffix) ?? null;
    const now = identityOf(`${file}${suffix}`);
    if (seen === null) {
      // Not there at open (a WAL appears with the first statement): from now on it must stay.
      if (now !== null) opened.set(suffix, now);
      return null;
    }
    if (now === null) return "removed";
    return same(seen, now) ? null : "replaced";
  };

  const describe = (suffix: string, what: "removed" | "replaced"): LocalText => {
    const kind = kinds.find((k) => k.suffix === suffix) ?? kinds[0];
    const path = `${file}${suffix}`;
    return what === "removed"
      ? {
          zh: `${kind.name.zh} ${path} 在服务运行中被删除；为免丢失数据，拒绝写入，请重启服务并检查数据`,
          en: `the ${kind.name.en} ${path} was deleted under the running server: writes are refused so that none is lost; restart the server and check the data`,
        }
      : {
          zh: `${kind.name.zh} ${path} 在服务运行中被替换；为免丢失数据，拒绝写入，请重启服务`,
          en: `the ${kind.name.en} ${path} was replaced under the running server: writes are refused so that none is lost; restart the server`,
        };
  };

  const problem = (): LocalText | null => {
    for (const suffix of ["", "-wal"]) {
      const what = check(suffix);
      if (what) return describe(suffix, what);
    }
    return null;
  };

  const warnings = (): LocalText[] => {
    const what = check("-shm");
    if (!what) return [];
    const path = `${file}-shm`;
    const shm: LocalText = {
      zh: `共享内存索引 ${path} 在服务运行中被${what === "removed" ? "删除" : "替换"}；此时再有进程打开数据库将看不到本服务的锁，请尽快重启服务`,
      en: `the shared-memory index ${path} was ${what} under the running server: another process opening the database now would not see this server's locks; restart the server soon`,
    };
    if (!warned.has(shm.en)) {
      warned.add(shm.en);
      onWarning(shm);
    }
    return [shm];
  };

  return {
    problem,
    warnings,
    assertIntact() {
      const found = problem();
      warnings();
      if (found) throw new AppError("internal", found, { file });
    },
  };
}
