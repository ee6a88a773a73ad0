import { App as AntApp, ConfigProvider, theme } from "antd";
import enUSLocale from "antd/locale/en_US";
import zhCNLocale from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { lazy, Suspense, useEffect } from "react";
import { Route, Routes } from "react-router";
import { RequireAuth, RequirePermission } from "./auth/RequireAuth.tsx";
import { SessionEvents } from "./auth/SessionEvents.tsx";
import { AppLayout } from "./components/AppLayout.tsx";
import { useI18n } from "./i18n/I18nProvider.tsx";
import { AccountPage } from "./pages/account/AccountPage.tsx";
import { ChangePasswordPage } from "./pages/account/ChangePasswordPage.tsx";
import { AuditPage } from "./pages/admin/AuditPage.tsx";
import { DepartmentsPage } from "./pages/admin/DepartmentsPage.tsx";
import { UsersPage } from "./pages/admin/UsersPage.tsx";
import { CockpitLanding } from "./pages/cockpit/CockpitLanding.tsx";
import { DeskPage } from "./pages/desk/DeskPage.tsx";
import { ReportPage } from "./pages/desk/ReportPage.tsx";
import { TaskWorkPage } from "./pages/desk/TaskWorkPage.tsx";
import { PlanEditorPage } from "./pages/editor/PlanEditorPage.tsx";
import { LinkSuggestionsPage } from "./pages/five-year/LinkSuggestionsPage.tsx";
import { MonthGridPage } from "./pages/grid/MonthGridPage.tsx";
import { LoginPage } from "./pages/login/LoginPage.tsx";
import { NotFoundPage } from "./pages/not-found/NotFoundPage.tsx";
import { PlanPage } from "./pages/plan/PlanPage.tsx";
import { PlanListPage } from "./pages/plan-list/PlanListPage.tsx";
import { PublicLayout } from "./pages/public/PublicLayout.tsx";
import { PublicPlanListPage } from "./pages/public/PublicPlanListPage.tsx";
import { PublicPlanPage } from "./pages/public/PublicPlanPage.tsx";
import { ReviewPage } from "./pages/review/ReviewPage.tsx";

// The cockpit carries ECharts: loaded only when a cockpit is opened, never with the other pages.
const CockpitPage = lazy(() =>
  import("./pages/cockpit/CockpitPage.tsx").then((m) => ({ default: m.CockpitPage })),
);
// The five-year cockpit carries ECharts too: loaded when opened.
const FiveYearPage = lazy(() =>
  import("./pages/five-year/FiveYearPage.tsx").then((m) => ({ default: m.FiveYearPage })),
);
// The web bench's baseline page exists only in a build made with VITE_PLANTRACK_BENCH=1.
const CockpitBaselinePage =
  import.meta.env.VITE_PLANTRACK_BENCH === "1"
    ? lazy(() =>
        import("./pages/cockpit/CockpitBaselinePage.tsx").then((m) => ({ default: m.CockpitBaselinePage })),
      )
    : null;

const FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', " +
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

export function App() {
  const { lang, t } = useI18n();
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
        <SessionEvents />
        <a className="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            path="/change-password"
            element={
              <RequireAuth allowPasswordChange>
                <ChangePasswordPage />
              </RequireAuth>
            }
          />
          <Route element={<PublicLayout />}>
            <Route path="/public" element={<PublicPlanListPage />} />
            <Route path="/public/plans/:id" element={<PublicPlanPage />} />
          </Route>
          <Route
            element={
              <RequireAuth>
                <AppLayout />
              </RequireAuth>
            }
          >
            <Route path="/" element={<PlanListPage />} />
            <Route path="/plans/:id" element={<PlanPage />} />
            <Route path="/plans/:id/edit" element={<PlanEditorPage />} />
            <Route path="/cockpit" element={<CockpitLanding />} />
            <Route
              path="/plans/:id/cockpit"
              element={
                <Suspense
                  fallback={<div className="page-scroll cockpit-page" data-testid="cockpit-loading" />}
                >
                  <CockpitPage />
                </Suspense>
              }
            />
            <Route
              path="/plans/:id/five-year"
              element={
                <Suspense
                  fallback={<div className="page-scroll cockpit-page" data-testid="five-year-loading" />}
                >
                  <FiveYearPage />
                </Suspense>
              }
            />
            <Route
              path="/plans/:id/five-year-links"
              element={
                <RequirePermission permission="plans.edit">
                  <LinkSuggestionsPage />
                </RequirePermission>
              }
            />
            {CockpitBaselinePage ? (
              <Route
                path="/plans/:id/cockpit-baseline"
                element={
                  <Suspense fallback={null}>
                    <CockpitBaselinePage />
                  </Suspense>
                }
              />
            ) : null}
            <Route path="/account" element={<AccountPage />} />
            <Route path="/tasks/:id" element={<TaskWorkPage />} />
            <Route
              path="/desk"
              element={
                <RequirePermission permission="reports.desk">
                  <DeskPage />
                </RequirePermission>
              }
            />
            <Route
              path="/desk/grid"
              element={
                <RequirePermission permission="reports.desk">
                  <MonthGridPage />
                </RequirePermission>
              }
            />
            <Route
              path="/desk/:kind/:id/:period"
              element={
                <RequirePermission permission="reports.desk">
                  <ReportPage />
                </RequirePermission>
              }
            />
            <Route
              path="/review"
              element={
                <RequirePermission permission="reports.review">
                  <ReviewPage />
                </RequirePermission>
              }
            />
            <Route
              path="/admin/users"
              element={
                <RequirePermission permission="admin">
                  <UsersPage />
                </RequirePermission>
              }
            />
            <Route
              path="/admin/departments"
              element={
                <RequirePermission permission="admin">
                  <DepartmentsPage />
                </RequirePermission>
              }
            />
            <Route
              path="/admin/audit"
              element={
                <RequirePermission permission="admin">
                  <AuditPage />
                </RequirePermission>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}
