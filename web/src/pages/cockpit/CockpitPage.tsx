import { Button, DatePicker, Empty, Select, Skeleton, Tag, Tooltip } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { CockpitView } from "../../../../src/contract/cockpit.ts";
import type { TargetStatusView } from "../../../../src/contract/status.ts";
import { isApiError } from "../../api/client.ts";
import { useCockpit, useTargetTrend } from "../../api/cockpit-queries.ts";
import { completionGaugeOption, groupBarOption, trendOption } from "../../charts/cockpit-charts.ts";
import { type ChartClick, EChart } from "../../charts/EChart.tsx";
import { AttributeTag } from "../../components/AttributeTag.tsx";
import { ErrorState, errorMessage } from "../../components/ErrorState.tsx";
import { formatCnQuantity, formatShare } from "../../format/cn-number.ts";
import { targetName } from "../../format/target-name.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { phraseOf, STATUS_CLASS, STATUS_ORDER } from "../plan/status-model.ts";
import { CockpitDrawer } from "./CockpitDrawer.tsx";
import { CockpitRanking } from "./CockpitRanking.tsx";
import { CockpitTasks } from "./CockpitTasks.tsx";
import { type Drill, defaultTrendTarget } from "./cockpit-model.ts";
import "./cockpit.css";

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The leaders' cockpit (领导驾驶舱) of one plan as of a date: every figure opens the targets behind it. */
export function CockpitPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const raw = useParams().id ?? "";
  const planId = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  const [search, setSearch] = useSearchParams();
  const asOfParam = search.get("asOf");
  // The date lives in the address, so a link to the cockpit as of a date can be shared.
  const asOf = asOfParam && ISO.test(asOfParam) ? asOfParam : null;
  const cockpit = useCockpit(planId, asOf);
  const [drill, setDrill] = useState<Drill | null>(null);

  const setAsOf = (date: string | null) => {
    const next = new URLSearchParams(search);
    if (date) next.set("asOf", date);
    else next.delete("asOf");
    setSearch(next, { replace: true });
  };

  if (!Number.isFinite(planId) || cockpit.isError) {
    const notFound =
      isApiError(cockpit.error) && (cockpit.error.status === 404 || cockpit.error.status === 403);
    return (
      <div className="page-scroll">
        <ErrorState
          title={t("cockpit.loadError")}
          error={
            !Number.isFinite(planId)
              ? new Error(t("cockpit.badId", { id: raw }))
              : notFound
                ? new Error(t("cockpit.notFound", { id: planId }))
                : cockpit.error
          }
          onRetry={Number.isFinite(planId) && !notFound ? () => void cockpit.refetch() : undefined}
          extra={<Button onClick={() => navigate("/")}>{t("common.backToPlans")}</Button>}
        />
      </div>
    );
  }

  const view = cockpit.data;
  return (
    <div className="page-scroll cockpit-page" data-testid="cockpit-page" aria-busy={cockpit.isFetching}>
      <header className="cockpit-header">
        <nav className="crumbs" aria-label="breadcrumb">
          <Link to="/">{t("nav.plans")}</Link>
          <span aria-hidden="true">/</span>
          {view ? <Link to={`/plans/${planId}`}>{view.title}</Link> : null}
        </nav>
        <h1 className="cockpit-title">{t("cockpit.title")}</h1>
        <span className="cockpit-asof">
          <label className="muted small" htmlFor="cockpit-asof">
            {t("cockpit.asOf")}
          </label>
          <DatePicker
            id="cockpit-asof"
            size="small"
            allowClear
            value={asOf ? dayjs(asOf) : view ? dayjs(view.asOf) : null}
            placeholder={t("cockpit.asOfDefault")}
            onChange={(d) => setAsOf(d ? d.format("YYYY-MM-DD") : null)}
            data-testid="cockpit-asof"
          />
        </span>
        {view ? (
          <span className="muted small num" data-testid="cockpit-asof-shown" data-asof={view.asOf}>
            {view.period ? t("cockpit.period", { period: view.period.key }) : t("cockpit.noPeriod")}
          </span>
        ) : null}
        {view?.demo ? (
          <Tooltip title={t("cockpit.demoHint")}>
            <Tag color="purple">{t("cockpit.demo")}</Tag>
          </Tooltip>
        ) : null}
      </header>
      {view ? <CockpitBody view={view} asOf={asOf} onDrill={setDrill} /> : <CockpitSkeleton />}
      {view ? <CockpitTasks planId={planId} asOf={asOf} /> : null}
      {view ? (
        <CockpitDrawer
          view={view}
          asOf={asOf}
          drill={drill}
          onDrill={setDrill}
          onClose={() => setDrill(null)}
        />
      ) : null}
    </div>
  );
}

