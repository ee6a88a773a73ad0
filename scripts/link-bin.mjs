// npm links the bins of dependencies into node_modules/.bin but never the package's own; tools that
// call node_modules/.bin/plantrack (hooks, scorers, CI) expect it there, so link it after install.
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const binDir = join(root, "node_modules", ".bin");
const link = join(binDir, "plantrack");
const target = join(root, "bin", "plantrack.mjs");
if (existsSync(join(root, "node_modules"))) {
  mkdirSync(binDir, { recursive: true });
  rmSync(link, { force: true });
  symlinkSync(relative(binDir, target), link);
  chmodSync(target, 0o755);
}
