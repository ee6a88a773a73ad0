import { Tag } from "antd";
import type { TaskLight, TaskView } from "../../../../src/contract/tasks.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { LIGHT_COLOR, local } from "../tasks/task-model.ts";

/** 亮灯 of a task: the light in its colour. */
export function TaskLightTag({ light }: { light: TaskLight }) {
  const { t } = useI18n();
  return (
    <Tag color={LIGHT_COLOR[light]} variant="filled" className="tw-task-light" data-light={light}>
      {t(`taskw.light.${light}`)}
    </Tag>
  );
}

/** The light and, beside it, its working in words (“节点‘6月底前完成招标’已逾期12天，未报完成”). */
export function TaskLightLine({ task }: { task: Pick<TaskView, "status" | "working"> }) {
  const { lang } = useI18n();
  return (
    <span className="tw-task-light-line" data-testid="task-light" data-status={task.status}>
      <TaskLightTag light={task.status} />
      <span className="tw-task-working small">{local(task.working, lang)}</span>
    </span>
  );
}
