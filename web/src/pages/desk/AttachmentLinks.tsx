import type { AttachmentView } from "../../../../src/contract/reports.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** Links that download the files (证明材料) through the report's attachment route. */
export function AttachmentLinks({ files }: { files: readonly AttachmentView[] }) {
  const { t } = useI18n();
  return (
    <div className="small tw-attachment-links">
      <span className="muted">{t("taskw.files.label")}</span>
      <ul>
        {files.map((f) => (
          <li key={f.id}>
            <a
              href={`/api/reports/${f.reportId}/attachments/${f.id}`}
              download={f.fileName}
              data-testid="attachment-link"
            >
              {f.fileName}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
