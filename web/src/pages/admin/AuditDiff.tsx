import type { AuditEntryView } from "../../../../src/contract/audit.ts";
import { diffValues, showValue } from "../../format/diff.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** Before and after of one entry, field by field: removed in red, added in green, unchanged folded. */
export function AuditDiff({ entry }: { entry: AuditEntryView }) {
  const { t } = useI18n();
  const rows = diffValues(entry.before, entry.after);
  const changed = rows.filter((r) => r.kind !== "same");
  const same = rows.length - changed.length;
  if (changed.length === 0) return <div className="muted small">{t("audit.diff.none")}</div>;
  return (
    <div className="audit-diff" data-testid="audit-diff">
      <table>
        <thead>
          <tr>
            <th>{t("audit.diff.field")}</th>
            <th>{t("audit.diff.before")}</th>
            <th>{t("audit.diff.after")}</th>
          </tr>
        </thead>
        <tbody>
          {changed.map((r) => (
            <tr key={r.path} className={`diff-${r.kind}`}>
              <th scope="row" className="mono">
                {r.path || "·"}
              </th>
              <td className="diff-before">{r.kind === "added" ? null : <del>{showValue(r.before)}</del>}</td>
              <td className="diff-after">{r.kind === "removed" ? null : <ins>{showValue(r.after)}</ins>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {same > 0 ? <div className="muted small">{t("audit.diff.same", { count: same })}</div> : null}
    </div>
  );
}

/** One line for the table cell: the changed fields' names. */
export function diffSummary(entry: AuditEntryView): string[] {
  return diffValues(entry.before, entry.after)
    .filter((r) => r.kind !== "same")
    .map((r) => r.path);
}
