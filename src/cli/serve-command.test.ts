import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import type { CliIo } from "./cli-io.ts";
import { serveOptions, startServer } from "./serve-command.ts";

describe("plantrack serve", () => {
  let dir: string;
  let out: string[];
  let io: CliIo;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "plantrack-serve-"));
    out = [];
    io = {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
      env: { PLANTRACK_DB: join(dir, "x.db") },
      cwd: dir,
    };
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("read port and host from flags, then the environment", () => {
    expect(serveOptions([], { ...io, env: {} })).toMatchObject({
      port: 3000,
      host: "localhost",
      seedDemo: false,
    });
    expect(serveOptions([], { ...io, env: { PORT: "8080", HOST: "0.0.0.0" } })).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
    });
    expect(serveOptions(["--port", "0", "--seed-demo"], io)).toMatchObject({ port: 0, seedDemo: true });
    expect(() => serveOptions(["--port", "http"], io)).toThrow(/port/);
  });

  it("migrate, seed the demo on the first start only, and answer on HTTP", async () => {
    const options = {
      ...serveOptions(["--port", "0", "--seed-demo"], io),
      extract: fixtureExtract,
      host: "127.0.0.1",
    };
    const first = await startServer(io, options);
    try {
      const health = await fetch(`${first.url}/api/health`);
      expect(await health.json()).toMatchObject({ status: "ok", database: "sqlite" });
      const plans = (await (await fetch(`${first.url}/api/plans`)).json()) as { regionCode: string }[];
      expect(plans).toHaveLength(1);
      expect(plans[0]?.regionCode).toBe("120104");
    } finally {
      await first.close();
    }
    expect(out.join("")).toMatch(/imported the example plan/);
    out.length = 0;
    const second = await startServer(io, options);
    try {
      const plans = (await (await fetch(`${second.url}/api/plans`)).json()) as unknown[];
      expect(plans).toHaveLength(1);
    } finally {
      await second.close();
    }
    expect(out.join("")).not.toMatch(/imported the example plan/);
  });
});
