import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Dropdown, Empty, Select, Skeleton, Tag, Tooltip } from "antd";
import { useMemo, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { FiveYearView, Judgement } from "../../../../src/contract/five-year.ts";
import { isApiError } from "../../api/client.ts";
import { midtermUrl } from "../../api/five-year-api.ts";
import { useFiveYear } from "../../api/five-year-queries.ts";
import { useCurrentUser } from "../../api/session.ts";
import { can } from "../../auth/access.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { FiveYearTasks } from "./FiveYearTasks.tsx";
import {
  groupIndicators,
  JUDGEMENT_ORDER,
  mayEnterValues,
  periodYears,
  yearParam,
} from "./five-year-model.ts";
import { IndicatorCard } from "./IndicatorCard.tsx";
import { IndicatorDrawer } from "./IndicatorDrawer.tsx";
import { YearlyValuesImportModal } from "./YearlyValuesImportModal.tsx";
import "../cockpit/cockpit.css";
import "./five-year.css";

/**
 * The five-year cockpit (五年规划实施评估) as of a year: the main indicators grouped by judgement,
 * 约束性 first, each with its working and chart; an indicator opens its yearly values and the annual
 * targets linked to it; then the plan's tasks and projects.
 */
export function FiveYearPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const raw = useParams().id ?? "";
  const planId = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  const [search, setSearch] = useSearchParams();
  // The year lives in the address, so the evaluation as of a year can be sent as a link.
  const year = yearParam(search.get("year"));
  const query = useFiveYear(planId, year);
  const [open, setOpen] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const user = useCurrentUser();
  const mayEdit = can(user?.role, "plans.edit");
  const mayEnter = mayEnterValues(user, mayEdit);

  const setYear = (next: number) => {
    const params = new URLSearchParams(search);
    params.set("year", String(next));
    setSearch(params, { replace: true });
  };

  if (!Number.isFinite(planId) || query.isError) {
    const notFound = isApiError(query.error) && [403, 404].includes(query.error.status);
    return (
      <div className="page-scroll">
        <ErrorState
          title={t("fy.loadError")}
          error={
            !Number.isFinite(planId)
              ? new Error(t("fy.badId", { id: raw }))
              : notFound
                ? new Error(t("fy.notFound", { id: planId }))
                : query.error
          }
          onRetry={Number.isFinite(planId) && !notFound ? () => void query.refetch() : undefined}
          extra={<Button onClick={() => navigate("/")}>{t("common.backToPlans")}</Button>}
        />
      </div>
    );
  }

  const view = query.data;
  const indicator = view?.indicators.find((i) => i.targetId === open) ?? null;
  return (
    <div
      className="page-scroll cockpit-page fy-page"
      data-testid="five-year-page"
      aria-busy={query.isFetching}
    >
      <header className="cockpit-header">
        <nav className="crumbs" aria-label="breadcrumb">
          <Link to="/">{t("nav.plans")}</Link>
          <span aria-hidden="true">/</span>
          {view ? <Link to={`/plans/${planId}`}>{view.plan.title}</Link> : null}
        </nav>
        <h1 className="cockpit-title">{t("fy.title")}</h1>
        {view ? (
          <span className="cockpit-asof">
            <label className="muted small" htmlFor="fy-year">
              {t("fy.asOfYear")}
            </label>
            <Select<number>
              id="fy-year"
              size="small"
              className="fy-year-pick"
              value={view.asOfYear}
              onChange={setYear}
              options={periodYears(view.plan).map((y) => ({
                value: y,
                label: t("fy.yearOption", { year: y }),
              }))}
              data-testid="fy-year"
            />
          </span>
        ) : null}
        {view ? (
          <span className="muted small num" data-testid="fy-year-shown" data-year={view.asOfYear}>
            {t("fy.period", { start: view.plan.startYear, end: view.plan.endYear })}
          </span>
        ) : null}
        {view?.demo ? (
          <Tooltip title={t("fy.demoHint")}>
            <Tag color="purple">{t("fy.demo")}</Tag>
          </Tooltip>
        ) : null}
        <span className="spacer" />
        {view ? <ExportMenu planId={planId} year={view.asOfYear} /> : null}
        {view && mayEdit ? (
          <Button
            size="small"
            icon={<UploadOutlined />}
            onClick={() => setImporting(true)}
            data-testid="fy-import"
          >
            {t("fy.import")}
          </Button>
        ) : null}
      </header>
      {view ? <FiveYearBody view={view} onOpen={setOpen} /> : <FiveYearSkeleton />}
      {view ? <FiveYearTasks view={view} /> : null}
      {view ? (
        <IndicatorDrawer
          view={view}
          indicator={indicator}
          mayEdit={mayEdit}
          mayEnter={mayEnter}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {importing && view ? (
        <YearlyValuesImportModal planId={planId} onClose={() => setImporting(false)} />
      ) : null}
    </div>
  );
}

/** The documents menu: the mid-term evaluation (中期评估) and the year's report, as 公文 in Word or PDF, as of the year shown. */
function ExportMenu({ planId, year }: { planId: number; year: number }) {
  const { t } = useI18n();
  const documents = [
    ["midterm", false, "fy.export.midterm"],
    ["midterm", true, "fy.export.midtermPdf"],
    ["yearly", false, "fy.export.yearly"],
    ["yearly", true, "fy.export.yearlyPdf"],
  ] as const;
  const items = documents.map(([kind, pdf, label]) => ({
    key: `${kind}${pdf ? "-pdf" : ""}`,
    icon: <DownloadOutlined />,
    label: (
      <a
        href={midtermUrl(planId, year, pdf, kind)}
        download
        data-testid={`fy-export-${kind}${pdf ? "-pdf" : ""}`}
      >
        {t(label)}
      </a>
    ),
  }));

  return (
    <Dropdown menu={{ items }} trigger={["click"]}>
      <Button size="small" icon={<DownloadOutlined />} data-testid="fy-export">
        {t("fy.export")}
      </Button>
    </Dropdown>
  );
}

function FiveYearBody({ view, onOpen }: { view: FiveYearView; onOpen: (targetId: number) => void }) {
  const { t } = useI18n();
  const groups = useMemo(() => groupIndicators(view.indicators), [view.indicators]);
  const binding = view.indicators.filter((i) => i.attribute === "binding").length;
  return (
    <>
      <section className="cockpit-card fy-summary" aria-labelledby="fy-summary">
        <h2 id="fy-summary">{t("fy.indicators")}</h2>
        <p className="small" data-testid="fy-summary-text">
          {t("fy.summary", { year: view.asOfYear, count: view.indicators.length, binding })}
        </p>
        <ul className="fy-counts" data-testid="fy-counts">
          {JUDGEMENT_ORDER.map((j) => (
            <li key={j}>
              <JudgementCount judgement={j} count={view.counts[j]} />
            </li>
          ))}
        </ul>
      </section>
      {view.indicators.length === 0 ? (
        <section className="cockpit-card">
          <Empty description={t("fy.noIndicators")} />
        </section>
      ) : null}
      {groups.map((g) => (
        <section
          key={g.judgement}
          id={`fy-group-${g.judgement}`}
          className={`fy-group fy-group-${g.judgement}`}
          aria-labelledby={`fy-group-title-${g.judgement}`}
          data-testid="fy-group"
          data-judgement={g.judgement}
        >
          <h2 id={`fy-group-title-${g.judgement}`} className="fy-group-title">
            <span className={`fy-dot fy-judgement-${g.judgement}`} aria-hidden="true" />
            {t(`fy.judgement.${g.judgement}`)} <span className="num muted">{g.indicators.length}</span>
          </h2>
          <div className="fy-cards">
            {g.indicators.map((ind) => (
              <IndicatorCard key={ind.targetId} indicator={ind} asOfYear={view.asOfYear} onOpen={onOpen} />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}

function JudgementCount({ judgement, count }: { judgement: Judgement; count: number }) {
  const { t } = useI18n();
  const label = (
    <>
      <span className={`fy-dot fy-judgement-${judgement}`} aria-hidden="true" />
      <span>{t(`fy.judgement.${judgement}`)}</span>
      <span className="num strong">{count}</span>
    </>
  );
  // A count with indicators takes one to its group; an empty one is only read.
  return count > 0 ? (
    <a className="fy-count" href={`#fy-group-${judgement}`} data-judgement={judgement}>
      {label}
    </a>
  ) : (
    <span className="fy-count muted" data-judgement={judgement}>
      {label}
    </span>
  );
}

function FiveYearSkeleton() {
  return (
    <div data-testid="fy-skeleton">
      <section className="cockpit-card fy-summary">
        <Skeleton active paragraph={{ rows: 2 }} />
      </section>
      <div className="fy-cards">
        {[0, 1, 2, 3].map((i) => (
          <section key={i} className="cockpit-card fy-card">
            <Skeleton active paragraph={{ rows: 4 }} />
          </section>
        ))}
      </div>
    </div>
  );
}
