import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { databaseConfigFromEnv, type Store } from "../db/database.ts";
import { getSetting } from "../db/settings-repository.ts";
import { AppError } from "../domain/app-error.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import { buildApp } from "../http/build-app.ts";
import { logLevelFromEnv } from "../http/request-log.ts";
import { hasWebBuild } from "../http/static-web.ts";
import { authSettingsFromEnv } from "../services/auth.ts";
import { type BootstrapUser, bootstrapUsers } from "../services/bootstrap-users.ts";
import type { ExtractPlanFn } from "../services/import-plan.ts";
import { smtpFromEnv } from "../services/reminder-delivery.ts";
import { startScheduler } from "../services/reminder-scheduler.ts";
import { DEMO_SEEDED_KEY, seedDemo } from "../services/seed-demo.ts";
import { DEMO_AS_OF, seedDemoReports } from "../services/seed-demo-reports.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { openMigratedStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";
import { announceAuditKey, startAuditCheckpoints } from "./serve-audit.ts";
import { textTable } from "./text-table.ts";

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DEFAULT_WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));
export const EXAMPLES_DIR = fileURLToPath(new URL("../../examples", import.meta.url));

export interface ServeOptions {
  port: number;
  /** localhost by default: offered to the network only when asked (--host 0.0.0.0). */
  host: string;
  seedDemo: boolean;
  webDist: string | null;
  extract?: ExtractPlanFn;
  logLevel?: string;
}

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  url: string;
  close: () => Promise<void>;
}

function parsePort(value: string | undefined, from: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value ?? "") || port > 65535) {
    throw new AppError(
      "bad_input",
      `${from} 应为 0–65535 的端口号 / ${from} must be a port 0–65535: ${value}`,
    );
  }
  return port;
}

export function serveOptions(args: string[], io: CliIo): ServeOptions {
  const { flags, positionals } = parseArgs(args, { boolean: ["seed-demo"], string: ["port", "host", "web"] });
  if (positionals.length > 0)
    throw new AppError("bad_input", `多余的参数 / unexpected arguments: ${positionals.join(" ")}`);
  const port =
    typeof flags.port === "string"
      ? parsePort(flags.port, "--port")
      : io.env.PORT
        ? parsePort(io.env.PORT, "PORT")
        : 3000;
  const host = (typeof flags.host === "string" ? flags.host : io.env.HOST) || "localhost";
  const web = typeof flags.web === "string" ? flags.web : DEFAULT_WEB_DIST;
  return {
    port,
    host,
    seedDemo: flags["seed-demo"] === true,
    webDist: web,
    logLevel: logLevelFromEnv(io.env.PLANTRACK_LOG_LEVEL),
  };
}

const ROLE_NAMES: Record<string, string> = {
  admin: "管理员 admin",
  planner: "计划员 planner",
  leader: "领导 leader",
  reporter: "填报人 reporter",
};

function credentialsTable(users: BootstrapUser[]): string {
  return textTable(
    ["用户名 user", "角色 role", "名称 name", "密码 password"],
    users.map((u) => [
      u.username,
      ROLE_NAMES[u.role] ?? u.role,
      u.displayName,
      u.password ?? "(环境变量 from env)",
    ]),
  );
}

/** Where the demo's first passwords are kept for a person who missed the console: beside the SQLite file, or data/. */
export function credentialsFile(io: CliIo): string {
  const config = databaseConfigFromEnv(io.env, io.cwd);
  const dir =
    config.dialect === "sqlite" && config.file !== ":memory:" ? dirname(config.file) : join(io.cwd, "data");
  return join(dir, "demo-credentials.txt");
}

function secureCookieSetting(value: string | undefined): boolean | "auto" {
  const v = value?.trim().toLowerCase();
  if (!v || v === "auto") return "auto";
  if (["1", "true", "yes", "on"].includes(v)) return true;
  if (["0", "false", "no", "off"].includes(v)) return false;
  throw new AppError(
    "bad_input",
    `PLANTRACK_SECURE_COOKIES 应为 auto、1 或 0 / must be auto, 1 or 0: ${value}`,
  );
}

