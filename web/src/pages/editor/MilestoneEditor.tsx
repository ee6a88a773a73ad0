import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, DatePicker, Input } from "antd";
import dayjs from "dayjs";
import type { TaskMilestoneView } from "../../../../src/contract/tasks.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { local, type MilestoneDraft, type MilestoneProblem } from "../tasks/task-model.ts";

/** A row as edited: a key of its own, as a new row has no id until it is saved. */
export type MilestoneRow = MilestoneDraft & { key: string };

let nextKey = 0;
export const newMilestoneRow = (): MilestoneRow => ({ key: `new-${++nextKey}`, name: "", due: "" });
export const milestoneRows = (milestones: readonly MilestoneDraft[]): MilestoneRow[] =>
  milestones.map((m) => ({ ...m, key: m.id !== undefined ? `id-${m.id}` : `new-${++nextKey}` }));

interface Props {
  value: MilestoneRow[];
  onChange: (next: MilestoneRow[]) => void;
  problems: (MilestoneProblem | null)[];
  /** The deadline they are checked against (null: none), for the message. */
  deadline: string | null;
  /** The milestones as stored: their done dates and adjustments are shown beside the rows. */
  stored: readonly TaskMilestoneView[];
  readOnly: boolean;
}

const DAY = "YYYY-MM-DD";

/** 节点: any number of rows of a name and a day, each checked as it is typed. */
export function MilestoneEditor({ value, onChange, problems, deadline, stored, readOnly }: Props) {
  const { t, lang } = useI18n();
  const byId = new Map(stored.map((m) => [m.id, m]));
  const set = (i: number, patch: Partial<MilestoneRow>) =>
    onChange(value.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const problemText = (p: MilestoneProblem) =>
    p === "after_deadline"
      ? t("taskEditor.milestone.afterDeadline", { deadline: deadline ?? "" })
      : t(`taskEditor.milestone.${p}`);

  return (
    <fieldset className="milestone-editor" data-testid="milestone-editor">
      <legend className="task-field-label">{t("taskEditor.field.milestones")}</legend>
      {value.length === 0 ? <p className="muted small">{t("taskEditor.milestone.none")}</p> : null}
      <ol className="milestone-rows">
        {value.map((m, i) => {
          const problem = problems[i] ?? null;
          const saved = m.id !== undefined ? byId.get(m.id) : undefined;
          return (
            <li key={m.key} className="milestone-row" data-testid="milestone-row">
              <Input
                value={m.name}
                onChange={(e) => set(i, { name: e.target.value })}
                placeholder={t("taskEditor.milestone.namePlaceholder")}
                aria-label={t("taskEditor.milestone.nameOf", { n: i + 1 })}
                status={problem === "name" ? "error" : undefined}
                disabled={readOnly}
                className="milestone-name"
                data-testid="milestone-name"
              />
              <DatePicker
                value={m.due ? dayjs(m.due, DAY) : null}
                onChange={(d) => set(i, { due: d ? d.format(DAY) : "" })}
                aria-label={t("taskEditor.milestone.dueOf", { n: i + 1 })}
                status={problem === "date" || problem === "after_deadline" ? "error" : undefined}
                disabled={readOnly}
                className="milestone-due"
                data-testid="milestone-due"
              />
              {readOnly ? null : (
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => onChange(value.filter((_, j) => j !== i))}
                  aria-label={t("taskEditor.milestone.remove", { n: i + 1 })}
                  data-testid="milestone-remove"
                />
              )}
              <div className="milestone-note small" aria-live="polite">
                {problem ? <span className="field-error">{problemText(problem)}</span> : null}
                {!problem && saved?.doneOn ? (
                  <span className="muted">{t("taskEditor.milestone.done", { date: saved.doneOn })}</span>
                ) : null}
                {!problem && saved?.adjustment ? (
                  <span className="muted">{local(saved.adjustment, lang)}</span>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {readOnly ? null : (
        <Button
          icon={<PlusOutlined />}
          size="small"
          onClick={() => onChange([...value, newMilestoneRow()])}
          data-testid="milestone-add"
        >
          {t("taskEditor.milestone.add")}
        </Button>
      )}
    </fieldset>
  );
}