function CockpitBody({
  view,
  asOf,
  onDrill,
}: {
  view: CockpitView;
  asOf: string | null;
  onDrill: (d: Drill) => void;
}) {
  const { t, lang } = useI18n();
  const gauge = useMemo(
    () => completionGaugeOption(view.plan.completionIndex, t("cockpit.completionIndex")),
    [view.plan.completionIndex, t],
  );
  // t changes with the language only, so the options are rebuilt on a switch and not on every render.
  const areas = useMemo(
    () =>
      groupBarOption(view.areas, { completion: t("cockpit.completionIndex"), noData: t("cockpit.noData") }),
    [view.areas, t],
  );
  const departments = useMemo(
    () =>
      groupBarOption(view.departments, {
        completion: t("cockpit.completionIndex"),
        noData: t("cockpit.noData"),
      }),
    [view.departments, t],
  );
  const barClick = (kind: "area" | "department") => (click: ChartClick) => {
    const id = (click.data as { id?: number } | null)?.id;
    if (typeof id === "number") onDrill({ kind, id, title: click.name });
  };
  const barHeight = (n: number) => Math.max(120, n * 26 + 24);

  return (
    <div className="cockpit-grid">
      <section className="cockpit-card cockpit-headline" aria-labelledby="ck-headline">
        <h2 id="ck-headline">{t("cockpit.headline")}</h2>
        {view.headline.length === 0 ? (
          <p className="muted">{t("cockpit.headlineEmpty")}</p>
        ) : (
          <div className="headline-cards">
            {view.headline.map((h) => (
              <HeadlineCard
                key={h.status.targetId}
                status={h.status}
                onOpen={() => onDrill({ kind: "target", id: h.status.targetId })}
              />
            ))}
          </div>
        )}
      </section>

      <section className="cockpit-card cockpit-overview" aria-labelledby="ck-overview">
        <h2 id="ck-overview">{t("cockpit.overview")}</h2>
        <div className="overview-row">
          <EChart
            option={gauge}
            height={150}
            label={t("cockpit.gaugeLabel", { value: formatShare(view.plan.completionIndex) })}
            testId="chart-gauge"
          />
          <ul className="status-counts-list" data-testid="cockpit-counts">
            {STATUS_ORDER.map((s) => (
              <li key={s}>
                <button
                  type="button"
                  className="status-count-button"
                  data-status={s}
                  onClick={() => onDrill({ kind: "status", status: s })}
                >
                  <span className={`status-dot ${STATUS_CLASS[s]}`} aria-hidden="true" />
                  <span>{t(`status.${s}`)}</span>
                  <span className="num strong">{view.plan.counts[s]}</span>
                </button>
              </li>
            ))}
            <li className="muted small">{t("cockpit.targetsTotal", { count: view.plan.total })}</li>
          </ul>
        </div>
      </section>

      <section className="cockpit-card" aria-labelledby="ck-area">
        <h2 id="ck-area">{t("cockpit.byArea")}</h2>
        {view.areas.length === 0 ? (
          <Empty description={t("cockpit.groupsEmpty")} />
        ) : (
          <EChart
            option={areas}
            height={barHeight(view.areas.length)}
            label={t("cockpit.areaChartLabel")}
            onClick={barClick("area")}
            testId="chart-areas"
          />
        )}
        <GroupButtons groups={view.areas} onOpen={(id, title) => onDrill({ kind: "area", id, title })} />
      </section>

      <section className="cockpit-card" aria-labelledby="ck-dept">
        <h2 id="ck-dept">{t("cockpit.byDepartment")}</h2>
        {view.departments.length === 0 ? (
          <Empty description={t("cockpit.groupsEmpty")} />
        ) : (
          <EChart
            option={departments}
            height={barHeight(view.departments.length)}
            label={t("cockpit.departmentChartLabel")}
            onClick={barClick("department")}
            testId="chart-departments"
          />
        )}
      </section>

      <LaggingList
        id="ck-red"
        title={t("cockpit.red")}
        empty={t("cockpit.redEmpty")}
        list={view.red}
        tone="red"
        onOpen={(id) => onDrill({ kind: "target", id })}
      />
      <LaggingList
        id="ck-yellow"
        title={t("cockpit.yellow")}
        empty={t("cockpit.yellowEmpty")}
        list={view.yellow}
        tone="yellow"
        onOpen={(id) => onDrill({ kind: "target", id })}
      />

      <section className="cockpit-card cockpit-wide" aria-labelledby="ck-trend">
        <TrendPanel view={view} asOf={asOf} onDrill={onDrill} />
      </section>

      <CockpitRanking view={view} onDrill={onDrill} />
      <span className="sr-only" aria-live="polite">
        {lang === "zh-CN" ? `截至${view.asOf}` : `as of ${view.asOf}`}
      </span>
    </div>
  );
}

