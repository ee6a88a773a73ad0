// A plan's task settings (monitoring.md, “Tasks”): read from the plan's settings JSON, key `tasks`,
// with the defaults where a value is unset or out of range, and turned into what the lights take.

import type { TaskSettingsView } from "../contract/tasks.ts";
import { isIsoDate } from "./iso-dates.ts";
import { DEFAULT_TASK_LIGHT_SETTINGS, type TaskLightSettings } from "./task-lights.ts";

const int = (v: unknown, d: number, min: number, max: number) =>
  typeof v === "number" && Number.isInteger(v) && v >= min && v <= max ? v : d;
const dates = (v: unknown) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && isIsoDate(x)) : [];

/** The task settings of a plan's settings JSON (key `tasks`), defaults where unset or out of range. */
export function taskSettingsOf(raw: Record<string, unknown>): TaskSettingsView {
  const t = (raw.tasks ?? {}) as Record<string, unknown>;
  return {
    dueSoonDays: int(t.dueSoonDays, DEFAULT_TASK_LIGHT_SETTINGS.dueSoonDays, 0, 90),
    acknowledgeWorkingDays: int(
      t.acknowledgeWorkingDays,
      DEFAULT_TASK_LIGHT_SETTINGS.acknowledgeWorkingDays,
      1,
      30,
    ),
    holidays: dates(t.holidays),
    workdays: dates(t.workdays),
  };
}

export function lightSettingsOf(s: TaskSettingsView): TaskLightSettings {
  return {
    dueSoonDays: s.dueSoonDays,
    acknowledgeWorkingDays: s.acknowledgeWorkingDays,
    calendar: { holidays: s.holidays, workdays: s.workdays },
  };
}
