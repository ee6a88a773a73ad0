// Departments ranked on the tasks they lead (排名通报 of 重点任务), as of a date: the share of 签收 made
// within the plan's working-day limit, the share of progress reports that came by their due date, and
// completion (tasks 办结销号 of those assigned). Pure: it reads the same timelines the lights judge
// (task-lights.ts), so a task counted late here is the one the lights called 未签收 or 未报送.
//
// What counts, as of the date (facts dated after it are not known yet):
// - 签收: a task whose limit has passed, or that was acknowledged; on time when acknowledged by the
//   limit. A task stopped before its limit without a 签收 owed none.
// - reports: each period the task was assigned in time to report on, due before the date and before
//   the task left supervision (closing requested and waiting, closed, stopped); on time when its
//   first report came by the period's due date.
// - completion: closed / assigned, stopped tasks left out of both (a 中止 is the office's decision,
//   not the department's failure, and not a completion either).

import { addWorkingDays } from "./iso-dates.ts";
import { ranks } from "./rollup.ts";
import type { TaskLightSettings, TaskTimeline } from "./task-lights.ts";

export interface LedTask {
  departmentId: number;
  name: string;
  timeline: TaskTimeline;
}

export interface DepartmentTaskScore {
  departmentId: number;
  name: string;
  /** Tasks it leads assigned by the date (stopped ones included). */
  assigned: number;
  acknowledgeDue: number;
  acknowledgedOnTime: number;
  /** acknowledgedOnTime / acknowledgeDue; null when none was due. */
  acknowledgeRate: number | null;
  reportsDue: number;
  reportsOnTime: number;
  reportRate: number | null;
  /** Tasks stopped (中止) by the date: outside the completion share. */
  stopped: number;
  closed: number;
  /** closed / (assigned − stopped); null when that is none. */
  completionRate: number | null;
  /** 1-based; equal shares share a rank (1, 2, 2, 4); a department without a share ranks last. */
  completionRank: number;
  reportRank: number;
  acknowledgeRank: number;
}

const known = (day: string | null | undefined, asOf: string): string | null =>
  day && day.slice(0, 10) <= asOf ? day.slice(0, 10) : null;

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

interface Tally {
  assigned: number;
  acknowledgeDue: number;
  acknowledgedOnTime: number;
  reportsDue: number;
  reportsOnTime: number;
  stopped: number;
  closed: number;
}

function tallyTask(tally: Tally, t: TaskTimeline, asOf: string, settings: TaskLightSettings): void {
  const assignedOn = known(t.assignedOn, asOf);
  if (assignedOn === null) return;
  tally.assigned++;
  const acknowledgedOn = known(t.acknowledgedOn, asOf);
  const stoppedOn = known(t.stoppedOn, asOf);
  const closedOn = known(t.closedOn, asOf);
  const limit = addWorkingDays(assignedOn, settings.acknowledgeWorkingDays, settings.calendar);
  const stoppedBeforeLimit = stoppedOn !== null && stoppedOn <= limit;
  if (acknowledgedOn !== null || (limit < asOf && !stoppedBeforeLimit)) {
    tally.acknowledgeDue++;
    if (acknowledgedOn !== null && acknowledgedOn <= limit) tally.acknowledgedOnTime++;
  }
  // Reports are owed while the task is supervised: until a close request waits, it is closed or stopped.
  const ends = [known(t.closeRequestedOn, asOf), closedOn, stoppedOn].filter((d): d is string => d !== null);
  const dutyEnds = ends.sort()[0] ?? null;
  for (const p of t.periods) {
    if (p.end < assignedOn || p.due >= asOf) continue;
    if (dutyEnds !== null && p.due >= dutyEnds) continue;
    tally.reportsDue++;
    const came = known(t.reportedOn[p.key], asOf);
    if (came !== null && came <= p.due) tally.reportsOnTime++;
  }
  if (stoppedOn !== null) tally.stopped++;
  else if (closedOn !== null) tally.closed++;
}

/**
 * Every department that leads a task, scored and ranked as of `asOf` (YYYY-MM-DD): by completion, then
 * on-time reports, then on-time 签收, then name.
 */
export function rankTaskDepartments(
  tasks: readonly LedTask[],
  asOf: string,
  settings: TaskLightSettings,
): DepartmentTaskScore[] {
  const tallies = new Map<number, { name: string; tally: Tally }>();
  for (const task of tasks) {
    let entry = tallies.get(task.departmentId);
    if (!entry) {
      entry = {
        name: task.name,
        tally: {
          assigned: 0,
          acknowledgeDue: 0,
          acknowledgedOnTime: 0,
          reportsDue: 0,
          reportsOnTime: 0,
          stopped: 0,
          closed: 0,
        },
      };
      tallies.set(task.departmentId, entry);
    }
    tallyTask(entry.tally, task.timeline, asOf, settings);
  }
  const scores = [...tallies.entries()].map(([departmentId, { name, tally }]) => ({
    departmentId,
    name,
    ...tally,
    acknowledgeRate: share(tally.acknowledgedOnTime, tally.acknowledgeDue),
    reportRate: share(tally.reportsOnTime, tally.reportsDue),
    completionRate: share(tally.closed, tally.assigned - tally.stopped),
  }));
  const byCompletion = ranks(scores, (s) => s.completionRate);
  const byReports = ranks(scores, (s) => s.reportRate);
  const byAcknowledge = ranks(scores, (s) => s.acknowledgeRate);
  const minus = (x: number | null) => -(x ?? -1);
  return scores
    .map((s) => ({
      ...s,
      completionRank: byCompletion.get(s) as number,
      reportRank: byReports.get(s) as number,
      acknowledgeRank: byAcknowledge.get(s) as number,
    }))
    .sort(
      (a, b) =>
        minus(a.completionRate) - minus(b.completionRate) ||
        minus(a.reportRate) - minus(b.reportRate) ||
        minus(a.acknowledgeRate) - minus(b.acknowledgeRate) ||
        a.name.localeCompare(b.name, "zh-CN"),
    );
}
