import { App, Button, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import type { AdjustmentView } from "../../../../src/contract/tasks.ts";
import { useTaskStep } from "../../api/task-queries.ts";
import { errorMessage } from "../../components/ErrorState.tsx";
import { TextAreaField } from "../../components/TextAreaField.tsx";
import { formatDateTime } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { local } from "../tasks/task-model.ts";
import { adjustmentSides, decisionProblem, shiftDays } from "./task-review-model.ts";

const STATE_COLOR: Record<AdjustmentView["state"], string> = {
  pending: "gold",
  approved: "green",
  refused: "default",
};

const DECISIONS = [
  { decision: "approved", label: "taskw.decide.approve", testId: "adjustment-approve" },
  { decision: "refused", label: "taskw.decide.refuse", testId: "adjustment-refuse" },
] as const;

/** One 调整申请: the original beside the proposal, the reason; the planner approves or refuses it. */
export function AdjustmentCard({
  adjustment: a,
  planId,
  canDecide,
  showTask = false,
}: {
  adjustment: AdjustmentView;
  planId: number;
  canDecide: boolean;
  showTask?: boolean;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const step = useTaskStep(planId);
  const [opinion, setOpinion] = useState("");
  const [missing, setMissing] = useState(false);
  const sides = adjustmentSides(a, lang);
  const shift = shiftDays(a);

  async function decide(decision: "approved" | "refused") {
    if (decisionProblem(decision, opinion)) {
      setMissing(true);
      return;
    }
    try {
      await step.mutateAsync({
        step: "decision",
        adjustmentId: a.id,
        body: { decision, opinion: opinion.trim() === "" ? null : opinion.trim() },
      });
      message.success(t(`taskw.decide.${decision}`));
    } catch (error) {
      message.error(t("taskw.stepFailed", { message: errorMessage(error, t) }), 8);
    }
  }

  return (
    <article
      className="tw-adjustment-card"
      data-testid="adjustment-card"
      data-adjustment-id={a.id}
      data-state={a.state}
    >
      <header className="tw-adjustment-head">
        <Tag variant="filled" color="blue">
          {t(`taskw.kind.${a.kind}`)}
        </Tag>
        <Tag variant="filled" color={STATE_COLOR[a.state]}>
          {t(`taskw.adjState.${a.state}`)}
        </Tag>
        {a.milestoneName ? <span className="small">{a.milestoneName}</span> : null}
      </header>
      {showTask ? (
        <Link to={`/tasks/${a.taskId}`} className="tw-adjustment-task">
          {a.taskTitle}
        </Link>
      ) : null}
      <dl className="tw-adjustment-sides">
        <div>
          <dt className="small muted">{t("taskw.adjustments.original")}</dt>
          <dd className={a.kind === "content" ? "tw-adjustment-text" : "num"}>
            {sides.original ?? t("taskw.fact.noDeadline")}
          </dd>
        </div>
        <div className="tw-adjustment-proposed">
          <dt className="small muted">{t("taskw.adjustments.proposed")}</dt>
          <dd className={a.kind === "content" ? "tw-adjustment-text" : "num"}>
            {sides.proposed}
            {shift !== null && shift !== 0 ? (
              <span className="small muted">
                {" "}
                {t(shift > 0 ? "taskw.adjustments.later" : "taskw.adjustments.earlier", {
                  days: Math.abs(shift),
                })}
              </span>
            ) : null}
          </dd>
        </div>
      </dl>
      <p className="small">{t("taskw.adjustments.reason", { reason: a.reason })}</p>
      <p className="small muted">
        {t("taskw.adjustments.requested", {
          name: a.requestedBy.displayName,
          time: formatDateTime(a.requestedAt),
        })}
      </p>
      {a.record ? <p className="small tw-adjustment-record">{local(a.record, lang)}</p> : null}
      {a.state !== "pending" && a.opinion ? (
        <p className="small">{t("taskw.adjustments.opinion", { opinion: a.opinion })}</p>
      ) : null}
      {a.state === "pending" && canDecide ? (
        <div className="tw-adjustment-decide">
          <TextAreaField
            id={`adj-opinion-${a.id}`}
            label={t("taskw.decide.opinion")}
            labelClassName="small"
            value={opinion}
            onChange={(v) => {
              setOpinion(v);
              setMissing(false);
            }}
            rows={[2, 6]}
            error={missing ? t("taskw.problem.opinion") : null}
            testId="adjustment-opinion"
          />
          <div className="report-actions">
            {DECISIONS.map((d) => (
              <Button
                key={d.decision}
                type={d.decision === "approved" ? "primary" : "default"}
                loading={
                  step.isPending &&
                  step.variables?.step === "decision" &&
                  step.variables.body.decision === d.decision
                }
                onClick={() => void decide(d.decision)}
                data-testid={d.testId}
              >
                {t(d.label)}
              </Button>
            ))}
          </div>
        </div>
      ) : null}
    </article>
  );
}
