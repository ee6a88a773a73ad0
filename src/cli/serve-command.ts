import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import type { Store } from "../db/database.ts";
import { AppError } from "../domain/app-error.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import { buildApp } from "../http/build-app.ts";
import { hasWebBuild } from "../http/static-web.ts";
import type { ExtractPlanFn } from "../services/import-plan.ts";
import { seedDemo } from "../services/seed-demo.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { openMigratedStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DEFAULT_WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));
export const EXAMPLES_DIR = fileURLToPath(new URL("../../examples", import.meta.url));

export interface ServeOptions {
  port: number;
  /** localhost by default: nobody signs in yet, so the server is not offered to the network. */
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
    logLevel: io.env.PLANTRACK_LOG_LEVEL || "warn",
  };
}

/** Migrates, seeds when asked, and listens; `close` stops the server and the database. */
export async function startServer(io: CliIo, options: ServeOptions): Promise<RunningServer> {
  const { store, migration } = await openMigratedStore(io);
  try {
    if (migration.applied.length > 0) io.out(`数据库已迁移 / migrated: ${migration.applied.join(", ")}\n`);
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
    const webDist = hasWebBuild(options.webDist) ? options.webDist : null;
    const app = await buildApp({
      db: store.db,
      dialect: store.dialect,
      extract,
      webDist,
      logger: { level: options.logLevel ?? "warn" },
    });
    await app.listen({ port: options.port, host: options.host });
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
    "  --seed-demo  首次启动时导入南开区2020年计划示例 / on first start import the Nankai 2020 example plan",
    `  --web        网页构建目录 / built web app (默认 default: ${DEFAULT_WEB_DIST.replace(PROJECT_ROOT, "")})`,
    "",
    "  启动时自动迁移数据库 / migrates the database on start",
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
