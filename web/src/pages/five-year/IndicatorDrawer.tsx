import { App, Button, Drawer, Grid, Table, Tag } from "antd";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import type {
  FiveYearIndicatorView,
  FiveYearView,
  LinkedAnnualTargetView,
  YearlyValueView,
} from "../../../../src/contract/five-year.ts";
import { useYearlyValueFromReport, useYearlyValueHistory } from "../../api/five-year-queries.ts";
import { EChart } from "../../charts/EChart.tsx";
import { fiveYearOption } from "../../charts/five-year-charts.ts";
import { AttributeTag } from "../../components/AttributeTag.tsx";
import { errorMessage } from "../../components/ErrorState.tsx";
import { formatCnQuantity } from "../../format/cn-number.ts";
import { formatDateTime } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { lightClass } from "./five-year-model.ts";
import { useChartLabels } from "./IndicatorCard.tsx";
import { YearlyValueForm } from "./YearlyValueForm.tsx";

const r1 = (x: number) => String(Math.round(x * 10) / 10);
const pct = (x: number) => `${r1(x * 100)}%`;

/** An indicator's drill-down: its figures and working, the chart, its yearly values and the annual targets linked to it. */
export function IndicatorDrawer({
  view,
  indicator: ind,
  mayEdit,
  mayEnter,
  onClose,
}: {
  view: FiveYearView;
  indicator: FiveYearIndicatorView | null;
  mayEdit: boolean;
  /** May enter a yearly value (planners, and the statistics department's reporters). */
  mayEnter: boolean;
  onClose: () => void;
}) {
  const narrow = Grid.useBreakpoint().md === false;
  return (
    <Drawer
      open={ind !== null}
      onClose={onClose}
      size={narrow ? "100%" : 720}
      title={ind?.name}
      destroyOnHidden
      rootClassName="cockpit-drawer fy-drawer"
    >
      {ind ? <IndicatorDetail view={view} ind={ind} mayEdit={mayEdit} mayEnter={mayEnter} /> : null}
    </Drawer>
  );
}

function IndicatorDetail({
  view,
  ind,
  mayEdit,
  mayEnter,
}: {
  view: FiveYearView;
  ind: FiveYearIndicatorView;
  mayEdit: boolean;
  mayEnter: boolean;
}) {
  const { t, lang } = useI18n();
  const labels = useChartLabels();
  const option = useMemo(
    () => fiveYearOption(ind, view.asOfYear, labels, lang),
    [ind, view.asOfYear, labels, lang],
  );
  const q = (v: number | null) => (v === null ? t("common.none") : formatCnQuantity(v, ind.unit, null, lang));
  const rate = (v: number | null) => (v === null ? null : t("fy.rate", { value: r1(v) }));
  const figures: [string, string | null][] = [
    [t("fy.fig.form"), t(`fy.form.${ind.form}`)],
    [t("fy.fig.method"), t(`fy.method.${ind.method}`)],
    [t("fy.fig.baseline", { year: ind.baselineYear }), q(ind.baselineValue)],
    [
      t("fy.fig.target", { year: ind.targetYear }),
      ind.targetValue === null
        ? t("common.none")
        : ind.form === "annual_growth"
          ? t("fy.rate", { value: r1(ind.targetValue) })
          : ind.form === "decrease"
            ? `${r1(ind.targetValue)}%`
            : q(ind.targetValue),
    ],
    [
      t("fy.fig.targetLevel"),
      ind.form === "annual_growth" || ind.form === "decrease" ? q(ind.targetLevel) : null,
    ],
    [t("fy.fig.achieved"), rate(ind.achievedRate)],
    [t("fy.fig.required"), rate(ind.requiredRate)],
    [t("fy.fig.needed"), rate(ind.neededRate)],
    [t("fy.fig.ratio"), ind.ratio === null ? null : String(Math.round(ind.ratio * 100) / 100)],
    [t("fy.fig.progress"), ind.progress === null ? null : pct(ind.progress)],
    [t("fy.fig.elapsed"), ind.elapsed === null ? null : pct(ind.elapsed)],
    [
      t("fy.fig.projection", { year: ind.targetYear }),
      ind.projection === null
        ? null
        : `${q(ind.projection)}${ind.willMeet === null ? "" : `${lang === "zh-CN" ? "，" : ", "}${t(ind.willMeet ? "fy.fig.willMeet" : "fy.fig.willNotMeet")}`}`,
    ],
  ];
  return (
    <div data-testid="fy-detail" data-target-id={ind.targetId}>
      <div className="target-detail-head">
        <AttributeTag attribute={ind.attribute} />
        <span className={`fy-tag ${lightClass(ind.light)}`} data-testid="fy-detail-judgement">
          {t(`fy.judgement.${ind.judgement}`)}
        </span>
        {ind.area ? <span className="muted small">{ind.area}</span> : null}
      </div>
      {ind.statement ? (
        <p className="small">
          <span className="muted">{t("fy.statementLabel")}</span>
          {ind.statement}
        </p>
      ) : null}
      <div className="cockpit-working" data-testid="fy-detail-working">
        <p>{ind.problem ? t("fy.problem", { problem: ind.problem }) : ind.working}</p>
        <dl>
          {figures
            .filter((f): f is [string, string] => f[1] !== null)
            .map(([label, value]) => (
              <div key={label}>
                <dt className="muted small">{label}</dt>
                <dd className="num">{value}</dd>
              </div>
            ))}
        </dl>
      </div>
      <EChart
        option={option}
        height={240}
        label={t("fy.chartLabel", { name: ind.name })}
        testId="fy-detail-chart"
      />
      <YearlyValues ind={ind} asOfYear={view.asOfYear} />
      {mayEnter ? <YearlyValueForm plan={view.plan} indicator={ind} /> : null}
      <LinkedTargets ind={ind} mayEdit={mayEdit} />
    </div>
  );
}

