import { BellOutlined } from "@ant-design/icons";
import { Button } from "antd";
import type { ReminderView } from "../../../../src/contract/reminders.ts";
import { useMarkReminderRead } from "../../api/monitoring-queries.ts";
import { formatDateTime } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** The reminders (催报) the department received and has not yet acknowledged. */
export function RemindersCard({ reminders }: { reminders: ReminderView[] }) {
  const { t } = useI18n();
  const markRead = useMarkReminderRead();
  const unread = reminders.filter((r) => r.readAt === null);
  if (unread.length === 0) return null;
  return (
    <section className="reminders" data-testid="reminders" aria-label={t("desk.reminders")}>
      <h2 className="reminders-title">
        <BellOutlined aria-hidden="true" /> {t("desk.reminders")}
      </h2>
      <ul>
        {unread.map((r) => (
          <li key={r.id} data-testid="reminder">
            <div className="reminder-message">{r.message}</div>
            <div className="reminder-meta small muted">
              {t("desk.reminderFrom", {
                name: r.sentBy?.displayName ?? t("audit.system"),
                time: formatDateTime(r.sentAt),
              })}
              <Button
                size="small"
                type="link"
                loading={markRead.isPending && markRead.variables === r.id}
                onClick={() => markRead.mutate(r.id)}
                data-testid="reminder-read"
              >
                {t("desk.reminderRead")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