/** The first users: printed once (a password from the environment is never printed). */
async function firstUsers(io: CliIo, store: Store, seedDemoUsers: boolean): Promise<void> {
  const env = io.env;
  const created = await bootstrapUsers(
    { db: store.db, now: () => new Date() },
    {
      demo: seedDemoUsers,
      ...(env.PLANTRACK_ADMIN_PASSWORD ? { adminPassword: env.PLANTRACK_ADMIN_PASSWORD } : {}),
      ...(env.PLANTRACK_DEMO_PASSWORD ? { demoPassword: env.PLANTRACK_DEMO_PASSWORD } : {}),
    },
  );
  if (created.length === 0) return;
  const table = credentialsTable(created);
  io.out(
    [
      "",
      "已创建初始用户。以下密码只显示这一次，首次登录时须修改： / First users created. The passwords are shown this once and must be changed at first sign-in:",
      table,
      "",
    ].join("\n"),
  );
  if (!seedDemoUsers) return;
  const file = credentialsFile(io);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    [
      `PlanTrack 演示账户 / demo accounts — ${new Date().toISOString()}`,
      "首次登录时须修改密码；改后本文件即失效，请删除 / change each password at first sign-in; then delete this file",
      "",
      table,
      "",
    ].join("\n"),
    { mode: 0o600 },
  );
  chmodSync(file, 0o600);
  io.out(`演示账户也已写入 / the demo accounts are also in ${file} (仅本人可读 mode 600)\n\n`);
}

