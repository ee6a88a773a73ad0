// The cockpit's ranking of departments on the tasks they lead (GET /api/plans/:id/cockpit): on-time
// 签收 within the plan's working-day limit, on-time progress reports, completion — as of the date.

import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CockpitView } from "../contract/cockpit.ts";
import { signIn } from "../test/auth-helpers.ts";
import {
  buildTaskOutputsWorld,
  TASK_OUTPUTS_AS_OF,
  type TaskOutputsWorld,
} from "../test/task-outputs-fixture.ts";
import { testApp } from "../test/test-app.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";

describe.each(testDialects())("the cockpit's task ranking on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let w: TaskOutputsWorld;

  beforeEach(async () => {
    w = await buildTaskOutputsWorld(store().db);
    app = await testApp(store().db, dialect);
  });
  afterEach(async () => {
    await app.close();
  });

  const cockpit = async (asOf: string) => {
    const leader = await signIn(app, w.access.usernames.leader);
    const res = await leader.inject({ method: "GET", url: `/api/plans/${w.planId}/cockpit?asOf=${asOf}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<CockpitView>();
  };

  it("score each lead department on 签收, reports and completion, and rank them", async () => {
    const view = await cockpit(TASK_OUTPUTS_AS_OF);
    const { nankaiRsj: rsj, nankaiJyj: jyj } = w.access.departments;
    expect(view.taskRankings.map((r) => r.department.id)).toEqual([rsj, jyj]);
    // 区人社局 leads three tasks assigned on 20 January (签收 due by the 23rd): the jobs task, acknowledged
    // the 21st, reported June and July on time; the museum, acknowledged the 22nd, June on time, closed
    // 15 July; the parcel, acknowledged 10 February, never reported, stopped 10 May.
    expect(view.taskRankings[0]).toMatchObject({
      department: { id: rsj, name: "区人社局" },
      assigned: 3,
      acknowledgeDue: 3,
      acknowledgedOnTime: 2,
      reportsDue: 7 + 6 + 4,
      reportsOnTime: 3,
      stopped: 1,
      closed: 1,
      completionRate: 0.5,
      completionRank: 1,
    });
    expect(view.taskRankings[0]?.acknowledgeRate).toBeCloseTo(2 / 3, 10);
    // 区教育局 never acknowledged its task nor reported on it.
    expect(view.taskRankings[1]).toMatchObject({
      department: { id: jyj, name: "区教育局" },
      assigned: 1,
      acknowledgeDue: 1,
      acknowledgedOnTime: 0,
      acknowledgeRate: 0,
      reportsDue: 7,
      reportsOnTime: 0,
      reportRate: 0,
      closed: 0,
      completionRate: 0,
      completionRank: 2,
      reportRank: 2,
      acknowledgeRank: 2,
    });
    // The task without a lead department is nobody's to rank.
    expect(view.taskRankings.reduce((n, r) => n + r.assigned, 0)).toBe(4);
  });

  it("count what had happened by the date", async () => {
    // On 21 January: one 签收 made (the museum's came the next day), none late yet, nothing closed.
    const early = await cockpit("2020-01-21");
    expect(early.taskRankings.find((r) => r.department.name === "区人社局")).toMatchObject({
      acknowledgeDue: 1,
      acknowledgedOnTime: 1,
      reportsDue: 0,
      reportRate: null,
      closed: 0,
      stopped: 0,
      completionRate: 0,
    });
    expect(early.taskRankings.find((r) => r.department.name === "区教育局")).toMatchObject({
      acknowledgeDue: 0,
      acknowledgeRate: null,
    });
  });
});
