import { CloseOutlined } from "@ant-design/icons";
import { Button, Descriptions, Empty } from "antd";
import type { PlanDetail } from "../../../../src/contract/plans.ts";
import type { ItemView, TargetView } from "../../../../src/contract/targets.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { overlappingTargets } from "./model.ts";
import { TargetCard } from "./TargetCard.tsx";

interface Props {
  planId: number;
  target: TargetView | null;
  item: ItemView | null;
  detail: PlanDetail | null;
  sourceText: string | null;
  onClose: () => void;
  onSelectTarget: (id: number) => void;
}

/** The right-hand panel: the selected target's card, an item's facts, or how to choose one. */
export function SidePanel({ planId, target, item, detail, sourceText, onClose, onSelectTarget }: Props) {
  const { t } = useI18n();
  if (target && detail) {
    return (
      <TargetCard
        key={target.id}
        planId={planId}
        target={target}
        departments={detail.departments}
        periodEnd={detail.plan.periodEnd}
        quote={sourceText?.slice(target.start, target.end) ?? target.display}
        siblings={overlappingTargets(target, detail.targets)}
        onClose={onClose}
        onSelectTarget={onSelectTarget}
      />
    );
  }
  if (item) {
    return (
      <div className="side-card" data-testid="item-card">
        <div className="panel-head">
          <h2 className="panel-title ellipsis">{item.name}</h2>
          <span className="spacer" />
          <Button
            size="small"
            type="text"
            icon={<CloseOutlined />}
            aria-label={t("card.close")}
            onClick={onClose}
          />
        </div>
        <div className="panel-body panel-pad">
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: "category", label: t("targets.col.kind"), children: t(`itemCategory.${item.category}`) },
              {
                key: "lead",
                label: t("card.lead"),
                children: item.leadDepartment?.name ?? t("common.none"),
              },
              {
                key: "quote",
                label: t("card.quote"),
                children: sourceText?.slice(item.start, item.end) ?? item.name,
              },
            ]}
          />
        </div>
      </div>
    );
  }
  return (
    <div className="side-card side-empty">
      <div className="panel-head">
        <h2 className="panel-title">{t("card.title")}</h2>
      </div>
      <div className="panel-body panel-pad">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("card.placeholder")} />
      </div>
    </div>
  );
}
