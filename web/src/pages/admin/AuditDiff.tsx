import type { AuditChangeView, AuditEntryView } from "../../../../src/contract/audit.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** Every changed field of one entry in words: 字段 — 修改前 — 修改后 (the server words them). */
export function AuditDiff({ entry }: { entry: AuditEntryView }) {
  const { t } = useI18n();
  if (entry.changes.length === 0) return <div className="muted small">{t("audit.diff.none")}</div>;
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
          {entry.changes.map((c) => (
            <tr
              key={c.field}
              className={`diff-${c.before === null ? "added" : c.after === null ? "removed" : "changed"}`}
            >
              <th scope="row">{c.label}</th>
              <td className="diff-before">{c.before === null ? null : <del>{c.before}</del>}</td>
              <td className="diff-after">{c.after === null ? null : <ins>{c.after}</ins>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One change as a line: 牵头单位：区人社局 → 区教育局 (a field that is new: 字段：值). */
export function changeText(c: AuditChangeView, t: ReturnType<typeof useI18n>["t"]): string {
  if (c.before === null)
    return t("audit.change.added", { field: c.label, after: c.after ?? t("audit.change.none") });
  return t("audit.change.line", {
    field: c.label,
    before: c.before,
    after: c.after ?? t("audit.change.none"),
  });
}
