// What a command may touch of the outside world; tests pass their own to capture output.

import type { LocalText } from "../domain/app-error.ts";

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface CliCommand {
  name: string;
  /** One line in each language; `plantrack --help` shows the reader's. */
  summary: LocalText;
  /** The options in each language, the synopsis first: `--help` shows the reader's. */
  usage: LocalText;
  run: (args: string[], io: CliIo) => Promise<number>;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
  };
}
