import { auditCommand } from "./audit-command.ts";
import { backupCommand, restoreCommand } from "./backup-command.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { type CliLang, cliLang } from "./cli-lang.ts";
import { docxCheckCommand } from "./docx-check-command.ts";
import { exitCodeFor, messageFor } from "./exit-codes.ts";
import { exportCommand } from "./export-command.ts";
import { extractCommand } from "./extract-command.ts";
import { generateCommand } from "./generate-command.ts";
import { importCommand } from "./import-command.ts";
import { migrateCommand } from "./migrate-command.ts";
import { planCommand } from "./plan-command.ts";
import { reportCommand } from "./report-command.ts";
import { serveCommand } from "./serve-command.ts";
import { statusCommand } from "./status-command.ts";
import { userCommand } from "./user-command.ts";

// Every command of `plantrack`, in the order `--help` lists them.
const COMMANDS: CliCommand[] = [
  extractCommand,
  importCommand,
  serveCommand,
  migrateCommand,
  userCommand,
  auditCommand,
  backupCommand,
  restoreCommand,
  reportCommand,
  statusCommand,
  planCommand,
  exportCommand,
  docxCheckCommand,
  generateCommand,
];

function help(lang: CliLang): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary[lang]}`);
  const words = {
    zh: {
      title: "plantrack：规划计划执行跟踪",
      usage: "用法：plantrack 命令 [参数]",
      more: "plantrack 命令 --help：查看该命令的参数（PLANTRACK_LANG=en 显示英文）",
    },
    en: {
      title: "plantrack: development-plan tracking",
      usage: "usage: plantrack COMMAND [options]",
      more: "plantrack COMMAND --help shows a command's options",
    },
  }[lang];
  return [words.title, "", words.usage, "", ...lines, "", words.more, ""].join("\n");
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // One language for everything this run prints: usage texts here, messages and errors in the commands.
  const lang = cliLang(io.env);
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(help(lang));
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const unknown = lang === "zh" ? `未知命令“${name}”` : `unknown command: ${name}`;
    io.err(`${unknown}\n\n${help(lang)}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`${command.usage[lang]}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.err(`plantrack ${name}: ${messageFor(error, lang)}\n`);
    return exitCodeFor(error);
  }
}
