import { App, Button, Empty, Select, Table, Tag } from "antd";
import { useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { FiveYearLinkSuggestionRow } from "../../../../src/contract/five-year.ts";
import { useConfirmLinks, useLinkSuggestions, useUnlinkTarget } from "../../api/five-year-queries.ts";
import { usePlans } from "../../api/queries.ts";
import { ErrorState, errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { isFiveYearPlan } from "./five-year-model.ts";
import { type Decision, decisionsToSend, initialChoice } from "./link-model.ts";
import "./five-year.css";

/**
 * One screen for the links of a whole annual plan: each of its targets with the five-year indicators
 * suggested for it (名称相近，单位相同 …); the planner confirms or rejects each, then saves them at once.
 */
export function LinkSuggestionsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const raw = useParams().id ?? "";
  const planId = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  const [search, setSearch] = useSearchParams();
  const plans = usePlans();
  const fiveYearPlans = useMemo(
    () => (plans.data ?? []).filter((p) => p.id !== planId && isFiveYearPlan(p)),
    [plans.data, planId],
  );
  const picked = Number(search.get("fiveYear"));
  const fiveYearId = fiveYearPlans.some((p) => p.id === picked) ? picked : (fiveYearPlans[0]?.id ?? null);
  const suggestions = useLinkSuggestions(planId, fiveYearId);
  const [choice, setChoice] = useState<Record<number, number>>({});
  const [decisions, setDecisions] = useState<Record<number, Decision>>({});
  const confirm = useConfirmLinks(planId);
  const unlink = useUnlinkTarget();
  const annualPlan = plans.data?.find((p) => p.id === planId);
  const rows = suggestions.data?.rows ?? [];
  const chosenOf = (r: FiveYearLinkSuggestionRow) => choice[r.targetId] ?? initialChoice(r);
  const toSend = decisionsToSend(rows, decisions, chosenOf);

  const pickFiveYear = (id: number) => {
    const next = new URLSearchParams(search);
    next.set("fiveYear", String(id));
    setSearch(next, { replace: true });
    setDecisions({});
    setChoice({});
  };

  async function save() {
    try {
      if (toSend.links.length > 0) {
        const result = await confirm.mutateAsync({ links: toSend.links });
        message.success(t("fy.links.confirmed", { count: result.linked }));
      }
      for (const targetId of toSend.unlink) await unlink.mutateAsync(targetId);
      if (toSend.unlink.length > 0) message.success(t("fy.links.unlinked"));
      setDecisions({});
      await suggestions.refetch();
    } catch (error) {
      message.error(t("fy.links.failed", { message: errorMessage(error, t) }), 6);
    }
  }

  const decide = (targetId: number, d: Decision | null) =>
    setDecisions((all) => {
      const next = { ...all };
      if (d === null) delete next[targetId];
      else next[targetId] = d;
      return next;
    });

  return (
    <div className="page-scroll">
      <div className="page fy-links-page" data-testid="fy-links-page">
        <nav className="crumbs" aria-label="breadcrumb">
          <Link to="/">{t("nav.plans")}</Link>
          <span aria-hidden="true">/</span>
          {annualPlan ? <Link to={`/plans/${planId}`}>{annualPlan.title}</Link> : null}
        </nav>
        <div className="page-head">
          <div>
            <h1 className="page-title">{t("fy.links.title")}</h1>
            <div className="muted small">{t("fy.links.intro")}</div>
          </div>
        </div>
        {plans.isSuccess && fiveYearPlans.length === 0 ? (
          <Empty description={t("fy.links.noFiveYear")} />
        ) : (
          <>
            <p className="fy-decision">
              <label htmlFor="fy-links-plan" className="muted small">
                {t("fy.links.pickPlan")}
              </label>
              <Select<number>
                id="fy-links-plan"
                style={{ minWidth: 260, maxWidth: "100%" }}
                value={fiveYearId ?? undefined}
                loading={plans.isPending}
                onChange={pickFiveYear}
                options={fiveYearPlans.map((p) => ({ value: p.id, label: p.title }))}
                data-testid="fy-links-plan"
              />
            </p>
            {suggestions.isError ? (
              <ErrorState
                title={t("fy.links.loadError")}
                error={suggestions.error}
                onRetry={() => void suggestions.refetch()}
              />
            ) : (
              <>
                {suggestions.data ? (
                  <p className="small" data-testid="fy-links-summary">
                    {t("fy.links.summary", {
                      count: rows.length,
                      suggested: rows.filter((r) => r.candidates.length > 0).length,
                      linked: rows.filter((r) => r.linkedIndicatorId !== null).length,
                    })}
                  </p>
                ) : null}
                <Table<FiveYearLinkSuggestionRow>
                  className="fy-links-table"
                  size="small"
                  rowKey="targetId"
                  loading={suggestions.isFetching}
                  pagination={false}
                  scroll={{ x: "max-content" }}
                  dataSource={rows}
                  data-testid="fy-links"
                  columns={[
                    {
                      key: "subject",
                      title: t("fy.col.annualTarget"),
                      render: (_, r) => (
                        <>
                          <div>{r.subject}</div>
                          <div className="muted small">{r.unit}</div>
                        </>
                      ),
                    },
                    {
                      key: "candidate",
                      title: t("fy.links.col.candidate"),
                      render: (_, r) =>
                        r.candidates.length === 0 ? (
                          <span className="muted small">{t("fy.links.none")}</span>
                        ) : (
                          <Select<number>
                            size="small"
                            aria-label={t("fy.links.col.candidate")}
                            value={chosenOf(r) ?? undefined}
                            onChange={(v) => setChoice((c) => ({ ...c, [r.targetId]: v }))}
                            options={r.candidates.map((c) => ({
                              value: c.indicatorId,
                              label: `${c.name}${lang === "zh-CN" ? `（${c.unit}）` : ` (${c.unit})`} · ${t("fy.links.score", { score: Math.round(c.score * 100) / 100 })}`,
                            }))}
                            data-testid="fy-link-candidate"
                          />
                        ),
                    },
                    {
                      key: "reason",
                      title: t("fy.links.col.reason"),
                      render: (_, r) => (
                        <span className="small">
                          {r.candidates.find((c) => c.indicatorId === chosenOf(r))?.reason ?? ""}
                        </span>
                      ),
                    },
                    {
                      key: "decision",
                      title: t("fy.links.col.decision"),
                      render: (_, r) => (
                        <DecisionCell
                          row={r}
                          decision={decisions[r.targetId] ?? null}
                          chosen={chosenOf(r)}
                          onDecide={(d) => decide(r.targetId, d)}
                        />
                      ),
                    },
                  ]}
                />
                <p style={{ marginTop: 12 }}>
                  <Button
                    type="primary"
                    disabled={toSend.links.length + toSend.unlink.length === 0}
                    loading={confirm.isPending || unlink.isPending}
                    onClick={() => void save()}
                    data-testid="fy-links-save"
                  >
                    {t("fy.links.confirm", { count: toSend.links.length + toSend.unlink.length })}
                  </Button>
                </p>
              </>
            )}
          </>
        )}
      </div>
    </div>
  );
}

function DecisionCell({
  row,
  decision,
  chosen,
  onDecide,
}: {
  row: FiveYearLinkSuggestionRow;
  decision: Decision | null;
  chosen: number | null;
  onDecide: (d: Decision | null) => void;
}) {
  const { t } = useI18n();
  if (decision !== null) {
    return (
      <span className="fy-decision" data-testid="fy-link-decided" data-decision={decision}>
        <Tag color={decision === "accept" ? "blue" : "default"}>
          {t(decision === "accept" ? "fy.links.willLink" : "fy.links.willReject")}
        </Tag>
        <Button size="small" type="link" onClick={() => onDecide(null)}>
          {t("fy.links.undo")}
        </Button>
      </span>
    );
  }
  const linked = row.linkedIndicatorId !== null && row.linkedIndicatorId === chosen;
  return (
    <span className="fy-decision">
      {row.linkedIndicatorId !== null ? <Tag color="green">{t("fy.links.linked")}</Tag> : null}
      {chosen !== null && !linked ? (
        <Button size="small" onClick={() => onDecide("accept")} data-testid="fy-link-accept">
          {t("fy.links.accept")}
        </Button>
      ) : null}
      {chosen !== null || row.linkedIndicatorId !== null ? (
        <Button size="small" onClick={() => onDecide("reject")} data-testid="fy-link-reject">
          {t("fy.links.reject")}
        </Button>
      ) : null}
    </span>
  );
}
