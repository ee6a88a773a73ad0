import { CloseOutlined, SearchOutlined } from "@ant-design/icons";
import { Grid, Input, Select, Table, type TableColumnsType, Tag } from "antd";
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import type { OutlineNodeView } from "../../../../src/contract/plans.ts";
import type { TargetStatusView } from "../../../../src/contract/status.ts";
import type { TargetView } from "../../../../src/contract/targets.ts";
import type { TargetKind } from "../../../../src/extract/types.ts";
import { formatTargetValue, toDisplayNumber } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { type Assignment, assignmentOf, filterTargets, nodeLabel } from "./model.ts";
import { StatusTag } from "./StatusTag.tsx";
import { statusRank } from "./status-model.ts";

interface Props {
  targets: TargetView[];
  /** Each target's status as of the date chosen; empty until it is known. */
  statuses: Map<number, TargetStatusView>;
  /** The selected outline node's subtree, or null for the whole plan. */
  nodeIds: Set<number> | null;
  node: OutlineNodeView | null;
  onClearNode: () => void;
  selectedId: number | null;
  onSelect: (id: number) => void;
}

const KINDS: TargetKind[] = ["rate", "cumulative", "level", "milestone"];
const ASSIGNMENTS: Assignment[] = ["assigned", "suggested", "unassigned"];
/** On a phone: what a target is, its value and its status; the rest is in the card a tap opens. */
const PHONE_COLUMNS = new Set(["subject", "value", "status"]);
const PHONE_WIDTH: Record<string, number> = { value: 92, status: 112 };

const ASSIGNMENT_COLOR: Record<Assignment, string> = {
  assigned: "green",
  suggested: "blue",
  unassigned: "default",
};

/** Keeps the table body exactly as tall as its panel, so the header stays put while rows scroll. */
function useHeight<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setHeight(Math.floor(entry.contentRect.height));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, height] as const;
}

