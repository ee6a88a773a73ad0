import { Button, Grid, Skeleton, Splitter } from "antd";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { isApiError } from "../../api/client.ts";
import { usePlanStatus } from "../../api/monitoring-queries.ts";
import { usePlan, usePlanSource } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { buildOutlineTree, sourceMarks, subtreeIds, subtreeSpan } from "./model.ts";
import { OutlinePanel } from "./OutlinePanel.tsx";
import { PlanHeader } from "./PlanHeader.tsx";
import { SidePanel } from "./SidePanel.tsx";
import { SourceView } from "./SourceView.tsx";
import { StatusBar } from "./StatusBar.tsx";
import type { ScrollRequest, Selection } from "./selection.ts";
import { statusByTarget } from "./status-model.ts";
import { TargetsTable } from "./TargetsTable.tsx";
import "./plan-phone.css";

export function PlanPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const params = useParams();
  const raw = params.id ?? "";
  const planId = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  const plan = usePlan(planId);
  const source = usePlanSource(planId);
  // null: the server's own default (today, or the demo plan's demo date).
  const [asOf, setAsOf] = useState<string | null>(null);
  const status = usePlanStatus(planId, asOf);
  const statuses = useMemo(() => statusByTarget(status.data), [status.data]);

  const [nodeId, setNodeId] = useState<number | null>(null);
  const [selection, setSelection] = useState<Selection>(null);
  const [scroll, setScroll] = useState<ScrollRequest | null>(null);
  // On a phone the card sits below the text and the table: what is chosen is brought into view.
  const narrow = Grid.useBreakpoint().md === false;
  const sideRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (narrow && selection) sideRef.current?.scrollIntoView({ block: "start" });
  }, [narrow, selection]);

  const detail = plan.data;
  const tree = useMemo(() => (detail ? buildOutlineTree(detail.outline, detail.targets) : null), [detail]);
  const focusNode = nodeId !== null ? (tree?.byId.get(nodeId) ?? null) : null;
  const nodeIds = useMemo(() => (tree && nodeId !== null ? subtreeIds(tree, nodeId) : null), [tree, nodeId]);
  const focusSpan = useMemo(
    () => (tree && nodeId !== null ? subtreeSpan(tree, nodeId) : null),
    [tree, nodeId],
  );
  const marks = useMemo(
    () => (detail ? sourceMarks(detail.targets, detail.items, focusSpan) : []),
    [detail, focusSpan],
  );
  const selectedTarget =
    selection?.kind === "target" ? (detail?.targets.find((x) => x.id === selection.id) ?? null) : null;
  const selectedItem =
    selection?.kind === "item" ? (detail?.items.find((x) => x.id === selection.id) ?? null) : null;

  const scrollTo = useCallback(
    (offset: number) => setScroll((s) => ({ offset, nonce: (s?.nonce ?? 0) + 1 })),
    [],
  );

  const selectNode = useCallback(
    (id: number | null) => {
      setNodeId(id);
      const node = id !== null ? tree?.byId.get(id) : undefined;
      if (node) scrollTo(node.start);
    },
    [tree, scrollTo],
  );

  const selectTargetFromTable = useCallback(
    (id: number) => {
      setSelection({ kind: "target", id });
      const target = detail?.targets.find((x) => x.id === id);
      if (target) scrollTo(target.start);
    },
    [detail, scrollTo],
  );

  // ?target=ID (a link from the five-year cockpit to an annual target): that target opened once loaded.
  const [search] = useSearchParams();
  const linkedTarget = search.get("target");
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (!detail || linkedTarget === null || opened.current === linkedTarget) return;
    const id = Number(linkedTarget);
    if (detail.targets.some((x) => x.id === id)) {
      opened.current = linkedTarget;
      selectTargetFromTable(id);
    }
  }, [detail, linkedTarget, selectTargetFromTable]);

  if (!Number.isFinite(planId)) {
    return (
      <ErrorState
        title={t("plan.loadError")}
        error={new Error(t("plan.badId", { id: raw }))}
        extra={<Button onClick={() => navigate("/")}>{t("common.backToPlans")}</Button>}
      />
    );
  }

  if (plan.isError) {
    const notFound = isApiError(plan.error) && plan.error.status === 404;
    return (
      <div className="page-scroll">
        <ErrorState
          title={t("plan.loadError")}
          error={notFound ? new Error(t("plan.notFound", { id: planId })) : plan.error}
          onRetry={notFound ? undefined : () => void plan.refetch()}
          extra={<Button onClick={() => navigate("/")}>{t("common.backToPlans")}</Button>}
        />
      </div>
    );
  }

  return (
    <div className="plan-page" data-testid="plan-page">
      {detail ? <PlanHeader detail={detail} /> : <PlanHeaderSkeleton />}
      <StatusBar query={status} asOf={asOf} onAsOf={setAsOf} />
      <div className="plan-body">
        <aside className="plan-outline panel" aria-label={t("outline.title")}>
          {tree ? (
            <OutlinePanel tree={tree} selectedId={nodeId} onSelect={selectNode} />
          ) : (
            <div className="panel-pad">
              <Skeleton active paragraph={{ rows: 12 }} title={false} />
            </div>
          )}
        </aside>
        <section className="plan-centre">
          <Splitter orientation="vertical" className="plan-splitter">
            <Splitter.Panel defaultSize="58%" min="20%" className="panel">
              <SourceView
                planId={planId}
                source={source}
                detail={detail ?? null}
                marks={marks}
                selection={selection}
                scroll={scroll}
                onSelect={setSelection}
              />
            </Splitter.Panel>
            <Splitter.Panel min="20%" className="panel">
              {detail && tree ? (
                <TargetsTable
                  targets={detail.targets}
                  statuses={statuses}
                  nodeIds={nodeIds}
                  node={focusNode}
                  onClearNode={() => setNodeId(null)}
                  selectedId={selectedTarget?.id ?? null}
                  onSelect={selectTargetFromTable}
                />
              ) : (
                <div className="panel-pad">
                  <Skeleton active paragraph={{ rows: 6 }} title={false} />
                </div>
              )}
            </Splitter.Panel>
          </Splitter>
        </section>
        <aside className="plan-side panel" aria-label={t("card.title")} ref={sideRef}>
          <SidePanel
            planId={planId}
            target={selectedTarget}
            item={selectedItem}
            detail={detail ?? null}
            sourceText={source.data?.text ?? null}
            onClose={() => setSelection(null)}
            onSelectTarget={(id) => setSelection({ kind: "target", id })}
          />
        </aside>
      </div>
    </div>
  );
}

function PlanHeaderSkeleton() {
  return (
    <div className="plan-header">
      <Skeleton.Input active size="small" style={{ width: 360 }} />
    </div>
  );
}
