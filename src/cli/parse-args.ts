import { AppError } from "../domain/app-error.ts";

export interface ParsedArgs {
  flags: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Parses `--flag`, `--key value` and `--key=value`; an unknown flag is an error, not ignored. */
export function parseArgs(args: string[], spec: { boolean?: string[]; string?: string[] }): ParsedArgs {
  const booleans = new Set(spec.boolean ?? []);
  const strings = new Set(spec.string ?? []);
  const flags: ParsedArgs["flags"] = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith("--") || arg === "--") {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (booleans.has(name)) flags[name] = true;
    else if (strings.has(name)) {
      const value = inline ?? args[++i];
      if (value === undefined)
        throw new AppError("bad_input", { zh: `--${name} 缺少取值`, en: `--${name} needs a value` });
      flags[name] = value;
    } else {
      throw new AppError("bad_input", { zh: `未知参数：--${name}`, en: `unknown option: --${name}` });
    }
  }
  return { flags, positionals };
}
