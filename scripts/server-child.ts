// `plantrack serve` in a child process, for the scripts that attack it from outside (crash-test.ts,
// attack-test.ts): a free port, the server started and waited for, a signed-in client.

import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import type { SessionInfo } from "../src/contract/users.ts";

export const ROOT = resolve(import.meta.dirname, "..");

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolvePort(port));
    });
  });
}

export interface Server {
  child: ChildProcess;
  output: string[];
  exited: Promise<void>;
}

export function startServer(env: NodeJS.ProcessEnv, port: number): Server {
  const child = spawn(
    process.execPath,
    [
      "bin/plantrack.mjs",
      "serve",
      "--seed-demo",
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--web",
      "/nonexistent",
    ],
    { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  const output: string[] = [];
  child.stdout?.on("data", (d) => output.push(String(d)));
  child.stderr?.on("data", (d) => output.push(String(d)));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  return { child, output, exited };
}

export async function waitReady(base: string, server: Server, timeoutMs = 300_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`the server exited while starting:\n${server.output.join("").slice(-3000)}`);
    }
    try {
      const r = await fetch(`${base}/api/health/ready`);
      if (r.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `the server did not become ready in ${timeoutMs} ms:\n${server.output.join("").slice(-3000)}`,
      );
    }
    await sleep(50);
  }
}

export interface Client {
  cookie: string;
  csrf: string;
}

export async function signIn(base: string, username: string, password: string): Promise<Client> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (r.status !== 200) throw new Error(`sign-in of ${username}: ${r.status} ${await r.text()}`);
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const session = (await r.json()) as SessionInfo;
  return { cookie, csrf: session.csrfToken };
}

/**
 * The demo's Nankai 2020 plan: the first published annual plan (the demo also holds a five-year plan
 * and draft annual plans copied from 2020, listed newest first).
 */
export async function demoPlanId(base: string, client: Client): Promise<number> {
  const plans = (await (await fetch(`${base}/api/plans`, { headers: { cookie: client.cookie } })).json()) as {
    id: number;
    state: string;
    kind?: string;
  }[];
  const annual = plans
    .filter((p) => p.state === "published" && p.kind !== "five_year")
    .sort((a, b) => a.id - b.id)[0];
  if (!annual) throw new Error("the demo has no published annual plan");
  return annual.id;
}
