import { describe, expect, it } from "vitest";
import type { SaveReportRequest } from "../contract/reports.ts";
import type { Actor } from "../db/audit-repository.ts";
import { readPlanSettings, writePlanSettings } from "../db/plan-settings-repository.ts";
import type { Principal } from "../domain/access.ts";
import { AppError } from "../domain/app-error.ts";
import { buildAccessWorld } from "../test/access-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { decideExtension, planDue, requestExtension } from "./chasing.ts";
import { planStatus, targetEvaluation } from "./plan-status.ts";
import { reviewReport, saveReport } from "./reporting.ts";

const TEXTS = { progress: "新增就业17280人", problems: "无", nextSteps: "继续推进" };

async function setup(store: ReturnType<ReturnType<typeof useTestDatabase>>) {
  const world = await buildAccessWorld(store.db);
  // 新增就业4万人: cumulative, monthly; the target list is in document order.
  const jobs = world.targetIds[3] as number;
  await store.db
    .updateTable("targets")
    .set({ lead_department_id: world.departments.nankaiRsj })
    .where("id", "=", jobs)
    .execute();
  const reporter: Principal = {
    id: world.users.reporter,
    role: "reporter",
    regionId: world.regions.nankai,
    departmentId: world.departments.nankaiRsj,
    departmentRegionId: world.regions.nankai,
  };
  const planner: Principal = {
    id: world.users.planner,
    role: "planner",
    regionId: world.regions.nankai,
    departmentId: null,
    departmentRegionId: null,
  };
  const asActor = (p: Principal): Actor => ({ userId: p.id, ip: null });
  return { world, jobs, reporter, planner, asActor };
}

