import { Button, Result } from "antd";
import { useLocation, useNavigate } from "react-router";
import { useI18n } from "../../i18n/I18nProvider.tsx";

export function NotFoundPage() {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <div className="page-scroll">
      <Result
        status="404"
        title={t("notFound.title")}
        subTitle={t("notFound.body", { path: location.pathname })}
        extra={
          <Button type="primary" onClick={() => navigate("/")}>
            {t("common.backToPlans")}
          </Button>
        }
      />
    </div>
  );
}