function HeadlineCard({ status, onOpen }: { status: TargetStatusView; onOpen: () => void }) {
  const { t, lang } = useI18n();
  const e = status.evaluation;
  const phrase = phraseOf(e, lang);
  return (
    <button
      type="button"
      className={`headline-card ${STATUS_CLASS[e.status]}-edge`}
      onClick={onOpen}
      data-testid="headline-card"
      data-target-id={status.targetId}
    >
      <span className="headline-subject">{status.subject}</span>
      <span className="headline-value num">
        {status.value === null ? (
          <span className="muted small">{t("cockpit.noValue")}</span>
        ) : (
          formatCnQuantity(status.value, status.unit, status.displayUnit, lang)
        )}
      </span>
      <span className="headline-target small muted">
        {lang === "zh-CN" && status.statement ? (
          status.statement
        ) : (
          <>
            {t("cockpit.target")}{" "}
            {status.display || formatCnQuantity(e.working.target, status.unit, status.displayUnit, lang)}
          </>
        )}
      </span>
      <span className="headline-status">
        <span className={`status-tag ${STATUS_CLASS[e.status]}`}>{t(`status.${e.status}`)}</span>
        {phrase ? <span className="small muted">{phrase}</span> : null}
      </span>
    </button>
  );
}

function GroupButtons({
  groups,
  onOpen,
}: {
  groups: CockpitView["areas"];
  onOpen: (id: number, title: string) => void;
}) {
  // The chart's bars are not reachable by keyboard; the same drill-downs as buttons.
  return (
    <ul className="group-buttons">
      {groups.map((g) => (
        <li key={g.id}>
          <button type="button" className="link-button small" onClick={() => onOpen(g.id, g.title)}>
            {g.title} {formatShare(g.rollup.completionIndex)}
          </button>
        </li>
      ))}
    </ul>
  );
}

