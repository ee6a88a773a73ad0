import { Table, type TableColumnsType } from "antd";
import { useMemo } from "react";
import type { CockpitView } from "../../../../src/contract/cockpit.ts";
import { formatShare } from "../../format/cn-number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { Drill } from "./cockpit-model.ts";
import { countShare, type RankingRow, rankingRows } from "./ranking-model.ts";

type Column = TableColumnsType<RankingRow>[number];

/** A department's place in one of the rankings; “—” where that ranking leaves it out. */
const rankColumn = (
  key: string,
  title: string,
  rank: (r: RankingRow) => number | null | undefined,
  width = 84,
): Column => ({ title, key, width, className: "num", render: (_, r) => rank(r) ?? "—" });

/** “2/3（67%）” of one of the rankings: how many of those due, of how many, and the share. */
const shareColumn = (
  key: string,
  title: string,
  part: (r: RankingRow) => [done: number, due: number, share: number | null] | null,
): Column => ({
  title,
  key,
  className: "num",
  render: (_, r) => {
    const p = part(r);
    return p ? countShare(p[0], p[1], p[2], formatShare) : "—";
  },
});

/**
 * 单位排名: each department on its targets (completion index, reports on time) and on the tasks it leads
 * (签收 within the working-day limit, progress reports on time, completion); a click opens its targets.
 */
export function CockpitRanking({ view, onDrill }: { view: CockpitView; onDrill: (drill: Drill) => void }) {
  const { t, lang } = useI18n();
  const rows = useMemo(
    () => rankingRows(view.rankings, view.taskRankings),
    [view.rankings, view.taskRankings],
  );
  const drill = (r: RankingRow) =>
    onDrill({ kind: "department", id: r.department.id, title: r.department.name });
  return (
    <section className="cockpit-card cockpit-wide" aria-labelledby="ck-ranking">
      <h2 id="ck-ranking">{t("cockpit.ranking")}</h2>
      {view.rankings.length > 0 ? (
        <p className="muted small" data-testid="ranking-criteria">
          {t("cockpit.rankingCriteria")}
        </p>
      ) : null}
      {view.taskRankings.length > 0 ? <p className="muted small">{t("cockpit.taskRankingHint")}</p> : null}
      <Table<RankingRow>
        size="small"
        rowKey={(r) => r.department.id}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1160 }}
        locale={{ emptyText: t("cockpit.rankingEmpty") }}
        data-testid="cockpit-ranking"
        onRow={(r) => ({ onClick: () => drill(r), className: "clickable-row" })}
        columns={[
          rankColumn("rank", t("cockpit.rank"), (r) => r.targets?.rank, 64),
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
            title: t("cockpit.rankReason"),
            key: "rankReason",
            width: 260,
            render: (_, r) =>
              r.targets ? (
                <span className="small" data-testid="rank-reason">
                  {lang === "zh-CN" ? r.targets.rankReason.zh : r.targets.rankReason.en}
                </span>
              ) : (
                "—"
              ),
          },
          {
            title: t("cockpit.completionIndex"),
            key: "completion",
            className: "num",
            render: (_, r) => (r.targets ? formatShare(r.targets.completionIndex) : "—"),
          },
          shareColumn("onTime", t("cockpit.onTime"), (r) =>
            r.targets ? [r.targets.reportsOnTime, r.targets.reportsDue, r.targets.onTimeRate] : null,
          ),
          rankColumn("onTimeRank", t("cockpit.onTimeRank"), (r) => r.targets?.onTimeRank),
          shareColumn("taskAck", t("cockpit.taskAcknowledged"), (r) =>
            r.tasks ? [r.tasks.acknowledgedOnTime, r.tasks.acknowledgeDue, r.tasks.acknowledgeRate] : null,
          ),
          shareColumn("taskReports", t("cockpit.taskReports"), (r) =>
            r.tasks ? [r.tasks.reportsOnTime, r.tasks.reportsDue, r.tasks.reportRate] : null,
          ),
          shareColumn("taskCompletion", t("cockpit.taskCompletion"), (r) =>
            r.tasks ? [r.tasks.closed, r.tasks.assigned - r.tasks.stopped, r.tasks.completionRate] : null,
          ),
          rankColumn("taskCompletionRank", t("cockpit.taskCompletionRank"), (r) => r.tasks?.completionRank),
        ]}
      />
    </section>
  );
}
