import { CloseOutlined, SaveOutlined, UndoOutlined } from "@ant-design/icons";
import { App, Button, DatePicker, Form, Input, Select, Tag, Tooltip } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { type KeyboardEvent, useEffect, useMemo, useRef } from "react";
import type { DepartmentRef } from "../../../../src/contract/common.ts";
import type { TargetView } from "../../../../src/contract/targets.ts";
import type { Comparator, Direction, TargetKind } from "../../../../src/extract/types.ts";
import { usePatchTarget } from "../../api/queries.ts";
import { useCurrentUser } from "../../api/session.ts";
import { can } from "../../auth/access.ts";
import { DepartmentSuggestion } from "../../components/DepartmentSuggestion.tsx";
import { errorMessage } from "../../components/ErrorState.tsx";
import { NumberInput } from "../../components/NumberInput.tsx";
import { formatNumber, formatTargetValue, fromDisplayNumber, unitScale } from "../../format/number.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { type CardValues, changedFields, toCardValues, toPatch } from "./card-model.ts";

const COMPARATORS: Comparator[] = ["target", "at_least", "at_most", "about", "range"];
const DIRECTIONS: Direction[] = ["increase", "decrease", "level"];
const KINDS: TargetKind[] = ["rate", "cumulative", "level", "milestone"];

interface Props {
  planId: number;
  target: TargetView;
  departments: DepartmentRef[];
  /** The plan period's last day: the due date when none is set. */
  periodEnd: string;
  quote: string;
  /** Other targets stated by the same words (分别达到80家和18家). */
  siblings: TargetView[];
  onClose: () => void;
  onSelectTarget: (id: number) => void;
}

