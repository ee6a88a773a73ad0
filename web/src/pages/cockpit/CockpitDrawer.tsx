import { Button, Drawer, Skeleton, Table, Tag } from "antd";
import { Link } from "react-router";
import type { CockpitView } from "../../../../src/contract/cockpit.ts";
import type { TargetEvaluationView, TargetStatusView } from "../../../../src/contract/status.ts";
import { useTargetEvaluation } from "../../api/cockpit-queries.ts";
import { AttributeTag } from "../../components/AttributeTag.tsx";
import { formatCnQuantity, formatShare } from "../../format/cn-number.ts";
import { targetName } from "../../format/target-name.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { StatusTag } from "../plan/StatusTag.tsx";
import { phraseOf, STATUS_CLASS } from "../plan/status-model.ts";
import { type Drill, drillTargets, type ListDrill } from "./cockpit-model.ts";

interface Props {
  view: CockpitView;
  asOf: string | null;
  drill: Drill | null;
  onDrill: (d: Drill) => void;
  onClose: () => void;
}

/**
 * What a clicked figure stands for: the list of its targets, then one target with the working behind
 * its status and its reports period by period. "Back" returns from a target to the list it came from.
 */
export function CockpitDrawer({ view, asOf, drill, onDrill, onClose }: Props) {
  const { t } = useI18n();
  const [list, target] = splitDrill(drill);
  const title =
    drill === null
      ? ""
      : drill.kind === "target"
        ? (view.targets.find((x) => x.targetId === drill.id)?.subject ?? t("cockpit.detail"))
        : drill.kind === "status"
          ? t("cockpit.listTitleStatus", { status: t(`status.${drill.status}`) })
          : t("cockpit.listTitleGroup", { title: drill.title });
  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      size={640}
      title={title}
      destroyOnHidden
      rootClassName="cockpit-drawer"
      data-testid="cockpit-drawer"
    >
      {target !== null ? (
        <>
          {list ? (
            <Button size="small" onClick={() => onDrill(list)} className="drawer-back">
              ← {t("cockpit.back")}
            </Button>
          ) : null}
          <TargetDetail
            planId={view.planId}
            status={view.targets.find((x) => x.targetId === target) ?? null}
            targetId={target}
            asOf={asOf}
          />
        </>
      ) : list ? (
        <TargetList
          targets={drillTargets(view, list)}
          onOpen={(id) => onDrill({ kind: "target", id, from: list })}
        />
      ) : null}
    </Drawer>
  );
}

/** The list shown (or the list a target was opened from, for "back") and the target shown. */
function splitDrill(drill: Drill | null): [ListDrill | null, number | null] {
  if (drill === null) return [null, null];
  if (drill.kind === "target") return [drill.from ?? null, drill.id];
  return [drill, null];
}