export function TargetsTable({ targets, statuses, nodeIds, node, onClearNode, selectedId, onSelect }: Props) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState("");
  const [kinds, setKinds] = useState<TargetKind[]>([]);
  const [assignments, setAssignments] = useState<Assignment[]>([]);
  const [bodyRef, bodyHeight] = useHeight<HTMLDivElement>();
  const narrow = Grid.useBreakpoint().md === false;

  const ordered = useMemo(() => [...targets].sort((a, b) => a.start - b.start || a.id - b.id), [targets]);
  const position = useMemo(() => new Map(ordered.map((x, i) => [x.id, i + 1])), [ordered]);
  const rows = useMemo(
    () => filterTargets(ordered, { nodeIds, query, kinds, assignments }),
    [ordered, nodeIds, query, kinds, assignments],
  );

  // Keep the selected row in view when it was chosen in the text.
  useEffect(() => {
    if (selectedId === null) return;
    const row = bodyRef.current?.querySelector<HTMLElement>(`tr[data-row-key="${selectedId}"]`);
    row?.scrollIntoView({ block: "nearest" });
  }, [selectedId, bodyRef]);

  const columns = useMemo<TableColumnsType<TargetView>>(
    () => [
      {
        key: "index",
        title: t("targets.col.index"),
        width: 48,
        align: "right",
        sorter: (a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0),
        render: (_: unknown, r) => <span className="num muted">{position.get(r.id)}</span>,
      },
      {
        key: "subject",
        title: t("targets.col.subject"),
        dataIndex: "subject",
        ellipsis: { showTitle: true },
        sorter: (a, b) => a.subject.localeCompare(b.subject, "zh-CN"),
      },
      {
        key: "value",
        title: t("targets.col.value"),
        width: 112,
        align: "right",
        sorter: (a, b) =>
          a.displayUnit.localeCompare(b.displayUnit) ||
          toDisplayNumber(a.value ?? 0, a.unit, a.displayUnit) -
            toDisplayNumber(b.value ?? 0, b.unit, b.displayUnit),
        render: (_: unknown, r) => <span className="num strong">{formatTargetValue(r, lang)}</span>,
      },
      {
        key: "status",
        title: t("status.col"),
        width: 196,
        sorter: (a, b) =>
          statusRank(statuses.get(a.id)?.evaluation.status) -
            statusRank(statuses.get(b.id)?.evaluation.status) ||
          (statuses.get(a.id)?.evaluation.gapPoints ?? 0) - (statuses.get(b.id)?.evaluation.gapPoints ?? 0),
        render: (_: unknown, r) => {
          const s = statuses.get(r.id);
          return s ? <StatusTag status={s} /> : <span className="muted">{t("common.none")}</span>;
        },
      },
      {
        key: "direction",
        title: t("targets.col.direction"),
        dataIndex: "direction",
        width: 68,
        sorter: (a, b) => a.direction.localeCompare(b.direction),
        render: (_: unknown, r) => (
          <span className={`dir dir-${r.direction}`}>{t(`direction.${r.direction}`)}</span>
        ),
      },
      {
        key: "kind",
        title: t("targets.col.kind"),
        dataIndex: "kind",
        width: 64,
        sorter: (a, b) => a.kind.localeCompare(b.kind),
        render: (_: unknown, r) => t(`kind.${r.kind}`),
      },
      {
        key: "lead",
        title: t("targets.col.lead"),
        width: 128,
        ellipsis: { showTitle: true },
        sorter: (a, b) =>
          (a.leadDepartment?.name ?? "\uffff").localeCompare(b.leadDepartment?.name ?? "\uffff", "zh-CN"),
        render: (_: unknown, r) =>
          r.leadDepartment ? (
            r.leadDepartment.name
          ) : r.suggestedDepartment ? (
            <span className="muted" title={`${t("card.suggested")}：${r.suggestedDepartment.department}`}>
              {r.suggestedDepartment.department}
              <sup className="sup-suggested">{t("card.suggested")}</sup>
            </span>
          ) : (
            <span className="muted">{t("common.none")}</span>
          ),
      },
      {
        key: "assignment",
        title: t("targets.col.assignment"),
        width: 76,
        sorter: (a, b) => ASSIGNMENTS.indexOf(assignmentOf(a)) - ASSIGNMENTS.indexOf(assignmentOf(b)),
        render: (_: unknown, r) => {
          const a = assignmentOf(r);
          return (
            <Tag variant="filled" color={ASSIGNMENT_COLOR[a]}>
              {t(`assignment.${a}`)}
            </Tag>
          );
        },
      },
      {
        key: "confidence",
        title: t("targets.col.confidence"),
        width: 64,
        align: "right",
        sorter: (a, b) => (a.confidence ?? 1) - (b.confidence ?? 1),
        render: (_: unknown, r) =>
          r.confidence === null ? (
            <span className="muted">{t("common.none")}</span>
          ) : (
            <span className={`num ${r.confidence < 0.6 ? "warn" : "muted"}`}>
              {Math.round(r.confidence * 100)}%
            </span>
          ),
      },
    ],
    [t, lang, position, statuses],
  );

  const shown = useMemo(
    () =>
      narrow
        ? columns
            .filter((c) => PHONE_COLUMNS.has(String(c.key)))
            .map((c) => ({ ...c, width: PHONE_WIDTH[String(c.key)] ?? c.width }))
        : columns,
    [narrow, columns],
  );

  const onRowKey = (event: KeyboardEvent, id: number) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(id);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const row = event.currentTarget as HTMLElement;
      const next = (
        event.key === "ArrowDown" ? row.nextElementSibling : row.previousElementSibling
      ) as HTMLElement | null;
      next?.focus();
    }
  };

  const HEADER = 32;
  return (
    <div className="targets-panel">
      <div className="panel-head">
        <h2 className="panel-title">{t("targets.title")}</h2>
        <span className="muted small num">
          {t("targets.total", { shown: rows.length, total: targets.length })}
        </span>
        {node ? (
          <Tag
            closable
            onClose={onClearNode}
            className="scope-tag"
            closeIcon={<CloseOutlined aria-label={t("targets.clearNode")} />}
          >
            {t("targets.filteredByNode", { title: nodeLabel(node, 18) })}
          </Tag>
        ) : null}
        <span className="spacer" />
        <Input
          size="small"
          allowClear
          prefix={<SearchOutlined className="muted" />}
          placeholder={t("targets.search")}
          aria-label={t("targets.search")}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="filter-search"
        />
        <Select<TargetKind[]>
          size="small"
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t("targets.filter.kind")}
          aria-label={t("targets.filter.kind")}
          value={kinds}
          onChange={setKinds}
          options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          className="filter-select"
        />
        <Select<Assignment[]>
          size="small"
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t("targets.filter.assignment")}
          aria-label={t("targets.filter.assignment")}
          value={assignments}
          onChange={setAssignments}
          options={ASSIGNMENTS.map((a) => ({ value: a, label: t(`assignment.${a}`) }))}
          className="filter-select"
        />
      </div>
      <div className="panel-body table-body" ref={bodyRef} data-testid="targets-table">
        <Table<TargetView>
          size="small"
          rowKey="id"
          columns={shown}
          dataSource={rows}
          pagination={false}
          showSorterTooltip={false}
          scroll={{ x: narrow ? undefined : 860, y: Math.max(80, bodyHeight - HEADER) }}
          locale={{ emptyText: targets.length === 0 ? t("targets.empty") : t("targets.emptyFiltered") }}
          rowClassName={(r) => (r.id === selectedId ? "row-selected" : "")}
          onRow={(r) => ({
            onClick: () => onSelect(r.id),
            onKeyDown: (e) => onRowKey(e, r.id),
            tabIndex: 0,
            "aria-selected": r.id === selectedId,
          })}
        />
      </div>
    </div>
  );
}
