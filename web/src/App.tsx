import { App as AntApp, ConfigProvider, Segmented, theme } from "antd";
import enUSLocale from "antd/locale/en_US";
import zhCNLocale from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { useEffect } from "react";
import { Link, NavLink, Route, Routes } from "react-router";
import type { Lang } from "./format/number.ts";
import { useI18n } from "./i18n/I18nProvider.tsx";
import { NotFoundPage } from "./pages/not-found/NotFoundPage.tsx";
import { PlanPage } from "./pages/plan/PlanPage.tsx";
import { PlanListPage } from "./pages/plan-list/PlanListPage.tsx";

const FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', " +
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

export function App() {
  const { lang, setLang, t } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === "zh-CN" ? "zh-cn" : "en");
  }, [lang]);

  return (
    <ConfigProvider
      locale={lang === "zh-CN" ? zhCNLocale : enUSLocale}
      theme={{
        algorithm: theme.compactAlgorithm,
        token: {
          colorPrimary: "#1f5fa8",
          borderRadius: 4,
          fontSize: 13,
          fontFamily: FONT,
          colorLink: "#1f5fa8",
        },
        components: { Table: { headerBg: "#f3f5f8", cellPaddingBlockSM: 5 } },
      }}
    >
      <AntApp className="app-root">
        <a className="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        <header className="app-header">
          <Link to="/" className="app-brand">
            <span className="app-logo" aria-hidden="true">
              P
            </span>
            <span className="app-name">{t("app.name")}</span>
            <span className="app-subtitle">{t("app.subtitle")}</span>
          </Link>
          <nav className="app-nav">
            <NavLink to="/" end className={({ isActive }) => (isActive ? "active" : undefined)}>
              {t("nav.plans")}
            </NavLink>
          </nav>
          <div className="app-header-right">
            <a href="/api/docs" target="_blank" rel="noreferrer" className="app-header-link">
              {t("nav.apiDocs")}
            </a>
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
          </div>
        </header>
        <main id="main" className="app-main">
          <Routes>
            <Route path="/" element={<PlanListPage />} />
            <Route path="/plans/:id" element={<PlanPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </main>
      </AntApp>
    </ConfigProvider>
  );
}