function LaggingList({
  id,
  title,
  empty,
  list,
  tone,
  onOpen,
}: {
  id: string;
  title: string;
  empty: string;
  list: TargetStatusView[];
  tone: "red" | "yellow";
  onOpen: (id: number) => void;
}) {
  const { lang } = useI18n();
  return (
    <section className={`cockpit-card lagging-${tone}`} aria-labelledby={id} data-testid={`cockpit-${tone}`}>
      <h2 id={id}>
        {title} <span className="num">{list.length}</span>
      </h2>
      {list.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ol className="lagging-list">
          {list.map((v) => (
            <li key={v.targetId}>
              <button
                type="button"
                className="lagging-item"
                onClick={() => onOpen(v.targetId)}
                data-testid="lagging-target"
                data-target-id={v.targetId}
              >
                <span className="lagging-subject">
                  {targetName(v, lang)} <AttributeTag attribute={v.attribute} />
                </span>
                <span className="small muted">{v.department?.name ?? ""}</span>
                <span className="small lagging-phrase">
                  {phraseOf(v.evaluation, lang) ??
                    (lang === "zh-CN" ? v.evaluation.working.zh : v.evaluation.working.en)}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function TrendPanel({
  view,
  asOf,
  onDrill,
}: {
  view: CockpitView;
  asOf: string | null;
  onDrill: (d: Drill) => void;
}) {
  const { t, lang } = useI18n();
  const [picked, setPicked] = useState<number | null>(null);
  const chosen =
    picked !== null && view.targets.some((x) => x.targetId === picked) ? picked : defaultTrendTarget(view);
  // Headline trends come with the cockpit; any other target's is asked for.
  const inline = view.headline.find((h) => h.status.targetId === chosen)?.trend ?? null;
  const fetched = useTargetTrend(inline ? null : chosen, asOf);
  const trend = inline ?? (fetched.data && fetched.data.targetId === chosen ? fetched.data : null);
  const labels = useMemo(
    () => ({
      actual: t("cockpit.actual"),
      schedule: t("cockpit.scheduleLine"),
      target: t("cockpit.targetLine"),
      planned: t("cockpit.plannedLine"),
    }),
    [t],
  );
  const option = useMemo(() => (trend ? trendOption(trend, labels, lang) : null), [trend, labels, lang]);
  const lineName = trend
    ? trend.line === "target"
      ? labels.target
      : trend.line === "planned"
        ? labels.planned
        : labels.schedule
    : "";
  return (
    <>
      <div className="trend-head">
        <h2 id="ck-trend">{t("cockpit.trend")}</h2>
        <Select
          className="trend-pick"
          showSearch
          optionFilterProp="label"
          aria-label={t("cockpit.trendPick")}
          placeholder={t("cockpit.trendPick")}
          value={chosen ?? undefined}
          onChange={(v: number) => setPicked(v)}
          options={view.targets.map((x) => ({ value: x.targetId, label: targetName(x, lang) }))}
          data-testid="trend-pick"
        />
        {chosen !== null ? (
          <Button size="small" onClick={() => onDrill({ kind: "target", id: chosen })}>
            {t("cockpit.detail")}
          </Button>
        ) : null}
      </div>
      {fetched.isError && !inline ? (
        <p className="muted">{t("cockpit.trendError", { message: errorMessage(fetched.error, t) })}</p>
      ) : option && trend ? (
        <EChart
          option={option}
          height={260}
          label={t("cockpit.trendChartLabel", { subject: trend.subject, line: lineName })}
          onClick={() => onDrill({ kind: "target", id: trend.targetId })}
          testId="chart-trend"
        />
      ) : chosen === null ? (
        <Empty description={t("cockpit.trendEmpty")} />
      ) : (
        <Skeleton.Node active className="chart-skeleton" style={{ width: "100%", height: 260 }} />
      )}
    </>
  );
}

function CockpitSkeleton() {
  // The same boxes, at the same sizes, as the page once loaded: nothing moves when the data comes.
  return (
    <div className="cockpit-grid" data-testid="cockpit-skeleton">
      <section className="cockpit-card cockpit-headline">
        <Skeleton active title paragraph={{ rows: 3 }} />
      </section>
      <section className="cockpit-card cockpit-overview">
        <Skeleton.Node active style={{ width: "100%", height: 150 }} />
      </section>
      {[0, 1, 2, 3].map((i) => (
        <section key={i} className="cockpit-card">
          <Skeleton active paragraph={{ rows: 5 }} />
        </section>
      ))}
      <section className="cockpit-card cockpit-wide">
        <Skeleton.Node active style={{ width: "100%", height: 260 }} />
      </section>
    </div>
  );
}