/** Migrates, seeds when asked, and listens; `close` stops the server and the database. */
export async function startServer(io: CliIo, options: ServeOptions): Promise<RunningServer> {
  const { store, migration } = await openMigratedStore(io);
  try {
    if (migration.applied.length > 0) io.out(`数据库已迁移 / migrated: ${migration.applied.join(", ")}\n`);
    const auditKey = announceAuditKey(io, store);
    const extract = options.extract ?? extractPlan;
    if (options.seedDemo) {
      const seed = await seedDemo({ db: store.db, extract, examplesDir: EXAMPLES_DIR });
      if (seed.seeded && seed.summary) {
        const s = seed.summary;
        io.out(
          `已导入示例计划 / imported the example plan #${seed.planId}: ${s.areas} 领域 areas, ${s.groups} 分组 groups, ${s.targets} 指标 targets\n`,
        );
      }
    }
    await firstUsers(io, store, options.seedDemo);
    if (options.seedDemo) {
      // After the users: the demo reports name their reporters and the planner who reviewed them.
      const mark = await getSetting(store.db, DEMO_SEEDED_KEY);
      const planId = mark ? (JSON.parse(mark) as { planId?: number | null }).planId : null;
      if (typeof planId === "number") {
        const started = Date.now();
        const demo = await seedDemoReports(store.db, planId);
        if (demo.seeded) {
          io.out(
            `已生成示例进展报告（示例数据，截至${DEMO_AS_OF}） / demo reports (示例数据, as of ${DEMO_AS_OF}): ${demo.reports} 份 reports, ${demo.revisions} 个修订 revisions, ${Date.now() - started} ms\n`,
          );
        }
      }
    }
    const webDist = hasWebBuild(options.webDist) ? options.webDist : null;
    const app = await buildApp({
      db: store.db,
      dialect: store.dialect,
      extract,
      webDist,
      logger: { level: options.logLevel ?? "info" },
      metricsToken: io.env.PLANTRACK_METRICS_TOKEN?.trim() || null,
      auth: authSettingsFromEnv(io.env),
      secureCookies: secureCookieSetting(io.env.PLANTRACK_SECURE_COOKIES),
      trustProxy: ["1", "true", "yes"].includes(io.env.PLANTRACK_TRUST_PROXY?.trim().toLowerCase() ?? ""),
      ...loginRate(io.env.PLANTRACK_LOGIN_ATTEMPTS_PER_MINUTE),
    });
    await app.listen({ port: options.port, host: options.host });
    const checkpoints = await startAuditCheckpoints(io, store, app.log, auditKey);
    // 自动催报: every app process runs the loop; the database lease lets one of them work at a time.
    const scheduler = ["0", "false", "off", "no"].includes(
      io.env.PLANTRACK_SCHEDULER?.trim().toLowerCase() ?? "",
    )
      ? null
      : startScheduler(store.db, app.log, { smtp: smtpFromEnv(io.env) });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : options.port;
    const shownHost = options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host;
    const url = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${port}`;
    io.out(`PlanTrack 已启动 / listening on ${url}  (数据库 database: ${store.location})\n`);
    if (!webDist) {
      io.out(
        `网页尚未构建，只提供接口；先运行 npm run build:web / the web app is not built (npm run build:web): serving the API only (${url}/api/docs)\n`,
      );
    }
    let closed = false;
    return {
      app,
      store,
      url,
      close: async () => {
        if (closed) return;
        closed = true;
        await checkpoints.stop();
        await scheduler?.stop();
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

export const serveCommand: CliCommand = {
  name: "serve",
  summary: "启动网页与接口服务 / serve the web app and the API",
  usage: [
    "plantrack serve [--port 3000] [--host localhost] [--seed-demo] [--web DIR]",
    "",
    "  --port       端口 / port (默认 default: PORT or 3000)",
    "  --host       监听地址 / address to listen on (默认 default: HOST or localhost; 0.0.0.0 for the network)",
    "  --seed-demo  首次启动时导入南开区2020年计划示例及演示账户 / on first start import the Nankai 2020 example plan and demo users",
    `  --web        网页构建目录 / built web app (默认 default: ${DEFAULT_WEB_DIST.replace(PROJECT_ROOT, "")})`,
    "",
    "  启动时自动迁移数据库 / migrates the database on start",
    "  首次启动创建管理员 admin（随机密码只显示一次） / the first start creates the administrator admin (a random password, shown once)",
    "  PLANTRACK_ADMIN_PASSWORD, PLANTRACK_DEMO_PASSWORD  自动化部署给定密码（不显示、无需修改） / passwords for automation (not shown, no forced change)",
    "  PLANTRACK_LOGIN_ATTEMPTS_PER_MINUTE (20 per address, half per user name),",
    "  PLANTRACK_SESSION_IDLE_MINUTES (30), PLANTRACK_SECURE_COOKIES (auto|1|0), PLANTRACK_TRUST_PROXY (0|1)",
    "  PLANTRACK_LOG_LEVEL (info: 每个请求一行 JSON / one JSON line per request; warn, error, silent …)",
    "  PLANTRACK_METRICS_TOKEN  设置后 /metrics 需 Bearer 令牌 / when set, /metrics needs it as a Bearer token",
    "  数据库 / database: DATABASE_URL=postgres://… 或 / or PLANTRACK_DB (默认 default data/plantrack.db)",
  ].join("\n"),
  async run(args, io) {
    const server = await startServer(io, serveOptions(args, io));
    const signal = await untilSignal();
    io.out(`收到 ${signal}，正在停止 / stopping on ${signal}\n`);
    await server.close();
    return 0;
  },
};

/** PLANTRACK_LOGIN_ATTEMPTS_PER_MINUTE: a whole number ≥ 1, or the default when unset. */
function loginRate(raw: string | undefined): { loginAttemptsPerMinute?: number } {
  if (raw === undefined || raw.trim() === "") return {};
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new AppError(
      "bad_input",
      `PLANTRACK_LOGIN_ATTEMPTS_PER_MINUTE 应为正整数：${raw} / PLANTRACK_LOGIN_ATTEMPTS_PER_MINUTE must be a whole number ≥ 1: ${raw}`,
    );
  }
  return { loginAttemptsPerMinute: n };
}
