import type { TargetAttribute } from "../../../src/extract/types.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** 约束性 / 预期性 beside a target's name; nothing where the plan does not say. */
export function AttributeTag({ attribute }: { attribute: TargetAttribute | null | undefined }) {
  const { t } = useI18n();
  if (!attribute) return null;
  return (
    <span className={`attribute-tag attribute-${attribute}`} data-testid="attribute-tag">
      {t(`attribute.${attribute}`)}
    </span>
  );
}
