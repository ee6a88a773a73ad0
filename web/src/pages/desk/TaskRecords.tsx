import { Button, Timeline } from "antd";
import { useState } from "react";
import type { TaskDetailView } from "../../../../src/contract/tasks.ts";
import { formatDateTime } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { AdjustmentCard } from "../review/AdjustmentCard.tsx";
import { local } from "../tasks/task-model.ts";
import { AttachmentLinks } from "./AttachmentLinks.tsx";

const REPORTS_SHOWN = 3;
const HISTORY_SHOWN = 6;

/** What the task has on record: progress reports with their files, adjustments, and every step. */
export function TaskRecords({ task }: { task: TaskDetailView }) {
  const { t, lang } = useI18n();
  const [allReports, setAllReports] = useState(false);
  const [allHistory, setAllHistory] = useState(false);
  const sorted = [...task.progressReports].sort((a, b) => b.on.localeCompare(a.on) || b.id - a.id);
  // On a phone a year of monthly reports is a long scroll: the latest first, the rest on demand.
  const reports = allReports ? sorted : sorted.slice(0, REPORTS_SHOWN);
  const history = allHistory ? task.history : task.history.slice(-HISTORY_SHOWN);
  const canDecide = task.actions.includes("decide_adjustment");
  return (
    <>
      <section className="tw-task-section" aria-labelledby="tw-reports" data-testid="task-reports">
        <h2 id="tw-reports" className="tw-desk-section-title">
          {t("taskw.reports.title")}
        </h2>
        {reports.length === 0 ? (
          <p className="muted small">{t("taskw.reports.empty")}</p>
        ) : (
          <ol className="tw-task-reports">
            {reports.map((r) => (
              <li key={r.id} className="tw-task-report" data-testid="task-report" data-report-id={r.id}>
                <div className="small muted tw-task-report-meta">
                  <span className="num">{r.period}</span>
                  <span className="num">{r.on}</span>
                  <span>{r.by.displayName}</span>
                  {r.percent !== null ? (
                    <span className="num">{t("taskw.card.percent", { percent: r.percent })}</span>
                  ) : null}
                </div>
                <ReportText label={t("taskw.progress.progress")} text={r.progress} />
                <ReportText label={t("taskw.progress.problems")} text={r.problems} />
                <ReportText label={t("taskw.progress.nextSteps")} text={r.nextSteps} />
                {r.milestonesDone.length > 0 ? (
                  <p className="small">
                    {t("taskw.reports.milestonesDone", {
                      names: r.milestonesDone
                        .map((m) => t("taskw.reports.milestoneDone", { name: m.name, date: m.doneOn }))
                        .join(t("taskw.listSeparator")),
                    })}
                  </p>
                ) : null}
                {r.attachments.length > 0 ? <AttachmentLinks files={r.attachments} /> : null}
              </li>
            ))}
          </ol>
        )}
        {sorted.length > REPORTS_SHOWN ? (
          <MoreButton
            open={allReports}
            onToggle={() => setAllReports((v) => !v)}
            more={t("taskw.reports.all", { count: sorted.length })}
            less={t("taskw.reports.latest", { count: REPORTS_SHOWN })}
          />
        ) : null}
      </section>

      {task.adjustments.length > 0 ? (
        <section className="tw-task-section" aria-labelledby="tw-adjust" data-testid="task-adjustments">
          <h2 id="tw-adjust" className="tw-desk-section-title">
            {t("taskw.adjustments.title")}
          </h2>
          <div className="tw-adjustment-list">
            {task.adjustments.map((a) => (
              <AdjustmentCard key={a.id} adjustment={a} planId={task.planId} canDecide={canDecide} />
            ))}
          </div>
        </section>
      ) : null}

      <section className="tw-task-section" aria-labelledby="tw-history" data-testid="task-history">
        <h2 id="tw-history" className="tw-desk-section-title">
          {t("taskw.history.title")}
        </h2>
        {task.history.length === 0 ? (
          <p className="muted small">{t("taskw.history.empty")}</p>
        ) : (
          <Timeline
            className="tw-task-history"
            items={history.map((h, i) => ({
              key: `${h.at}-${i}`,
              content: (
                <div className="small">
                  <div>
                    <strong>
                      {h.action === "assign" ? t("taskw.history.assign") : t(`taskw.action.${h.action}`)}
                    </strong>
                    {h.action === "assign" ? null : (
                      <span className="muted"> · {t(`taskw.state.${h.to}`)}</span>
                    )}
                  </div>
                  <div>{local(h.summary, lang)}</div>
                  <div className="muted num">
                    {formatDateTime(h.at)}
                    {h.by ? ` · ${h.by.displayName}` : ""}
                  </div>
                </div>
              ),
            }))}
          />
        )}
        {task.history.length > HISTORY_SHOWN ? (
          <MoreButton
            open={allHistory}
            onToggle={() => setAllHistory((v) => !v)}
            more={t("taskw.history.all", { count: task.history.length })}
            less={t("taskw.history.latest", { count: HISTORY_SHOWN })}
          />
        ) : null}
      </section>
    </>
  );
}

function ReportText({ label, text }: { label: string; text: string | null }) {
  if (!text) return null;
  return (
    <div className="tw-task-report-field">
      <span className="small muted">{label}</span>
      <p className="tw-pre-wrap">{text}</p>
    </div>
  );
}

function MoreButton({
  open,
  onToggle,
  more,
  less,
}: {
  open: boolean;
  onToggle: () => void;
  more: string;
  less: string;
}) {
  return (
    <Button type="link" className="tw-task-unfold" aria-expanded={open} onClick={onToggle}>
      {open ? less : more}
    </Button>
  );
}
