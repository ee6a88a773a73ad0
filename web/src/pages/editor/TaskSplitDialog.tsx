import { Button, Modal, Space } from "antd";
import { type SyntheticEvent, useEffect, useState } from "react";
import type { TaskView } from "../../../../src/contract/tasks.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { TaskField } from "./TaskField.tsx";
import { splitParts, splitPoints } from "./task-editor-model.ts";

interface Props {
  task: TaskView | null;
  pending: boolean;
  onCancel: () => void;
  onSplit: (at: number) => void | Promise<void>;
}

/**
 * Splits a draft task in two at a point of its title: a click in the text puts the cut there, or one of
 * the clause marks is taken; both parts are shown before anything is sent.
 */
export function TaskSplitDialog({ task, pending, onCancel, onSplit }: Props) {
  const { t } = useI18n();
  const title = task?.title ?? "";
  const points = splitPoints(title);
  const [at, setAt] = useState<number | null>(null);
  useEffect(() => {
    setAt(task ? (splitPoints(task.title)[0] ?? null) : null);
  }, [task]);
  const parts = at === null ? null : splitParts(title, at);

  const fromCaret = (event: SyntheticEvent<HTMLTextAreaElement>) => {
    const caret = event.currentTarget.selectionStart;
    if (Number.isInteger(caret)) setAt(caret);
  };

  return (
    <Modal
      open={task !== null}
      title={t("taskEditor.split.title")}
      onCancel={onCancel}
      onOk={() => {
        if (parts && at !== null) void onSplit(at);
      }}
      okText={t("taskEditor.split.ok")}
      okButtonProps={{ disabled: parts === null }}
      cancelText={t("common.cancel")}
      confirmLoading={pending}
      destroyOnHidden
    >
      <TaskField id="split-title" label={t("taskEditor.split.hint")}>
        <textarea
          id="split-title"
          className="task-split-text"
          readOnly
          value={title}
          rows={Math.min(8, Math.max(3, Math.ceil(title.length / 30)))}
          onSelect={fromCaret}
          onClick={fromCaret}
          onKeyUp={fromCaret}
          data-testid="split-text"
        />
      </TaskField>
      {points.length > 0 ? (
        <Space size={4} wrap className="task-split-points">
          <span className="muted small">{t("taskEditor.split.points")}</span>
          {points.map((p) => (
            <Button key={p} size="small" type={p === at ? "primary" : "default"} onClick={() => setAt(p)}>
              {`…${title.slice(Math.max(0, p - 6), p)}｜`}
            </Button>
          ))}
        </Space>
      ) : null}
      {parts ? (
        <ol className="task-split-parts" data-testid="split-parts">
          <li>{parts[0]}</li>
          <li>{parts[1]}</li>
        </ol>
      ) : (
        <p className="field-error small">{t("taskEditor.split.pick")}</p>
      )}
    </Modal>
  );
}
