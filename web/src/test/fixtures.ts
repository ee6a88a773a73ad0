// Small hand-made API objects for the web app's unit tests.
import type { OutlineNodeView } from "../../../src/contract/plans.ts";
import type { TargetView } from "../../../src/contract/targets.ts";

export function node(over: Partial<OutlineNodeView> & Pick<OutlineNodeView, "id" | "kind">): OutlineNodeView {
  const start = over.start ?? over.id * 10;
  return {
    parentId: null,
    level: 1,
    order: 0,
    marker: "",
    title: `node ${over.id}`,
    text: `node ${over.id}`,
    start,
    end: start + 5,
    leadDepartment: null,
    coDepartments: [],
    suggestedDepartment: null,
    ...over,
  };
}

export function target(over: Partial<TargetView> & Pick<TargetView, "id">): TargetView {
  return {
    nodeId: null,
    subject: `target ${over.id}`,
    value: 5,
    value2: null,
    unit: "%",
    displayUnit: "%",
    display: "5%",
    comparator: "target",
    direction: "increase",
    kind: "rate",
    baseline: null,
    dueDate: "2020-12-31",
    frequency: "quarterly",
    weight: 1,
    start: over.id * 10,
    end: over.id * 10 + 4,
    confidence: 0.9,
    source: "extracted",
    leadDepartment: null,
    coDepartments: [],
    suggestedDepartment: null,
    stoppedAt: null,
    stoppedReason: null,
    statement: "",
    attribute: null,
    baselineYear: null,
    targetYear: null,
    annualGrowth: null,
    ...over,
  };
}
