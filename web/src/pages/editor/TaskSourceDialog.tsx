import { Alert, Empty, Modal, Select, Skeleton } from "antd";
import { memo, useEffect, useMemo, useRef, useState } from "react";
import type { OutlineNodeView } from "../../../../src/contract/plans.ts";
import { usePlanSource } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { type Segment, segmentAt, splitSegments } from "../../format/segments.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { nodeLabel } from "../plan/model.ts";
import { TaskField } from "./TaskField.tsx";
import {
  headingsOf,
  overlappingTasks,
  parentForSpan,
  type Span,
  spanFromPoints,
} from "./task-editor-model.ts";

interface Props {
  planId: number;
  outline: OutlineNodeView[];
  pending: boolean;
  onCancel: () => void;
  onAdd: (span: Span, parentId: number | null) => void | Promise<void>;
}

interface SourceMark {
  start: number;
  end: number;
  kind: "task" | "heading";
}

/**
 * 从原文添加任务: the plan's text with its headings and the tasks it already has marked; a selection
 * made with the mouse or a finger becomes the new task's offsets, placed under the heading before it
 * (or another one chosen).
 */
export function TaskSourceDialog({ planId, outline, pending, onCancel, onAdd }: Props) {
  const { t } = useI18n();
  const source = usePlanSource(planId);
  const text = source.data?.text ?? "";
  const box = useRef<HTMLDivElement>(null);
  const [span, setSpan] = useState<Span | null>(null);
  // undefined: the heading before the selection; a number or null: the planner's own choice.
  const [parentChoice, setParentChoice] = useState<number | null | undefined>(undefined);

  const marks = useMemo<SourceMark[]>(
    () => outline.map((n) => ({ start: n.start, end: n.end, kind: n.kind === "task" ? "task" : "heading" })),
    [outline],
  );
  const segments = useMemo(() => splitSegments(text.length, marks), [text, marks]);
  const headings = useMemo(() => headingsOf(outline), [outline]);
  const autoParent = span ? parentForSpan(outline, span) : null;
  const parentId = parentChoice === undefined ? (autoParent?.id ?? null) : parentChoice;
  const overlaps = span ? overlappingTasks(outline, span) : [];

  // selectionchange covers the mouse, the keyboard and a finger's handles alike.
  useEffect(() => {
    const onChange = () => {
      const container = box.current;
      const sel = document.getSelection();
      if (!container || !sel || sel.rangeCount === 0 || sel.isCollapsed) return;
      const a = pointOffset(container, sel.anchorNode, sel.anchorOffset, text.length);
      const b = pointOffset(container, sel.focusNode, sel.focusOffset, text.length);
      if (a === null || b === null) return;
      setSpan(spanFromPoints(text, a, b));
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [text]);

  const jumpTo = (offset: number) => {
    const index = segmentAt(segments, offset);
    box.current?.querySelector<HTMLElement>(`[data-seg="${index}"]`)?.scrollIntoView({ block: "start" });
  };

  const chosen = span ? text.slice(span.start, span.end) : "";
  return (
    <Modal
      open
      width={920}
      title={t("taskEditor.add.title")}
      onCancel={onCancel}
      onOk={() => {
        if (span) void onAdd(span, parentId);
      }}
      okText={t("taskEditor.add.ok")}
      okButtonProps={{ disabled: span === null }}
      cancelText={t("common.cancel")}
      confirmLoading={pending}
      rootClassName="task-source-modal"
    >
      <p className="muted small">{t("taskEditor.add.hint")}</p>
      <Select<number>
        showSearch={{ optionFilterProp: "label" }}
        placeholder={t("taskEditor.add.jump")}
        aria-label={t("taskEditor.add.jump")}
        onChange={(id) => {
          const h = headings.find((x) => x.id === id);
          if (h) jumpTo(h.start);
        }}
        options={headings.map((h) => ({ value: h.id, label: nodeLabel(h, 30) }))}
        className="task-source-jump"
      />
      <div className="task-source-box" ref={box} data-testid="task-source-text">
        {source.isError ? (
          <ErrorState
            title={t("taskEditor.add.loadError")}
            error={source.error}
            onRetry={() => void source.refetch()}
          />
        ) : source.isPending ? (
          <Skeleton active paragraph={{ rows: 12 }} title={false} />
        ) : text.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("taskEditor.add.noText")} />
        ) : (
          <SourceText text={text} segments={segments} />
        )}
      </div>
      <div className="task-source-chosen" aria-live="polite" data-testid="task-source-chosen">
        {span ? (
          <>
            <p className="small">
              <strong>{t("taskEditor.add.chosen", { count: span.end - span.start })}</strong>{" "}
              <span className="muted num">
                {t("taskEditor.add.offsets", { start: span.start, end: span.end })}
              </span>
            </p>
            <p className="task-quote">{chosen.length > 160 ? `${chosen.slice(0, 160)}…` : chosen}</p>
          </>
        ) : (
          <p className="muted small">{t("taskEditor.add.nothing")}</p>
        )}
      </div>
      <TaskField id="task-source-parent" label={t("taskEditor.add.parent")}>
        <Select<number>
          id="task-source-parent"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("taskEditor.add.noParent")}
          value={parentId ?? undefined}
          onChange={(id) => setParentChoice(id ?? null)}
          options={headings.map((h) => ({ value: h.id, label: nodeLabel(h, 40) }))}
          className="w-full"
          data-testid="task-source-parent"
        />
      </TaskField>
      {overlaps.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          className="task-source-overlap"
          title={t("taskEditor.add.overlaps", { titles: overlaps.map((n) => nodeLabel(n, 20)).join("；") })}
        />
      ) : null}
    </Modal>
  );
}

const SourceText = memo(function SourceText({
  text,
  segments,
}: {
  text: string;
  segments: Segment<SourceMark>[];
}) {
  return (
    <div className="task-source-text" lang="zh-CN">
      {segments.map((seg, index) => {
        const kind = seg.marks.some((m) => m.kind === "task")
          ? "task-src-task"
          : seg.marks.length > 0
            ? "task-src-heading"
            : undefined;
        return (
          <span key={seg.start} data-seg={index} data-start={seg.start} className={kind}>
            {text.slice(seg.start, seg.end)}
          </span>
        );
      })}
    </div>
  );
});

/**
 * A DOM point of the selection as an offset into the text: each segment is one <span data-start>
 * holding one text node, so a point in it is the span's start plus the offset in the node.
 */
function pointOffset(
  container: HTMLElement,
  node: Node | null,
  offset: number,
  length: number,
): number | null {
  if (!node || !container.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const seg = node.parentElement?.closest<HTMLElement>("[data-start]");
    return seg ? Number(seg.dataset.start) + offset : null;
  }
  const el = node as HTMLElement;
  if (el.dataset?.start !== undefined) {
    return Number(el.dataset.start) + (offset === 0 ? 0 : (el.textContent?.length ?? 0));
  }
  // A point between children (the text's own box): the child after it, or the end.
  const next = el.childNodes[offset];
  if (next instanceof HTMLElement) {
    const first = next.dataset.start !== undefined ? next : next.querySelector<HTMLElement>("[data-start]");
    if (first?.dataset.start !== undefined) return Number(first.dataset.start);
  }
  return length;
}