/** Every field of one target, editable, saved with PATCH /api/targets/:id. */
export function TargetCard({
  planId,
  target,
  departments,
  periodEnd,
  quote,
  siblings,
  onClose,
  onSelectTarget,
}: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CardValues>();
  const patch = usePatchTarget(planId);
  // Leaders and reporters read the card; the server would refuse their changes, so none are offered.
  const readOnly = !can(useCurrentUser()?.role, "plans.edit");
  const initial = useMemo(() => toCardValues(target), [target]);

  // When the target changes underneath (a save, an accepted suggestion), take the new values of the
  // fields that changed and leave the planner's other edits alone.
  const previous = useRef(initial);
  useEffect(() => {
    const changed = changedFields(previous.current, initial);
    previous.current = initial;
    if (Object.keys(changed).length > 0) form.setFieldsValue(changed);
  }, [initial, form]);

  const watched = Form.useWatch([], form) as CardValues | undefined;
  const current: CardValues = { ...initial, ...(watched ?? {}) };
  const pending = toPatch(current, target);
  const dirty = Object.keys(pending).length > 0;
  const isRange = current.comparator === "range";
  const isMilestone = current.kind === "milestone";
  const scale = unitScale(current.unit ?? "", current.displayUnit ?? "");

  const departmentOptions = useMemo(
    () => departments.map((d) => ({ value: d.id, label: d.name })),
    [departments],
  );
  const suggestion = target.suggestedDepartment;
  const suggestedDept = suggestion
    ? departments.find((d) =>
        suggestion.departmentId !== null
          ? d.id === suggestion.departmentId
          : d.name === suggestion.department,
      )
    : undefined;
  const showSuggestion = suggestion !== null && target.leadDepartment?.name !== suggestion.department;

  async function save(values: CardValues) {
    const body = toPatch({ ...initial, ...values }, target);
    if (Object.keys(body).length === 0) return;
    try {
      await patch.mutateAsync({ id: target.id, patch: body });
      message.success(t("card.saved"));
    } catch (error) {
      message.error(t("card.saveFailed", { message: errorMessage(error, t) }), 6);
    }
  }

  async function acceptSuggestion() {
    if (!suggestedDept || !suggestion) return;
    try {
      await patch.mutateAsync({ id: target.id, patch: { leadDepartmentId: suggestedDept.id } });
      form.setFieldValue("leadDepartmentId", suggestedDept.id);
      message.success(t("card.accepted", { department: suggestedDept.name }));
    } catch (error) {
      message.error(t("card.saveFailed", { message: errorMessage(error, t) }), 6);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (!readOnly && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
      event.preventDefault();
      form.submit();
    }
  }

  const baseHint = (v: number | null | undefined) =>
    v === null || v === undefined || scale.factor === 1
      ? undefined
      : t("card.baseValue", {
          value: `${formatNumber(fromDisplayNumber(v, current.unit, current.displayUnit))}${current.unit}`,
        });

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Ctrl+S anywhere in the card saves it
    <div className="side-card" data-testid="target-card" data-target-id={target.id} onKeyDown={onKeyDown}>
      <div className="panel-head">
        <h2 className="panel-title ellipsis" title={target.subject}>
          {target.subject}
        </h2>
        <span className="num strong card-value">
          {target.value === null ? t(`kind.${target.kind}`) : formatTargetValue(target, lang)}
        </span>
        <span className="spacer" />
        <Button
          size="small"
          type="text"
          icon={<CloseOutlined />}
          aria-label={t("card.close")}
          onClick={onClose}
        />
      </div>
      <div className="panel-body panel-pad card-body">
        <div className="card-facts small">
          <Tag variant="filled">{t(`card.source.${target.source}`)}</Tag>
          {target.confidence !== null ? (
            <span className={target.confidence < 0.6 ? "warn" : "muted"}>
              {t("card.confidence", { value: `${Math.round(target.confidence * 100)}%` })}
            </span>
          ) : null}
        </div>
        <blockquote className="card-quote" aria-label={t("card.quote")}>
          {quote}
        </blockquote>
        {siblings.length > 0 ? (
          <div className="card-siblings small">
            <span className="muted">{t("card.siblings")}</span>
            {siblings.map((s) => (
              <Button key={s.id} size="small" type="link" onClick={() => onSelectTarget(s.id)}>
                {s.subject} {formatTargetValue(s, lang)}
              </Button>
            ))}
          </div>
        ) : null}

        {showSuggestion && suggestion && !readOnly ? (
          <DepartmentSuggestion
            testId="department-suggestion"
            tag={t("card.suggested")}
            text={t("card.suggestion", { department: suggestion.department, keyword: suggestion.keyword })}
          >
            <Tooltip
              title={
                suggestedDept ? undefined : t("card.suggestionUnknown", { department: suggestion.department })
              }
            >
              <Button
                size="small"
                type="primary"
                ghost
                disabled={!suggestedDept}
                loading={patch.isPending}
                onClick={() => void acceptSuggestion()}
                data-testid="accept-suggestion"
              >
                {t("card.accept")}
              </Button>
            </Tooltip>
          </DepartmentSuggestion>
        ) : null}

        <Form<CardValues>
          form={form}
          layout="vertical"
          size="small"
          initialValues={initial}
          onFinish={(values) => void save(values)}
          requiredMark={false}
          className="card-form"
          disabled={readOnly}
        >
          <Form.Item
            name="subject"
            label={t("card.subject")}
            rules={[
              { required: true, whitespace: true, message: t("card.required", { field: t("card.subject") }) },
            ]}
          >
            <Input data-testid="target-subject-input" />
          </Form.Item>
          <div className="form-row">
            <Form.Item
              name="value"
              label={t("card.value")}
              extra={baseHint(current.value)}
              rules={[{ required: !isMilestone, message: t("card.required", { field: t("card.value") }) }]}
            >
              <NumberInput
                unit={scale.label}
                className="w-full"
                data-testid="target-value-input"
                suffix={scale.label}
                placeholder={isMilestone ? t("card.milestoneNoValue") : undefined}
              />
            </Form.Item>
            <Form.Item
              name="value2"
              label={t("card.value2")}
              extra={isRange ? baseHint(current.value2) : undefined}
              rules={[{ required: isRange, message: t("card.required", { field: t("card.value2") }) }]}
            >
              <NumberInput
                unit={scale.label}
                className="w-full"
                disabled={!isRange}
                suffix={scale.label}
                placeholder={isRange ? undefined : t("card.rangeOnly")}
                data-testid="target-value2-input"
              />
            </Form.Item>
          </div>
          <div className="form-row">
            <Form.Item name="displayUnit" label={t("card.displayUnit")}>
              <Input />
            </Form.Item>
            <Form.Item
              name="unit"
              label={t("card.unit")}
              rules={[{ required: !isMilestone, message: t("card.required", { field: t("card.unit") }) }]}
            >
              <Input />
            </Form.Item>
          </div>
          <div className="form-row">
            <Form.Item name="comparator" label={t("card.comparator")}>
              <Select options={COMPARATORS.map((c) => ({ value: c, label: t(`comparator.${c}`) }))} />
            </Form.Item>
            <Form.Item name="direction" label={t("card.direction")}>
              <Select options={DIRECTIONS.map((d) => ({ value: d, label: t(`direction.${d}`) }))} />
            </Form.Item>
          </div>
          <div className="form-row">
            <Form.Item name="kind" label={t("card.kind")}>
              <Select options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
            </Form.Item>
            <Form.Item
              name="dueDate"
              label={t("card.dueDate")}
              getValueProps={(v: string | null) => ({ value: v ? dayjs(v) : null })}
              normalize={(d: Dayjs | null) => (d ? d.format("YYYY-MM-DD") : null)}
            >
              <DatePicker className="w-full" placeholder={t("card.dueDateDefault", { date: periodEnd })} />
            </Form.Item>
          </div>
          <Form.Item name="baseline" label={t("card.baseline")} tooltip={t("card.baselineHint")}>
            <NumberInput unit={scale.label} className="w-full" suffix={scale.label} />
          </Form.Item>
          <Form.Item
            name="leadDepartmentId"
            label={
              <span>
                {t("card.lead")}
                {!target.leadDepartment && suggestion ? (
                  <Tag color="blue" variant="filled" className="tag-suggested label-tag">
                    {t("card.suggested")}：{suggestion.department}
                  </Tag>
                ) : null}
              </span>
            }
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              placeholder={t("card.pickDepartment")}
              options={departmentOptions}
              notFoundContent={departments.length === 0 ? t("card.noDepartments") : undefined}
              data-testid="target-lead-select"
            />
          </Form.Item>
          <Form.Item name="coDepartmentIds" label={t("card.co")}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              placeholder={t("card.pickDepartment")}
              options={departmentOptions}
              notFoundContent={departments.length === 0 ? t("card.noDepartments") : undefined}
            />
          </Form.Item>
          {readOnly ? (
            <div className="muted small" data-testid="card-read-only">
              {t("plan.readOnly")}
            </div>
          ) : (
            <div className="card-actions">
              {dirty ? <span className="warn small">{t("card.unsaved")}</span> : null}
              <span className="spacer" />
              <Button icon={<UndoOutlined />} disabled={!dirty} onClick={() => form.setFieldsValue(initial)}>
                {t("card.reset")}
              </Button>
              <Button
                type="primary"
                htmlType="submit"
                icon={<SaveOutlined />}
                disabled={!dirty}
                loading={patch.isPending}
                data-testid="target-save"
              >
                {t("card.save")}
              </Button>
            </div>
          )}
        </Form>
      </div>
    </div>
  );
}