function useSourceWords() {
  const { t } = useI18n();
  return (v: Pick<YearlyValueView, "source" | "sourceNote">) =>
    v.sourceNote ? `${t(`fy.source.${v.source}`)} · ${v.sourceNote}` : t(`fy.source.${v.source}`);
}

function YearlyValues({ ind, asOfYear }: { ind: FiveYearIndicatorView; asOfYear: number }) {
  const { t, lang } = useI18n();
  const [showHistory, setShowHistory] = useState(false);
  const source = useSourceWords();
  return (
    <section className="fy-detail-section" aria-labelledby="fy-values-title">
      <div className="fy-section-head">
        <h3 id="fy-values-title">{t("fy.values")}</h3>
        <Button
          size="small"
          type="link"
          onClick={() => setShowHistory((s) => !s)}
          data-testid="fy-history-toggle"
        >
          {t("fy.history")}
        </Button>
      </div>
      <Table<YearlyValueView>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={ind.values}
        data-testid="fy-values"
        locale={{ emptyText: t("fy.valuesEmpty") }}
        rowClassName={(v) => (v.year > asOfYear ? "fy-later" : "")}
        columns={[
          {
            key: "year",
            title: t("fy.col.year"),
            render: (_, v) => (
              <span className="num">
                {v.year}
                {v.year > asOfYear ? <span className="muted small"> · {t("fy.later")}</span> : null}
              </span>
            ),
          },
          {
            key: "value",
            title: t("fy.col.value"),
            align: "right",
            render: (_, v) => <span className="num">{formatCnQuantity(v.value, ind.unit, null, lang)}</span>,
          },
          { key: "source", title: t("fy.col.source"), render: (_, v) => source(v) },
          { key: "by", title: t("fy.col.by"), render: (_, v) => v.by ?? t("fy.bySystem") },
          {
            key: "at",
            title: t("fy.col.at"),
            render: (_, v) => <span className="num">{formatDateTime(v.at)}</span>,
          },
        ]}
      />
      {showHistory ? (
        <>
          <h4 className="fy-history-title small">{t("fy.history")}</h4>
          <History targetId={ind.targetId} unit={ind.unit} />
        </>
      ) : null}
    </section>
  );
}

