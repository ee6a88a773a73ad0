import { RightOutlined } from "@ant-design/icons";
import { Tag } from "antd";
import { Link } from "react-router";
import type { DueItem } from "../../../../src/contract/reminders.ts";
import { targetLine } from "../../format/target-name.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { deskPath } from "./report-model.ts";

const STATE_COLOR: Record<DueItem["state"], string> = {
  overdue: "red",
  returned: "orange",
  draft: "blue",
  due: "default",
};

/** One report owed: what, for which period, by when; the whole card opens the form. */
export function DueCard({ item, showPlan }: { item: DueItem; showPlan: boolean }) {
  const { t, lang } = useI18n();
  const ext = item.extension;
  const when =
    item.state === "overdue"
      ? t("desk.daysOver", { count: Math.abs(item.daysLeft) })
      : item.daysLeft === 0
        ? t("desk.dueToday")
        : item.daysLeft > 0
          ? t("desk.daysLeft", { count: item.daysLeft })
          : null;
  return (
    <li
      className={`due-card due-${item.state}`}
      data-testid="due-item"
      data-subject-kind={item.subject.kind}
      data-subject-id={item.subject.id}
      data-period={item.period.key}
      data-state={item.state}
    >
      <Link to={deskPath(item)} className="due-link" aria-label={`${t("desk.open")} ${item.subject.title}`}>
        <div className="due-main">
          {showPlan ? <div className="due-plan small muted">{item.planTitle}</div> : null}
          <div className="due-title">{item.subject.title}</div>
          {targetLine(item.subject, lang) ? (
            <div className="due-display muted small">{targetLine(item.subject, lang)}</div>
          ) : null}
          <div className="due-meta small">
            <Tag color={STATE_COLOR[item.state]} variant="filled">
              {t(`desk.state.${item.state}`)}
            </Tag>
            <span className="num">{item.period.key}</span>
            <span className="muted num">{t("desk.dueOn", { date: item.dueDate })}</span>
            {when ? <span className={item.state === "overdue" ? "danger" : "muted"}>{when}</span> : null}
          </div>
          {ext ? (
            <div className="due-ext small muted">
              {ext.state === "pending"
                ? t("desk.extension.pending", { date: ext.requestedDueDate })
                : ext.state === "granted"
                  ? t("desk.extension.granted", { date: ext.requestedDueDate })
                  : t("desk.extension.refused")}
            </div>
          ) : null}
        </div>
        <RightOutlined className="due-arrow muted" aria-hidden="true" />
      </Link>
    </li>
  );
}
