// `npm start`: builds the web app when its build is missing or older than its sources, then serves
// PlanTrack with the Nankai 2020 example plan imported on first run (SQLite unless DATABASE_URL is set).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const built = join(root, "web", "dist", "index.html");

function newestSource(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestSource(join(path, entry)));
  return newest;
}

const sources = ["web/src", "web/index.html", "web/vite.config.ts"]
  .map((p) => join(root, p))
  .filter(existsSync);
const stale = !existsSync(built) || Math.max(...sources.map(newestSource)) > statSync(built).mtimeMs;
// One language on the console, like the CLI: Chinese unless PLANTRACK_LANG asks for English.
const english = (process.env.PLANTRACK_LANG ?? "").trim().toLowerCase().startsWith("en");
if (stale) {
  console.log(english ? "building the web app …" : "正在构建网页……");
  const build = spawnSync("npm", ["run", "build:web", "--silent"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    console.error(english ? "the web build failed" : "网页构建失败");
    process.exit(build.status ?? 1);
  }
}
const serve = spawnSync(
  process.execPath,
  [join(root, "bin", "plantrack.mjs"), "serve", "--seed-demo", ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit" },
);
process.exit(serve.status ?? 1);
