import { Popover } from "antd";
import type { TargetStatusView } from "../../../../src/contract/status.ts";
import { formatQuantity } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { percent, phraseOf, points, STATUS_CLASS } from "./status-model.ts";

/** A target's status in its colour with the schedule phrase; a click opens the working behind it. */
export function StatusTag({ status, compact = false }: { status: TargetStatusView; compact?: boolean }) {
  const { t, lang } = useI18n();
  const e = status.evaluation;
  const phrase = phraseOf(e, lang);
  return (
    <Popover
      trigger="click"
      placement="left"
      title={`${t("status.working")} · ${status.subject}`}
      content={<Working status={status} />}
    >
      <button
        type="button"
        className="status-cell"
        aria-label={`${t(`status.${e.status}`)}${phrase ? `，${phrase}` : ""} — ${t("status.open")}`}
        data-testid="target-status"
        data-target-id={status.targetId}
        data-status={e.status}
        onClick={(ev) => ev.stopPropagation()}
      >
        <span className={`status-tag ${STATUS_CLASS[e.status]}`}>{t(`status.${e.status}`)}</span>
        {phrase && !compact ? <span className="status-phrase small">{phrase}</span> : null}
      </button>
    </Popover>
  );
}

function Working({ status }: { status: TargetStatusView }) {
  const { t, lang } = useI18n();
  const e = status.evaluation;
  const w = e.working;
  const qty = (v: number | null) => (v === null ? null : formatQuantity(v, status.unit, status.displayUnit));
  const rows: [string, string | null][] = [
    [t("status.w.period"), e.period?.key ?? w.period],
    [t("status.w.reported"), qty(w.reported)],
    [t("status.w.target"), w.target2 !== null ? `${qty(w.target)}–${qty(w.target2)}` : qty(w.target)],
    [t("status.w.baseline"), qty(w.baseline)],
    [t("status.w.completion"), percent(e.completion)],
    [
      t("status.w.expected"),
      percent(w.expectedShare ?? e.expectedShare) === null
        ? null
        : `${percent(w.expectedShare ?? e.expectedShare)}${w.expectedFrom === "planned" ? t("status.w.expectedPlanned") : ""}`,
    ],
    [
      t("status.w.gap"),
      points(e.gapPoints) === null ? null : t("status.w.points", { value: points(e.gapPoints) ?? "" }),
    ],
    [
      t("status.w.threshold"),
      w.threshold === null
        ? null
        : w.rule === "schedule"
          ? t("status.w.points", { value: w.threshold })
          : percent(w.threshold),
    ],
  ];
  return (
    <div className="status-working" data-testid="status-working">
      <p className="status-working-text">{lang === "zh-CN" ? w.zh : w.en}</p>
      <dl>
        {rows
          .filter((r): r is [string, string] => r[1] !== null)
          .map(([label, value]) => (
            <div key={label} className="status-working-row">
              <dt className="muted">{label}</dt>
              <dd className="num">{value}</dd>
            </div>
          ))}
      </dl>
    </div>
  );
}
