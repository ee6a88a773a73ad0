import { Table } from "antd";
import { useMemo } from "react";
import type { CockpitView } from "../../../../src/contract/cockpit.ts";
import { formatShare } from "../../format/cn-number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { Drill } from "./cockpit-model.ts";
import { countShare, type RankingRow, rankingRows } from "./ranking-model.ts";

/**
 * 单位排名: each department on its targets (completion index, reports on time) and on the tasks it leads
 * (签收 within the working-day limit, progress reports on time, completion); a click opens its targets.
 */
export function CockpitRanking({ view, onDrill }: { view: CockpitView; onDrill: (drill: Drill) => void }) {
  const { t } = useI18n();
  const rows = useMemo(
    () => rankingRows(view.rankings, view.taskRankings),
    [view.rankings, view.taskRankings],
  );
  const drill = (r: RankingRow) =>
    onDrill({ kind: "department", id: r.department.id, title: r.department.name });
  return (
    <section className="cockpit-card cockpit-wide" aria-labelledby="ck-ranking">
      <h2 id="ck-ranking">{t("cockpit.ranking")}</h2>
      {view.taskRankings.length > 0 ? <p className="muted small">{t("cockpit.taskRankingHint")}</p> : null}
      <Table<RankingRow>
        size="small"
        rowKey={(r) => r.department.id}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t("cockpit.rankingEmpty") }}
        data-testid="cockpit-ranking"
        onRow={(r) => ({ onClick: () => drill(r), className: "clickable-row" })}
        columns={[
          {
            title: t("cockpit.rank"),
            key: "rank",
            width: 64,
            className: "num",
            render: (_, r) => r.targets?.completionRank ?? "—",
          },
          {
            title: t("cockpit.department"),
            key: "department",
            render: (_, r) => (
              <button
                type="button"
                className="link-button"
                onClick={(e) => {
                  e.stopPropagation();
                  drill(r);
                }}
              >
                {r.department.name}
              </button>
            ),
          },
          {
            title: t("cockpit.completionIndex"),
            key: "completion",
            className: "num",
            render: (_, r) => (r.targets ? formatShare(r.targets.completionIndex) : "—"),
          },
          {
            title: t("cockpit.onTime"),
            key: "onTime",
            className: "num",
            render: (_, r) =>
              r.targets
                ? countShare(r.targets.reportsOnTime, r.targets.reportsDue, r.targets.onTimeRate, formatShare)
                : "—",
          },
          {
            title: t("cockpit.onTimeRank"),
            key: "onTimeRank",
            width: 84,
            className: "num",
            render: (_, r) => r.targets?.onTimeRank ?? "—",
          },
          {
            title: t("cockpit.taskAcknowledged"),
            key: "taskAck",
            className: "num",
            render: (_, r) =>
              r.tasks
                ? countShare(
                    r.tasks.acknowledgedOnTime,
                    r.tasks.acknowledgeDue,
                    r.tasks.acknowledgeRate,
                    formatShare,
                  )
                : "—",
          },
          {
            title: t("cockpit.taskReports"),
            key: "taskReports",
            className: "num",
            render: (_, r) =>
              r.tasks
                ? countShare(r.tasks.reportsOnTime, r.tasks.reportsDue, r.tasks.reportRate, formatShare)
                : "—",
          },
          {
            title: t("cockpit.taskCompletion"),
            key: "taskCompletion",
            className: "num",
            render: (_, r) =>
              r.tasks
                ? countShare(
                    r.tasks.closed,
                    r.tasks.assigned - r.tasks.stopped,
                    r.tasks.completionRate,
                    formatShare,
                  )
                : "—",
          },
          {
            title: t("cockpit.taskCompletionRank"),
            key: "taskCompletionRank",
            width: 84,
            className: "num",
            render: (_, r) => r.tasks?.completionRank ?? "—",
          },
        ]}
      />
    </section>
  );
}
