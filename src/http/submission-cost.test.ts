// What one report submission costs the database, counted rather than timed: every statement is a
// round trip and a syscall on the app server, and under load (bench/submit-bench.ts) the number of
// statements decides the throughput. The bound fails when a change adds reads to the hot path.

import type { FastifyInstance } from "fastify";
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ReportDetail } from "../contract/reports.ts";
import { RATE_JUMP_POINTS } from "../domain/plausibility.ts";
import { type AccessWorld, buildAccessWorld } from "../test/access-fixture.ts";
import { signIn, TEST_AUTH, type TestClient } from "../test/auth-helpers.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { buildApp } from "./build-app.ts";

function statementCounter() {
  const kinds: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      kinds.push(
        `${args.node.kind.replace("QueryNode", "")}:${JSON.stringify(args.node).match(/TableNode.*?"name":"([a-z_]+)"/)?.[1]}`,
      );
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      return args.result;
    },
  };
  return { plugin, kinds };
}

describe.each(testDialects())("cost of a report submission on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let world: AccessWorld;
  let reporter: TestClient;
  const counter = statementCounter();

  /** The reporter's first submission of 2020-04 for a target. */
  const firstSave = (targetId: number | undefined) =>
    reporter.inject({
      method: "PUT",
      url: `/api/targets/${targetId}/reports/2020-04`,
      payload: {
        baseRevision: null,
        value: 3,
        progress: "按计划推进",
        problems: "",
        nextSteps: "",
        submit: true,
      },
    });

  beforeEach(async () => {
    world = await buildAccessWorld(store().db);
    await store()
      .db.updateTable("targets")
      .set({ lead_department_id: world.departments.nankaiRsj, frequency: "monthly" })
      .where("id", "in", world.targetIds)
      .execute();
    app = await buildApp({
      db: store().db.withPlugin(counter.plugin),
      dialect,
      extract: fixtureExtract,
      auth: TEST_AUTH,
      reminderWebhookUrl: null,
    });
    reporter = await signIn(app, world.usernames.reporter);
  });
  afterEach(async () => {
    await app.close();
  });

  it("a department's first submission of a period takes seven statements", async () => {
    counter.kinds.length = 0;
    const response = await firstSave(world.targetIds[1]);
    expect(response.statusCode, response.body).toBe(200);
    // The session and its user; the plan's access facts; the target, its co-operating departments,
    // its plan and whether anyone asked for more time about it; the report, its revision and the
    // audit row (with the chain's head). The names come from the session.
    expect(counter.kinds, counter.kinds.join(" ")).toHaveLength(7);
  });

  it("read the requests for more time when there are some, and answer with the due date in force", async () => {
    const planner = await signIn(app, world.usernames.planner);
    const targetId = world.targetIds[2] as number;
    const asked = await reporter.inject({
      method: "POST",
      url: `/api/plans/${world.planId}/extensions`,
      payload: {
        subjectKind: "target",
        subjectId: targetId,
        period: "2020-04",
        reason: "统计数据月中才发布",
        requestedDueDate: "2020-05-20",
      },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const granted = await planner.inject({
      method: "POST",
      url: `/api/extensions/${asked.json<{ id: number }>().id}/decision`,
      payload: { grant: true },
    });
    expect(granted.statusCode, granted.body).toBe(200);
    counter.kinds.length = 0;
    const response = await firstSave(targetId);
    expect(response.statusCode, response.body).toBe(200);
    const detail = response.json<ReportDetail>();
    expect(detail.extensions.map((e) => [e.state, e.requestedDueDate])).toEqual([["granted", "2020-05-20"]]);
    expect(detail.report.dueDate).toBe("2020-05-20");
    // Two more: the requests, and the name of the planner who granted one.
    expect(counter.kinds, counter.kinds.join(" ")).toHaveLength(9);
  });

  it("judge a submission against last period's figure in the same seven statements", async () => {
    const targetId = world.targetIds[1] as number; // 一般公共预算收入增长5%: a rate
    expect((await firstSave(targetId)).statusCode).toBe(200);
    const may = (value: number) =>
      reporter.inject({
        method: "PUT",
        url: `/api/targets/${targetId}/reports/2020-05`,
        payload: {
          baseRevision: null,
          value,
          progress: "按计划推进",
          problems: "",
          nextSteps: "",
          submit: true,
        },
      });
    // April's 3 comes with the target: a move of more than RATE_JUMP_POINTS needs a confirmation.
    const jump = await may(3 + RATE_JUMP_POINTS + 1);
    expect(jump.statusCode, jump.body).toBe(422);
    expect(jump.json().details).toMatchObject({ rule: "jump", numbers: { previous: 3 } });
    counter.kinds.length = 0;
    expect((await may(3 + RATE_JUMP_POINTS)).statusCode).toBe(200);
    expect(counter.kinds, counter.kinds.join(" ")).toHaveLength(7);
  });
});
