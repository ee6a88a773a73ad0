import { App, Button, Input, Skeleton, Space } from "antd";
import { useEffect, useMemo, useState } from "react";
import type { TargetView } from "../../../../src/contract/targets.ts";
import type { PlannedProblem } from "../../../../src/domain/planned-values.ts";
import { useSetTargetPlanned, useTargetPlanned } from "../../api/editor-queries.ts";
import { ErrorState, errorMessage } from "../../components/ErrorState.tsx";
import { formatShare } from "../../format/cn-number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { cellText, evenCells, gridState, gridUnit } from "./editor-model.ts";

/**
 * 分期计划: one cell per reporting period (monthly or quarterly, as the target reports), typed in the
 * plan's display unit and checked as it is typed — a number, and for cumulative targets and
 * milestones never below an earlier period. Saving replaces the whole set.
 */
export function PlannedGrid({ target, readOnly }: { target: TargetView; readOnly: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const planned = useTargetPlanned(target.id);
  const save = useSetTargetPlanned(target.id);
  const [cells, setCells] = useState<string[] | null>(null);
  const periods = planned.data?.periods ?? [];

  useEffect(() => {
    if (planned.data && cells === null)
      setCells(planned.data.periods.map((p) => cellText(target, p.planned)));
  }, [planned.data, cells, target]);

  const state = useMemo(() => (cells ? gridState(target, cells) : null), [cells, target]);
  const problemAt = useMemo(() => {
    const map = new Map<number, PlannedProblem>();
    for (const p of state?.problems ?? []) if (!map.has(p.index)) map.set(p.index, p);
    return map;
  }, [state]);
  const unit = gridUnit(target);
  const growing = target.kind === "cumulative" || target.kind === "milestone";

  if (planned.isError) {
    return (
      <ErrorState
        title={t("editor.planned.loadError")}
        error={planned.error}
        onRetry={() => void planned.refetch()}
      />
    );
  }

  function problemText(p: PlannedProblem): string {
    if (p.code === "not_a_number") return t("editor.planned.notANumber");
    if (p.code === "percent_range") return t("editor.planned.percentRange");
    const earlier = p.previousIndex ?? 0;
    return t("editor.planned.decreasing", {
      period: periods[earlier]?.key ?? "",
      value: `${cells?.[earlier] ?? ""}${unit}`,
    });
  }

  async function submit() {
    if (!state || !cells) return;
    if (state.problems.length > 0) {
      message.error(t("editor.planned.fix", { count: problemAt.size }));
      return;
    }
    const values = periods.flatMap((p, i) => {
      const v = state.values[i];
      return v === null || v === undefined ? [] : [{ period: p.key, value: v }];
    });
    try {
      const saved = await save.mutateAsync({ values });
      setCells(saved.periods.map((p) => cellText(target, p.planned)));
      message.success(t("editor.planned.saved"));
    } catch (error) {
      message.error(t("editor.planned.failed", { message: errorMessage(error, t) }), 8);
    }
  }

  const even = evenCells(target, periods.length);
  return (
    <section className="planned-grid" aria-labelledby="planned-title" data-testid="planned-grid">
      <h3 id="planned-title" className="planned-title">
        {t("editor.planned.title")}
      </h3>
      <p className="muted small">
        {t(growing ? "editor.planned.hint" : "editor.planned.hintLevel", { unit })}{" "}
        {t("editor.planned.frequencyNote", { frequency: t(`editor.frequency.${target.frequency}`) })}
      </p>
      {!cells || !state ? (
        <Skeleton active paragraph={{ rows: 6 }} title={false} />
      ) : (
        <>
          <table className="planned-table">
            <thead>
              <tr>
                <th scope="col">{t("editor.planned.period")}</th>
                <th scope="col">{t("editor.planned.value", { unit })}</th>
                <th scope="col" className="planned-share">
                  {t("editor.planned.share")}
                </th>
              </tr>
            </thead>
            <tbody>
              {periods.map((p, i) => {
                const problem = problemAt.get(i);
                const errorId = `planned-error-${p.key}`;
                return (
                  <tr key={p.key}>
                    <th scope="row" className="num">
                      <label htmlFor={`planned-${p.key}`}>{p.key}</label>
                    </th>
                    <td>
                      <Input
                        id={`planned-${p.key}`}
                        inputMode="decimal"
                        size="small"
                        value={cells[i] ?? ""}
                        disabled={readOnly}
                        status={problem ? "error" : undefined}
                        aria-invalid={problem ? true : undefined}
                        aria-describedby={problem ? errorId : undefined}
                        onChange={(e) => setCells(cells.map((c, j) => (j === i ? e.target.value : c)))}
                        data-testid="planned-cell"
                        data-period={p.key}
                      />
                      {/* The message line is always there, so a message appearing moves nothing. */}
                      <div id={errorId} className="planned-error small" role={problem ? "alert" : undefined}>
                        {problem ? problemText(problem) : ""}
                      </div>
                    </td>
                    <td className="planned-share num muted">{formatShare(state.shares[i] ?? null)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {readOnly ? null : (
            <Space wrap className="planned-actions">
              <Button onClick={() => even && setCells(even)} disabled={!even}>
                {t("editor.planned.even")}
              </Button>
              <Button onClick={() => setCells(periods.map(() => ""))}>{t("editor.planned.clear")}</Button>
              <Button
                type="primary"
                onClick={() => void submit()}
                loading={save.isPending}
                disabled={state.problems.length > 0}
                data-testid="planned-save"
              >
                {t("editor.planned.save")}
              </Button>
            </Space>
          )}
        </>
      )}
    </section>
  );
}
