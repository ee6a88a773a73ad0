import { Segmented } from "antd";
import type { Lang } from "../format/number.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";

export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t("lang.switch")}
      value={lang}
      onChange={setLang}
      options={[
        { label: t("lang.zh"), value: "zh-CN" },
        { label: t("lang.en"), value: "en-US" },
      ]}
    />
  );
}