function TargetList({ targets, onOpen }: { targets: TargetStatusView[]; onOpen: (id: number) => void }) {
  const { t, lang } = useI18n();
  if (targets.length === 0) return <p className="muted">{t("cockpit.listEmpty")}</p>;
  return (
    <ul className="drill-list" data-testid="drill-list">
      {targets.map((v) => (
        <li key={v.targetId}>
          <button
            type="button"
            className="lagging-item"
            onClick={() => onOpen(v.targetId)}
            data-target-id={v.targetId}
          >
            <span className="lagging-subject">
              <span className={`status-tag ${STATUS_CLASS[v.evaluation.status]}`}>
                {t(`status.${v.evaluation.status}`)}
              </span>{" "}
              {targetName(v, lang)} <AttributeTag attribute={v.attribute} />
            </span>
            <span className="small muted">{v.department?.name ?? t("cockpit.department.none")}</span>
            <span className="small">
              {v.value === null ? "—" : formatCnQuantity(v.value, v.unit, v.displayUnit, lang)}{" "}
              {phraseOf(v.evaluation, lang) ?? ""}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

type PeriodRow = TargetEvaluationView["periods"][number];

function TargetDetail({
  planId,
  status,
  targetId,
  asOf,
}: {
  planId: number;
  status: TargetStatusView | null;
  targetId: number;
  asOf: string | null;
}) {
  const { t, lang } = useI18n();
  const evaluation = useTargetEvaluation(targetId, asOf);
  const current = evaluation.data?.target ?? status;
  const rows = (evaluation.data?.periods ?? []).filter((p) => p.report !== null).reverse();
  const qty = (v: number | null | undefined) =>
    current ? formatCnQuantity(v ?? null, current.unit, current.displayUnit, lang) : "—";
  return (
    <div className="target-detail" data-testid="cockpit-target" data-target-id={targetId}>
      {current ? (
        <>
          <div className="target-detail-head">
            <span className="strong">{targetName(current, lang)}</span>
            <StatusTag status={current} />
            <span className="muted small">{current.department?.name ?? t("cockpit.department.none")}</span>
          </div>
          <h3 className="small">{t("cockpit.working")}</h3>
          <div className="cockpit-working" data-testid="cockpit-working">
            <p>{lang === "zh-CN" ? current.evaluation.working.zh : current.evaluation.working.en}</p>
            <dl>
              <div>
                <dt className="muted small">{t("status.w.reported")}</dt>
                <dd className="num">{qty(current.evaluation.working.reported)}</dd>
              </div>
              <div>
                <dt className="muted small">{t("status.w.target")}</dt>
                <dd className="num">{qty(current.evaluation.working.target)}</dd>
              </div>
              <div>
                <dt className="muted small">{t("status.w.completion")}</dt>
                <dd className="num">{formatShare(current.evaluation.completion)}</dd>
              </div>
              <div>
                <dt className="muted small">{t("status.w.expected")}</dt>
                <dd className="num">{formatShare(current.evaluation.expectedShare)}</dd>
              </div>
            </dl>
          </div>
        </>
      ) : null}
      <h3 className="small">{t("cockpit.reports")}</h3>
      {evaluation.isError ? (
        <p className="muted">{t("cockpit.reportsError", { message: String(evaluation.error.message) })}</p>
      ) : !evaluation.data ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <Table<PeriodRow>
          size="small"
          rowKey={(r) => r.period.key}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t("cockpit.reportsEmpty") }}
          data-testid="cockpit-reports"
          expandable={{
            defaultExpandedRowKeys: rows[0] ? [rows[0].period.key] : [],
            expandedRowRender: (r) => <ReportTexts row={r} />,
          }}
          columns={[
            { title: t("cockpit.col.period"), key: "period", render: (_, r) => r.period.key },
            {
              title: t("cockpit.col.value"),
              key: "value",
              className: "num",
              render: (_, r) => {
                const rev = r.report?.approved ?? r.report?.latest;
                const v = current?.kind === "milestone" ? (rev?.percent ?? rev?.value) : rev?.value;
                return current?.kind === "milestone"
                  ? v === null || v === undefined
                    ? "—"
                    : `${v}%`
                  : qty(v);
              },
            },
            {
              title: t("cockpit.col.state"),
              key: "state",
              render: (_, r) =>
                r.report ? (
                  <>
                    <Tag>{t(`reportState.${r.report.state}`)}</Tag>
                    {r.report.late ? <Tag color="orange">{t("cockpit.late")}</Tag> : null}
                  </>
                ) : null,
            },
            {
              title: t("cockpit.col.status"),
              key: "status",
              render: (_, r) =>
                current ? <StatusTag status={{ ...current, evaluation: r.evaluation }} compact /> : null,
            },
          ]}
        />
      )}
      <p>
        <Link to={`/plans/${planId}`}>{t("cockpit.openPlan")}</Link>
      </p>
    </div>
  );
}

function ReportTexts({ row }: { row: PeriodRow }) {
  const { t } = useI18n();
  const report = row.report;
  if (!report) return null;
  const rev = report.approved ?? report.latest;
  return (
    <dl className="report-texts" data-testid="report-texts">
      <dt>{t("cockpit.progress")}</dt>
      <dd>{rev.progress || "—"}</dd>
      <dt>{t("cockpit.problems")}</dt>
      <dd>{rev.problems || "—"}</dd>
      <dt>{t("cockpit.nextSteps")}</dt>
      <dd>{rev.nextSteps || "—"}</dd>
      {report.latest.returnReason ? (
        <>
          <dt>{t("cockpit.returnReason")}</dt>
          <dd>{report.latest.returnReason}</dd>
        </>
      ) : null}
      <dd className="muted small">
        {t("cockpit.revisions", { count: report.revisionCount })} · {t("cockpit.col.due")} {report.dueDate}
      </dd>
    </dl>
  );
}
