// What a command may touch of the outside world; tests pass their own to capture output.

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface CliCommand {
  name: string;
  /** One line, Chinese first then English. */
  summary: string;
  usage: string;
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
