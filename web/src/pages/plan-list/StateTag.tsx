import { Tag } from "antd";
import type { PlanState } from "../../../../src/contract/plans.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

const COLORS: Record<PlanState, string> = { draft: "gold", published: "green", closed: "default" };

export function StateTag({ state }: { state: PlanState }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[state]} className="state-tag" variant="filled">
      {t(`planState.${state}`)}
    </Tag>
  );
}