describe.each(testDialects())("reports on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it("go draft → submitted → returned → corrected → approved, and the status follows", async () => {
    const { db } = store();
    const { world, jobs, reporter, planner, asActor } = await setup(store());
    const save = (body: SaveReportRequest, now: string) =>
      saveReport(db, asActor(reporter), reporter, "target", jobs, "2020-04", body, { now });

    const draft = await save({ baseRevision: null, value: 17000, ...TEXTS }, "2020-05-02T01:00:00.000Z");
    expect(draft.report.state).toBe("draft");
    expect(draft.report.latest.revision).toBe(1);
    const submitted = await save(
      { baseRevision: 1, value: 17000, ...TEXTS, submit: true },
      "2020-05-03T01:00:00.000Z",
    );
    expect(submitted.report.state).toBe("submitted");
    expect(submitted.report.late).toBe(false);

    const returned = await reviewReport(
      db,
      asActor(planner),
      planner,
      submitted.report.id,
      { action: "return", reason: "数值与统计口径不符" },
      { now: "2020-05-04T01:00:00.000Z" },
    );
    expect(returned.report.state).toBe("returned");
    expect(returned.report.latest.returnReason).toBe("数值与统计口径不符");
    // Approving what is not submitted is refused.
    await expect(
      reviewReport(db, asActor(planner), planner, submitted.report.id, { action: "approve" }),
    ).rejects.toMatchObject({ code: "conflict" });

    let status = await planStatus(db, world.planId, "2020-05-10");
    expect(status.targets.find((t) => t.targetId === jobs)?.evaluation.status).toBe("not_reported");

    await save({ baseRevision: 3, value: 17280, ...TEXTS, submit: true }, "2020-05-05T01:00:00.000Z");
    const approved = await reviewReport(
      db,
      asActor(planner),
      planner,
      submitted.report.id,
      { action: "approve" },
      { now: "2020-05-06T01:00:00.000Z" },
    );
    expect(approved.report.state).toBe("approved");
    expect(approved.revisions.map((r) => r.state)).toEqual([
      "draft",
      "submitted",
      "returned",
      "submitted",
      "approved",
    ]);
    expect(approved.report.approved?.value).toBe(17280);
    expect(approved.report.approved?.author?.id).toBe(planner.id);

    status = await planStatus(db, world.planId, "2020-05-10");
    const jobsStatus = status.targets.find((t) => t.targetId === jobs);
    expect(jobsStatus?.evaluation.status).toBe("on_track");
    expect(jobsStatus?.evaluation.phrase?.zh).toBe("超时序进度9.9个百分点");
    expect(jobsStatus?.department?.id).toBe(world.departments.nankaiRsj);
    expect(status.rankings[0]?.department.id).toBe(world.departments.nankaiRsj);

    // Every step is audited with the acting user.
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "user_id"])
      .where("entity", "=", "report")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "report.save",
      "report.submit",
      "report.return",
      "report.submit",
      "report.approve",
    ]);
    expect(audit[2]?.user_id).toBe(planner.id);
  });

  it("count on demo data, read at its fixed date, what is reported and approved today", async () => {
    const { db } = store();
    const { world, jobs, reporter, planner, asActor } = await setup(store());
    const settings = (await readPlanSettings(db, world.planId)) ?? {};
    await writePlanSettings(db, asActor(planner), world.planId, {
      ...settings,
      demo: true,
      demoAsOf: "2020-05-20",
    });
    const saved = await saveReport(db, asActor(reporter), reporter, "target", jobs, "2020-04", {
      baseRevision: null,
      value: 17280,
      ...TEXTS,
      submit: true,
    });
    const before = (await planStatus(db, world.planId)).targets.find((t) => t.targetId === jobs);
    expect(before?.evaluation.status).toBe("not_reported");
    await reviewReport(db, asActor(planner), planner, saved.report.id, { action: "approve" });
    const after = (await planStatus(db, world.planId)).targets.find((t) => t.targetId === jobs);
    expect(after?.evaluation.status).toBe("on_track");
    // Asked for the demo date itself, only what was known then counts.
    const asked = (await planStatus(db, world.planId, "2020-05-20")).targets.find((t) => t.targetId === jobs);
    expect(asked?.evaluation.status).toBe("not_reported");
  });

  it("read as of a date: before and after a correction", async () => {
    const { db } = store();
    const { jobs, reporter, planner, asActor } = await setup(store());
    const submitAndApprove = async (base: number | null, value: number, day: string) => {
      const saved = await saveReport(
        db,
        asActor(reporter),
        reporter,
        "target",
        jobs,
        "2020-04",
        { baseRevision: base, value, ...TEXTS, submit: true },
        { now: `${day}T01:00:00.000Z` },
      );
      return reviewReport(
        db,
        asActor(planner),
        planner,
        saved.report.id,
        { action: "approve" },
        { now: `${day}T02:00:00.000Z` },
      );
    };
    await submitAndApprove(null, 17280, "2020-05-04");
    await submitAndApprove(2, 8000, "2020-06-02");
    const before = await targetEvaluation(db, jobs, "2020-06-01");
    expect(before.target.value).toBe(17280);
    expect(before.target.evaluation.status).toBe("on_track");
    const after = await targetEvaluation(db, jobs, "2020-06-03");
    expect(after.target.value).toBe(8000);
    expect(after.target.evaluation.status).toBe("behind");
    expect(after.target.evaluation.phrase?.zh).toBe("欠时序进度13.3个百分点");
    // Nothing was overwritten: both approved revisions are kept.
    const april = after.periods.find((p) => p.period.key === "2020-04");
    expect(april?.report?.revisionCount).toBe(4);
  });

  it("count a missing report as not reported only after its due date, moved by a granted extension", async () => {
    const { db } = store();
    const { world, jobs, reporter, planner, asActor } = await setup(store());
    const statusOn = async (asOf: string) =>
      (await planStatus(db, world.planId, asOf)).targets.find((t) => t.targetId === jobs)?.evaluation.status;
    expect(await statusOn("2020-02-05")).toBe("not_started");
    expect(await statusOn("2020-02-06")).toBe("not_reported");
    const rsj = (due: Awaited<ReturnType<typeof planDue>>) =>
      due.departments.find((d) => d.department?.id === world.departments.nankaiRsj);
    expect(rsj(await planDue(db, world.planId, "2020-02-06"))?.overdue).toBe(1);

    const request = await requestExtension(
      db,
      asActor(reporter),
      reporter,
      world.planId,
      {
        subjectKind: "target",
        subjectId: jobs,
        period: "2020-01",
        reason: "统计数据尚未发布",
        requestedDueDate: "2020-02-20",
      },
      "2020-02-03T01:00:00.000Z",
    );
    expect(request.state).toBe("pending");
    expect(await statusOn("2020-02-06")).toBe("not_reported");
    const granted = await decideExtension(
      db,
      asActor(planner),
      planner,
      request.id,
      { grant: true },
      "2020-02-04T01:00:00.000Z",
    );
    expect(granted.state).toBe("granted");
    expect(await statusOn("2020-02-06")).toBe("not_started");
    expect(await statusOn("2020-02-20")).toBe("not_started");
    expect(await statusOn("2020-02-21")).toBe("not_reported");
    const due = await planDue(db, world.planId, "2020-02-10");
    expect(rsj(due)?.items[0]).toMatchObject({ state: "due", dueDate: "2020-02-20" });
    // A decided request cannot be decided again.
    await expect(
      decideExtension(db, asActor(planner), planner, request.id, { grant: false }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("let only the lead or a co-operating department report", async () => {
    const { db } = store();
    const { world, jobs, reporter, asActor } = await setup(store());
    const other: Principal = { ...reporter, departmentId: world.departments.nankaiJyj };
    await expect(
      saveReport(db, asActor(other), other, "target", jobs, "2020-04", {
        baseRevision: null,
        value: 1,
        ...TEXTS,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const leader: Principal = { ...reporter, role: "leader", departmentId: null };
    await expect(
      saveReport(db, asActor(leader), leader, "target", jobs, "2020-04", {
        baseRevision: null,
        value: 1,
        ...TEXTS,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      saveReport(db, asActor(reporter), reporter, "target", jobs, "2020-13", {
        baseRevision: null,
        value: 1,
        ...TEXTS,
      }),
    ).rejects.toMatchObject({ code: "bad_input" });
  });

  it("accept exactly one of 50 parallel saves on the same revision; 49 get conflict and nothing is lost", async () => {
    const { db } = store();
    const { jobs, reporter, asActor } = await setup(store());
    const first = await saveReport(db, asActor(reporter), reporter, "target", jobs, "2020-04", {
      baseRevision: null,
      value: 1000,
      ...TEXTS,
    });
    expect(first.report.latest.revision).toBe(1);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        saveReport(db, asActor(reporter), reporter, "target", jobs, "2020-04", {
          baseRevision: 1,
          value: 1000 + i,
          ...TEXTS,
        }),
      ),
    );
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const l of lost) {
      expect(l.reason).toBeInstanceOf(AppError);
      expect((l.reason as AppError).code).toBe("conflict");
      expect((l.reason as AppError).details.latestRevision).toBe(2);
    }
    const revisions = await db
      .selectFrom("report_revisions")
      .select(["revision", "value"])
      .where("report_id", "=", first.report.id)
      .orderBy("revision")
      .execute();
    expect(revisions.map((r) => r.revision)).toEqual([1, 2]);
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof saveReport>>>).value;
    expect(revisions[1]?.value).toBe(winner.report.latest.value);
    const header = await db
      .selectFrom("reports")
      .select("current_revision")
      .where("id", "=", first.report.id)
      .executeTakeFirst();
    expect(header?.current_revision).toBe(2);
    // A new report raced by two first saves: one creates it, the other gets conflict.
    const race = await Promise.allSettled(
      [2000, 2001].map((v) =>
        saveReport(db, asActor(reporter), reporter, "target", jobs, "2020-05", {
          baseRevision: null,
          value: v,
          ...TEXTS,
        }),
      ),
    );
    expect(race.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((race.find((o) => o.status === "rejected") as PromiseRejectedResult).reason.code).toBe("conflict");
  });
});
