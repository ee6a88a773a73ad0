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
import { withHandlers } from "../services/job-handlers.ts";
import { createJobPool, jobPoolOptionsFromEnv } from "../services/job-pool.ts";
import { smtpFromEnv } from "../services/reminder-delivery.ts";
import { startScheduler } from "../services/reminder-scheduler.ts";
import { DEMO_SEEDED_KEY, seedDemo } from "../services/seed-demo.ts";
import { seedDemoFiveYear } from "../services/seed-demo-five-year.ts";
import { DEMO_AS_OF, seedDemoReports } from "../services/seed-demo-reports.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { type CliLang, cliLang, say, usageText } from "./cli-lang.ts";
import { openMigratedStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";
import { ROLE_WORDS } from "./role-words.ts";
import { announceAuditKey, checkpointAnchorOf, startAuditCheckpoints } from "./serve-audit.ts";
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
    throw new AppError("bad_input", {
      zh: `${from} 应为 0–65535 的端口号，收到“${value}”`,
      en: `${from} must be a port 0–65535: ${value}`,
    });
  }
  return port;
}

export function serveOptions(args: string[], io: CliIo): ServeOptions {
  const { flags, positionals } = parseArgs(args, { boolean: ["seed-demo"], string: ["port", "host", "web"] });
  if (positionals.length > 0) {
    const extra = positionals.join(" ");
    throw new AppError("bad_input", { zh: `多余的参数“${extra}”`, en: `unexpected arguments: ${extra}` });
  }
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

const TABLE_WORDS = {
  zh: { header: ["用户名", "角色", "名称", "密码"], fromEnv: "（取自环境变量）" },
  en: { header: ["user", "role", "name", "password"], fromEnv: "(from the environment)" },
} as const;

/** The user name first and the password last: scripts and tests read a row's first and last cells. */
function credentialsTable(users: BootstrapUser[], lang: CliLang): string {
  const w = TABLE_WORDS[lang];
  return textTable(
    [...w.header],
    users.map((u) => [u.username, ROLE_WORDS[u.role][lang], u.displayName, u.password ?? w.fromEnv]),
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
  throw new AppError("bad_input", {
    zh: `PLANTRACK_SECURE_COOKIES 应为 auto|1|0，收到“${value}”`,
    en: `PLANTRACK_SECURE_COOKIES must be auto, 1 or 0: ${value}`,
  });
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
  const lang = cliLang(env);
  const table = credentialsTable(created, lang);
  const heading = {
    zh: "已创建初始用户。以下密码只显示这一次，首次登录时须修改：",
    en: "First users created. The passwords are shown this once and must be changed at first sign-in:",
  };
  io.out(["", heading[lang], table, ""].join("\n"));
  if (!seedDemoUsers) return;
  const file = credentialsFile(io);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    [
      say(env, {
        zh: `PlanTrack 演示账户（${new Date().toISOString()}）`,
        en: `PlanTrack demo accounts — ${new Date().toISOString()}`,
      }),
      say(env, {
        zh: "首次登录时须修改密码；改后本文件即失效，请删除",
        en: "change each password at first sign-in; then delete this file",
      }),
      "",
      table,
      "",
    ].join("\n"),
    { mode: 0o600 },
  );
  chmodSync(file, 0o600);
  io.out(
    `${say(env, {
      zh: `演示账户也已写入 ${file}（仅本人可读，权限 600）`,
      en: `the demo accounts are also in ${file} (mode 600)`,
    })}\n\n`,
  );
}

/** Migrates, seeds when asked, and listens; `close` stops the server and the database. */
export async function startServer(io: CliIo, options: ServeOptions): Promise<RunningServer> {
  const { store, migration } = await openMigratedStore(io);
  try {
    const lang = cliLang(io.env);
    if (migration.applied.length > 0) {
      const applied = migration.applied;
      io.out(
        `${lang === "zh" ? `数据库已迁移：${applied.join("、")}` : `migrated: ${applied.join(", ")}`}\n`,
      );
    }
    const auditKey = announceAuditKey(io, store);
    const extract = options.extract ?? extractPlan;
    if (options.seedDemo) {
      const seed = await seedDemo({ db: store.db, extract, examplesDir: EXAMPLES_DIR });
      if (seed.seeded && seed.summary) {
        const s = seed.summary;
        io.out(
          `${say(io.env, {
            zh: `已导入示例计划 #${seed.planId}：${s.areas} 个领域，${s.groups} 个分组，${s.targets} 项指标`,
            en: `imported the example plan #${seed.planId}: ${s.areas} areas, ${s.groups} groups, ${s.targets} targets`,
          })}\n`,
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
        // The five-year demo is read from our own example text with the real reader, whatever reader
        // imports take (a test's stand-in finds nothing in it).
        const fiveYear = await seedDemoFiveYear(store.db, extractPlan, planId);
        if (fiveYear.seeded)
          io.out(
            `${say(io.env, {
              zh: `已生成示例五年规划 #${fiveYear.planId}（示例数据）：${fiveYear.indicators} 项指标，${fiveYear.values} 个年度值，${fiveYear.annualPlanIds.length} 个年度计划`,
              en: `made the demo five-year plan #${fiveYear.planId} (demo data): ${fiveYear.indicators} indicators, ${fiveYear.values} yearly values, ${fiveYear.annualPlanIds.length} annual plans`,
            })}\n`,
          );
        if (demo.seeded) {
          const ms = Date.now() - started;
          io.out(
            `${say(io.env, {
              zh: `已生成示例进展报告（示例数据，截至${DEMO_AS_OF}）：${demo.reports} 份报告，${demo.revisions} 个修订，${ms} ms`,
              en: `made the demo reports (demo data, as of ${DEMO_AS_OF}): ${demo.reports} reports, ${demo.revisions} revisions, ${ms} ms`,
            })}\n`,
          );
        }
      }
    }
    const webDist = hasWebBuild(options.webDist) ? options.webDist : null;
    // Uploads are read and reports rendered in worker threads, each job with a time and memory limit.
    const pool = createJobPool(jobPoolOptionsFromEnv(io.env));
    const app = await buildApp({
      db: store.db,
      dialect: store.dialect,
      extract,
      jobs: options.extract
        ? withHandlers(pool, { extractPlan: async ({ text, options: o }) => extract(text, o) })
        : pool,
      webDist,
      logger: { level: options.logLevel ?? "info" },
      metricsToken: io.env.PLANTRACK_METRICS_TOKEN?.trim() || null,
      auth: authSettingsFromEnv(io.env),
      secureCookies: secureCookieSetting(io.env.PLANTRACK_SECURE_COOKIES),
      trustProxy: ["1", "true", "yes"].includes(io.env.PLANTRACK_TRUST_PROXY?.trim().toLowerCase() ?? ""),
      ...loginRate(io.env.PLANTRACK_LOGIN_ATTEMPTS_PER_MINUTE),
      auditCheckpoints: checkpointAnchorOf(io, store),
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
    io.out(
      `${say(io.env, {
        zh: `PlanTrack 已启动：${url}（数据库：${store.location}）`,
        en: `PlanTrack is listening on ${url} (database: ${store.location})`,
      })}\n`,
    );
    if (!webDist) {
      io.out(
        `${say(io.env, {
          zh: `网页尚未构建，只提供接口（${url}/api/docs）；请先运行 \`npm run build:web\``,
          en: `the web app is not built (npm run build:web): serving the API only (${url}/api/docs)`,
        })}\n`,
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
        await pool.close();
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
  summary: { zh: "启动网页与接口服务", en: "serve the web app and the API" },
  usage: usageText(
    [
      "plantrack serve [--port 3000] [--host localhost] [--seed-demo] [--web 目录]",
      "",
      "  --port       端口（默认取 PORT，否则 3000）",
      "  --host       监听地址（默认取 HOST，否则 localhost；对网络开放用 0.0.0.0）",
      "  --seed-demo  首次启动时导入南开区2020年计划示例及演示账户",
      `  --web        网页构建目录（默认 ${DEFAULT_WEB_DIST.replace(PROJECT_ROOT, "")}）`,
      "",
      "  启动时自动迁移数据库",
      "  首次启动创建管理员 `admin`，随机密码只显示一次",
      "  PLANTRACK_ADMIN_PASSWORD、PLANTRACK_DEMO_PASSWORD：自动化部署时给定的密码（不显示，无需修改）",
      "  PLANTRACK_LOGIN_ATTEMPTS_PER_MINUTE：每个地址每分钟的登录次数（20，每个用户名减半）",
      "  PLANTRACK_SESSION_IDLE_MINUTES（30）、PLANTRACK_SECURE_COOKIES（auto|1|0）、PLANTRACK_TRUST_PROXY（0|1）",
      "  PLANTRACK_LOG_LEVEL：`info` 为每个请求一行 JSON；另有 `warn`、`error`、`silent` 等",
      "  PLANTRACK_METRICS_TOKEN：设置后访问 /metrics 须带请求头 `Authorization: Bearer 令牌`",
      "  PLANTRACK_LANG=en：命令行输出英文",
      "  数据库：DATABASE_URL=postgres://… 或 PLANTRACK_DB（默认 data/plantrack.db）",
    ],
    [
      "plantrack serve [--port 3000] [--host localhost] [--seed-demo] [--web DIR]",
      "",
      "  --port       port (default: PORT or 3000)",
      "  --host       address to listen on (default: HOST or localhost; 0.0.0.0 for the network)",
      "  --seed-demo  on first start import the Nankai 2020 example plan and demo users",
      `  --web        built web app (default: ${DEFAULT_WEB_DIST.replace(PROJECT_ROOT, "")})`,
      "",
      "  migrates the database on start",
      "  the first start creates the administrator admin (a random password, shown once)",
      "  PLANTRACK_ADMIN_PASSWORD, PLANTRACK_DEMO_PASSWORD: passwords for automation (not shown, no forced change)",
      "  PLANTRACK_LOGIN_ATTEMPTS_PER_MINUTE: sign-ins a minute per address (20, half per user name)",
      "  PLANTRACK_SESSION_IDLE_MINUTES (30), PLANTRACK_SECURE_COOKIES (auto|1|0), PLANTRACK_TRUST_PROXY (0|1)",
      "  PLANTRACK_LOG_LEVEL: info is one JSON line per request; warn, error, silent …",
      "  PLANTRACK_METRICS_TOKEN: when set, /metrics needs it as a Bearer token",
      "  PLANTRACK_LANG=en: the command line speaks English",
      "  database: DATABASE_URL=postgres://… or PLANTRACK_DB (default data/plantrack.db)",
    ],
  ),
  async run(args, io) {
    const server = await startServer(io, serveOptions(args, io));
    const signal = await untilSignal();
    io.out(`${say(io.env, { zh: `收到 ${signal}，正在停止`, en: `stopping on ${signal}` })}\n`);
    await server.close();
    return 0;
  },
};

/** PLANTRACK_LOGIN_ATTEMPTS_PER_MINUTE: a whole number ≥ 1, or the default when unset. */
function loginRate(raw: string | undefined): { loginAttemptsPerMinute?: number } {
  if (raw === undefined || raw.trim() === "") return {};
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new AppError("bad_input", {
      zh: `PLANTRACK_LOGIN_ATTEMPTS_PER_MINUTE 应为正整数，收到“${raw}”`,
      en: `PLANTRACK_LOGIN_ATTEMPTS_PER_MINUTE must be a whole number ≥ 1: ${raw}`,
    });
  }
  return { loginAttemptsPerMinute: n };
}
