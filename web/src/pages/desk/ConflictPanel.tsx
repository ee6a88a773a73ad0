import { Alert, Button } from "antd";
import type { ReportRevisionView, ReportSubjectRef } from "../../../../src/contract/reports.ts";
import { formatDateTime } from "../../format/number.ts";
import { compareRevisions } from "../../format/revision-fields.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { Conflict } from "./report-model.ts";

type Content = Pick<
  ReportRevisionView,
  "value" | "percent" | "statusWord" | "progress" | "problems" | "nextSteps"
>;

interface Props {
  conflict: Conflict;
  mine: Content;
  subject: ReportSubjectRef;
  onReapply: () => void;
  onTakeTheirs: () => void;
}

/** A save refused because someone saved first: their revision beside the user's unsaved changes. */
export function ConflictPanel({ conflict, mine, subject, onReapply, onTakeTheirs }: Props) {
  const { t } = useI18n();
  const rows = compareRevisions(conflict.latest, mine, subject);
  return (
    <Alert
      type="error"
      showIcon
      className="report-alert conflict"
      data-testid="report-conflict"
      title={t("report.conflictTitle")}
      description={
        <>
          <p>
            {t("report.conflictBody", {
              name: conflict.latest.author?.displayName ?? "—",
              time: formatDateTime(conflict.latest.createdAt),
              revision: conflict.latestRevision,
            })}
          </p>
          <table className="compare-table small">
            <thead>
              <tr>
                <th scope="col">{t("report.conflictField")}</th>
                <th scope="col">{t("report.conflictTheirs")}</th>
                <th scope="col">{t("report.conflictMine")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.field} className={r.changed ? "changed" : undefined}>
                  <th scope="row">{t(`field.${r.field}`)}</th>
                  <td data-testid={`conflict-theirs-${r.field}`}>{r.before || t("common.none")}</td>
                  <td>{r.after || t("common.none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="conflict-actions">
            <Button type="primary" size="small" onClick={onReapply} data-testid="report-reapply">
              {t("report.reapply")}
            </Button>
            <Button size="small" onClick={onTakeTheirs} data-testid="report-take-theirs">
              {t("report.takeTheirs")}
            </Button>
          </div>
        </>
      }
    />
  );
}
