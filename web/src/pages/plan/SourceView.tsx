import type { UseQueryResult } from "@tanstack/react-query";
import { Empty, Skeleton } from "antd";
import { type KeyboardEvent, memo, useEffect, useMemo, useRef } from "react";
import type { PlanDetail, PlanSource } from "../../../../src/contract/plans.ts";
import type { TargetView } from "../../../../src/contract/targets.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { formatTargetValue, type Lang } from "../../format/number.ts";
import { type Segment, segmentAt, splitSegments } from "../../format/segments.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { type SourceMark, segmentView } from "./model.ts";
import type { ScrollRequest, Selection } from "./selection.ts";

interface Props {
  planId: number;
  source: UseQueryResult<PlanSource>;
  detail: PlanDetail | null;
  marks: SourceMark[];
  selection: Selection;
  scroll: ScrollRequest | null;
  onSelect: (selection: Selection) => void;
}

/** The plan's own text, with every target, milestone and item highlighted where it is written. */
export function SourceView({ source, detail, marks, selection, scroll, onSelect }: Props) {
  const { t, lang } = useI18n();
  const text = source.data?.text ?? "";
  const container = useRef<HTMLDivElement>(null);
  const segments = useMemo(() => splitSegments(text.length, marks), [text, marks]);
  const targetsById = useMemo(() => new Map((detail?.targets ?? []).map((x) => [x.id, x])), [detail]);
  const itemsById = useMemo(() => new Map((detail?.items ?? []).map((x) => [x.id, x])), [detail]);

  // Scroll so that the requested offset sits in the upper third of the view.
  useEffect(() => {
    const box = container.current;
    if (!scroll || !box) return;
    const index = segmentAt(segments, scroll.offset);
    const el = box.querySelector<HTMLElement>(`[data-seg="${index}"]`);
    if (!el) return;
    const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3), behavior: "smooth" });
  }, [scroll, segments]);

  const counts = useMemo(() => {
    let targets = 0;
    let milestones = 0;
    for (const x of detail?.targets ?? []) {
      if (x.kind === "milestone") milestones++;
      else targets++;
    }
    return { targets, milestones, items: detail?.items.length ?? 0 };
  }, [detail]);

  return (
    <div className="source-panel">
      <div className="panel-head">
        <h2 className="panel-title">{t("source.title")}</h2>
        {source.data ? (
          <span className="muted small ellipsis">
            {t("source.file", { name: source.data.fileName, encoding: source.data.encoding })}
          </span>
        ) : null}
        <span className="spacer" />
        <span className="legend small">
          <span className="legend-chip hl-target">{t("source.legend.target")}</span>
          <span className="num muted">{counts.targets}</span>
          <span className="legend-chip hl-milestone">{t("source.legend.milestone")}</span>
          <span className="num muted">{counts.milestones}</span>
          <span className="legend-chip hl-item">{t("source.legend.item")}</span>
          <span className="num muted">{counts.items}</span>
        </span>
      </div>
      <div className="panel-body source-body" ref={container}>
        {source.isError ? (
          <ErrorState
            title={t("source.loadError")}
            error={source.error}
            onRetry={() => void source.refetch()}
          />
        ) : source.isPending ? (
          <div className="panel-pad">
            <Skeleton active paragraph={{ rows: 14 }} title={false} />
          </div>
        ) : text.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("source.empty")} />
        ) : (
          <SourceText
            text={text}
            segments={segments}
            selection={selection}
            targetsById={targetsById}
            itemsById={itemsById}
            lang={lang}
            onSelect={onSelect}
          />
        )}
      </div>
    </div>
  );
}

interface TextProps {
  text: string;
  segments: Segment<SourceMark>[];
  selection: Selection;
  targetsById: Map<number, TargetView>;
  itemsById: Map<number, { id: number; name: string }>;
  lang: Lang;
  onSelect: (selection: Selection) => void;
}

const SourceText = memo(function SourceText({
  text,
  segments,
  selection,
  targetsById,
  itemsById,
  lang,
  onSelect,
}: TextProps) {
  const describe = (m: SourceMark): string => {
    const target = targetsById.get(m.id);
    return target ? `${target.subject} · ${formatTargetValue(target, lang)}` : "";
  };
  return (
    <div className="source-text" lang="zh-CN">
      {segments.map((seg, index, all) => {
        const slice = text.slice(seg.start, seg.end);
        const focus = seg.marks.some((m) => m.kind === "focus");
        const view = segmentView(seg.marks, selection);
        if (!view) {
          return (
            <span key={seg.start} data-seg={index} className={focus ? "seg-focus" : undefined}>
              {slice}
            </span>
          );
        }
        const mark = view.shown;
        const isTarget = mark.kind !== "item";
        const target = isTarget ? targetsById.get(mark.id) : undefined;
        const label = isTarget
          ? view.targets.map(describe).join("；")
          : (itemsById.get(mark.id)?.name ?? slice);
        const low = target?.confidence != null && target.confidence < 0.6;
        const className = [
          "hl",
          `hl-${mark.kind}`,
          view.selected ? "hl-selected" : "",
          view.targets.length > 1 ? "hl-multi" : "",
          low ? "hl-low" : "",
          focus ? "seg-focus" : "",
        ]
          .filter(Boolean)
          .join(" ");
        // One tab stop per mark, even when an overlap splits it into several pieces.
        const prev = all[index - 1];
        const firstPiece = !prev?.marks.some((m) => m.kind === mark.kind && m.id === mark.id);
        const choose = () => onSelect(view.next);
        const onKeyDown = (event: KeyboardEvent) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            choose();
          }
        };
        return (
          // biome-ignore lint/a11y/useSemanticElements: a <button> cannot wrap across lines inside running text
          <span
            key={seg.start}
            data-seg={index}
            data-target-id={isTarget ? mark.id : undefined}
            data-target-ids={isTarget ? view.targets.map((m) => m.id).join(" ") : undefined}
            data-item-id={isTarget ? undefined : mark.id}
            data-testid={isTarget ? "target-highlight" : "item-highlight"}
            className={className}
            role="button"
            tabIndex={firstPiece ? 0 : -1}
            aria-pressed={view.selected}
            aria-label={label}
            title={label}
            onClick={choose}
            onKeyDown={onKeyDown}
          >
            {slice}
          </span>
        );
      })}
    </div>
  );
});