function History({ targetId, unit }: { targetId: number; unit: string }) {
  const { t, lang } = useI18n();
  const history = useYearlyValueHistory(targetId);
  const source = useSourceWords();
  if (history.isError)
    return <p className="muted small">{t("fy.historyError", { message: errorMessage(history.error, t) })}</p>;
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: "max-content" }}
      loading={history.isPending}
      dataSource={history.data?.rows ?? []}
      data-testid="fy-history"
      locale={{ emptyText: t("fy.historyEmpty") }}
      columns={[
        { key: "year", title: t("fy.col.year"), render: (_, v) => <span className="num">{v.year}</span> },
        {
          key: "value",
          title: t("fy.col.value"),
          align: "right",
          render: (_, v) => <span className="num">{formatCnQuantity(v.value, unit, null, lang)}</span>,
        },
        { key: "source", title: t("fy.col.source"), render: (_, v) => source(v) },
        { key: "by", title: t("fy.col.by"), render: (_, v) => v.by ?? t("fy.bySystem") },
        {
          key: "at",
          title: t("fy.col.at"),
          render: (_, v) => <span className="num">{formatDateTime(v.at)}</span>,
        },
        {
          key: "current",
          title: t("fy.col.current"),
          render: (_, v) =>
            v.current ? (
              <Tag color="blue">{t("fy.col.current")}</Tag>
            ) : (
              <span className="muted small">{t("fy.superseded")}</span>
            ),
        },
      ]}
    />
  );
}

function LinkedTargets({ ind, mayEdit }: { ind: FiveYearIndicatorView; mayEdit: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const take = useYearlyValueFromReport();
  async function takeYearEnd(l: LinkedAnnualTargetView) {
    if (l.year === null) return;
    try {
      await take.mutateAsync({ targetId: ind.targetId, body: { year: l.year, annualTargetId: l.targetId } });
      message.success(t("fy.takeYearEndDone", { year: l.year }));
    } catch (error) {
      message.error(t("fy.takeFailed", { message: errorMessage(error, t) }), 6);
    }
  }
  return (
    <section className="fy-detail-section" aria-labelledby="fy-linked-title">
      <h3 id="fy-linked-title">{t("fy.linked")}</h3>
      <Table<LinkedAnnualTargetView>
        size="small"
        rowKey="targetId"
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={ind.linked}
        data-testid="fy-linked"
        locale={{ emptyText: t("fy.linkedEmpty") }}
        columns={[
          {
            key: "plan",
            title: t("fy.col.plan"),
            render: (_, l) => (
              <Link to={`/plans/${l.planId}`} data-testid="fy-linked-plan">
                {l.year !== null ? t("fy.yearOption", { year: l.year }) : l.planTitle}
              </Link>
            ),
          },
          {
            key: "target",
            title: t("fy.col.annualTarget"),
            render: (_, l) => (
              <Link to={`/plans/${l.planId}?target=${l.targetId}`} data-testid="fy-linked-target">
                {l.subject}
              </Link>
            ),
          },
          {
            key: "latest",
            title: t("fy.col.latest"),
            align: "right",
            render: (_, l) =>
              l.latestValue === null ? (
                t("common.none")
              ) : (
                <span className="num">
                  {t("fy.latestPeriod", {
                    value: formatCnQuantity(l.latestValue, l.unit, null, lang),
                    period: l.latestPeriod ?? "",
                  })}
                </span>
              ),
          },
          ...(mayEdit
            ? [
                {
                  key: "take",
                  title: t("common.actions"),
                  render: (_: unknown, l: LinkedAnnualTargetView) =>
                    l.year !== null && l.latestValue !== null ? (
                      <Button
                        size="small"
                        loading={take.isPending}
                        onClick={() => void takeYearEnd(l)}
                        data-testid="fy-take"
                      >
                        {t("fy.takeYearEnd", { year: l.year })}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}
