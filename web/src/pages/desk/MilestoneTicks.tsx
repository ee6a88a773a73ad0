import { Checkbox, Input } from "antd";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { type MilestoneTick, tickProblems } from "./task-work-model.ts";

/** The open milestones as tick boxes, each with the day it was done (today unless changed). */
export function MilestoneTicks({
  ticks,
  today,
  onChange,
  idPrefix,
}: {
  ticks: MilestoneTick[];
  today: string;
  onChange: (next: MilestoneTick[]) => void;
  idPrefix: string;
}) {
  const { t } = useI18n();
  const problems = tickProblems(ticks, today);
  const set = (i: number, patch: Partial<MilestoneTick>) =>
    onChange(ticks.map((tick, j) => (j === i ? { ...tick, ...patch } : tick)));
  return (
    <ul className="tw-milestone-ticks" data-testid="milestone-ticks">
      {ticks.map((tick, i) => {
        const problem = problems[i];
        const dateId = `${idPrefix}-done-${tick.milestoneId}`;
        return (
          <li key={tick.milestoneId} className="tw-milestone-tick" data-milestone-id={tick.milestoneId}>
            <Checkbox
              checked={tick.checked}
              onChange={(e) => set(i, { checked: e.target.checked })}
              data-testid="milestone-tick"
            >
              <span className="tw-milestone-tick-name">{tick.name}</span>
              <span className="small muted num"> {t("taskw.milestones.due", { date: tick.due })}</span>
            </Checkbox>
            {tick.checked ? (
              <span className="tw-milestone-tick-date">
                <label htmlFor={dateId} className="small">
                  {t("taskw.milestones.doneOn")}
                </label>
                <Input
                  id={dateId}
                  type="date"
                  value={tick.doneOn}
                  max={today}
                  onChange={(e) => set(i, { doneOn: e.target.value })}
                  status={problem ? "error" : undefined}
                  className="tw-date-input"
                  data-testid="milestone-done-on"
                />
                {problem ? (
                  <span className="field-error small" role="alert">
                    {t(`taskw.problem.tick.${problem}`)}
                  </span>
                ) : null}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
