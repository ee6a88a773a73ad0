import type { UseQueryResult } from "@tanstack/react-query";
import { DatePicker, Tag, Tooltip } from "antd";
import dayjs from "dayjs";
import type { PlanStatusView } from "../../../../src/contract/status.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { percent, STATUS_CLASS, STATUS_ORDER } from "./status-model.ts";

interface Props {
  query: UseQueryResult<PlanStatusView>;
  /** null: the server's default (today; a demo plan's demo date). */
  asOf: string | null;
  onAsOf: (date: string | null) => void;
}

/** The plan's progress as of a date: counts by status, the completion index, 示例数据 for the demo. */
export function StatusBar({ query, asOf, onAsOf }: Props) {
  const { t } = useI18n();
  const view = query.data;
  return (
    <div className="status-bar" data-testid="status-bar">
      <span className="status-bar-title">{t("status.title")}</span>
      <span className="status-asof">
        <label className="muted small" htmlFor="status-asof">
          {t("status.asOf")}
        </label>
        <DatePicker
          id="status-asof"
          size="small"
          allowClear
          value={asOf ? dayjs(asOf) : view ? dayjs(view.asOf) : null}
          placeholder={t("status.asOfDefault")}
          onChange={(d) => onAsOf(d ? d.format("YYYY-MM-DD") : null)}
          data-testid="status-asof"
        />
      </span>
      {view ? (
        <>
          <span className="muted small num">
            {view.period ? t("status.period", { period: view.period.key }) : t("status.noPeriod")}
          </span>
          <span className="status-counts" data-testid="status-counts">
            {STATUS_ORDER.map((s) => (
              <span key={s} className="status-count small" data-status={s}>
                <span className={`status-dot ${STATUS_CLASS[s]}`} aria-hidden="true" />
                {t(`status.${s}`)} <span className="num strong">{view.plan.counts[s] ?? 0}</span>
              </span>
            ))}
          </span>
          {percent(view.plan.completionIndex) ? (
            <span className="small">
              {t("status.completionIndex", { value: percent(view.plan.completionIndex) ?? "" })}
            </span>
          ) : null}
          {view.demo ? (
            <Tooltip title={t("status.demoHint")}>
              <Tag color="purple" data-testid="demo-data">
                {t("status.demo")}
              </Tag>
            </Tooltip>
          ) : null}
        </>
      ) : query.isError ? (
        <span className="muted small" data-testid="status-error">
          {t("status.loadError", { message: errorMessage(query.error, t) })}
        </span>
      ) : null}
    </div>
  );
}
