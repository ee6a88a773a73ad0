import { useMemo } from "react";
import type { FiveYearIndicatorView } from "../../../../src/contract/five-year.ts";
import { EChart } from "../../charts/EChart.tsx";
import { fiveYearOption } from "../../charts/five-year-charts.ts";
import { AttributeTag } from "../../components/AttributeTag.tsx";
import { formatCnQuantity } from "../../format/cn-number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { lightClass } from "./five-year-model.ts";

/** One indicator on the cockpit: name, 属性, judgement, the working sentence and a small chart. */
export function IndicatorCard({
  indicator: ind,
  asOfYear,
  onOpen,
}: {
  indicator: FiveYearIndicatorView;
  asOfYear: number;
  onOpen: (targetId: number) => void;
}) {
  const { t, lang } = useI18n();
  const labels = useChartLabels();
  const option = useMemo(
    () => fiveYearOption(ind, asOfYear, labels, lang, { compact: true }),
    [ind, asOfYear, labels, lang],
  );
  const target = ind.targetLevel ?? ind.targetValue;
  return (
    <article
      className={`cockpit-card fy-card ${lightClass(ind.light)}`}
      data-testid="fy-indicator"
      data-target-id={ind.targetId}
      data-judgement={ind.judgement}
      data-attribute={ind.attribute}
    >
      <header className="fy-card-head">
        <h3 className="fy-card-name">{ind.name}</h3>
        <AttributeTag attribute={ind.attribute} />
        <span className={`fy-tag ${lightClass(ind.light)}`}>{t(`fy.judgement.${ind.judgement}`)}</span>
      </header>
      <p className="fy-card-figures small">
        <span className="num">
          {ind.judgedYear !== null && ind.judgedValue !== null
            ? t("fy.latest", {
                year: ind.judgedYear,
                value: formatCnQuantity(ind.judgedValue, ind.unit, null, lang),
              })
            : t("fy.noValue", { year: ind.baselineYear })}
        </span>
        {target !== null ? (
          <span className="muted num">
            {t("fy.targetShort", {
              year: ind.targetYear,
              value: formatCnQuantity(target, ind.unit, null, lang),
            })}
          </span>
        ) : null}
      </p>
      {ind.problem ? (
        <p className="small fy-problem">{t("fy.problem", { problem: ind.problem })}</p>
      ) : (
        <p className="small fy-working" data-testid="fy-working">
          {ind.working}
        </p>
      )}
      <EChart
        option={option}
        height={96}
        label={t("fy.chartLabel", { name: ind.name })}
        onClick={() => onOpen(ind.targetId)}
        testId="fy-chart"
      />
      <button
        type="button"
        className="link-button small fy-open"
        onClick={() => onOpen(ind.targetId)}
        data-testid="fy-indicator-open"
      >
        {t("fy.detail")}
      </button>
    </article>
  );
}

/** The chart's series names in the reader's language, one object per language (stable for memos). */
export function useChartLabels() {
  const { t } = useI18n();
  return useMemo(() => ({ actual: t("fy.actual"), path: t("fy.path"), projection: t("fy.projection") }), [t]);
}
