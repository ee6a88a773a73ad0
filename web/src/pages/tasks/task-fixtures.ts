// A hand-made TaskView for the task pages' unit tests: an open task of area 1 / group 2 with no
// departments, no deadline and no milestones unless the test says otherwise.
import type { TaskView } from "../../../../src/contract/tasks.ts";

/** Two departments of Nankai for the tests' tasks to lead. */
export const rsj = { id: 7, name: "区人社局" };
export const jyj = { id: 8, name: "区教育局" };

export function taskView(over: Partial<TaskView> & Pick<TaskView, "id">): TaskView {
  return {
    planId: 1,
    nodeId: over.id + 100,
    path: [
      { id: 1, title: "一、服务京津冀协同发展大局" },
      { id: 2, title: "（一）深化区域合作" },
    ],
    title: `任务 ${over.id}`,
    start: over.id * 10,
    end: over.id * 10 + 8,
    leadDepartment: null,
    coDepartments: [],
    suggestedDepartment: null,
    deadline: null,
    deadlineText: null,
    originalDeadline: null,
    deadlineAdjustment: null,
    milestones: [],
    doneCriteria: null,
    frequency: "quarterly",
    weight: 1,
    state: "assigned",
    status: "on_track",
    working: { zh: "正常推进", en: "on track" },
    signals: [],
    assignedOn: null,
    acknowledgedOn: null,
    closeRequestedOn: null,
    closedOn: null,
    stoppedOn: null,
    stoppedReason: null,
    closeEvidence: null,
    percent: null,
    latestProgress: null,
    pendingAdjustments: 0,
    ...over,
  };
}
