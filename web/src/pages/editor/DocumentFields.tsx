import { Divider, Form, Input, Switch } from "antd";
import type { DocumentSettingsView } from "../../../../src/contract/plans.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** The 公文 frame as the form holds it: 抄送机关 typed as one line, split at 、 or commas. */
export interface DocumentValues {
  issuerMark: string;
  redHeader: boolean;
  docNumber: string;
  signer: string;
  recipient: string;
  cc: string;
  issuer: string;
}

export function toDocumentValues(d: DocumentSettingsView): DocumentValues {
  return {
    issuerMark: d.issuerMark ?? "",
    redHeader: d.redHeader,
    docNumber: d.docNumber ?? "",
    signer: d.signer ?? "",
    recipient: d.recipient ?? "",
    cc: d.cc.join("、"),
    issuer: d.issuer ?? "",
  };
}

/** Empty fields are sent as null: the server then uses its default (区人民政府, the region's 发改委). */
export function fromDocumentValues(v: DocumentValues): DocumentSettingsView {
  const text = (s: string) => (s.trim() === "" ? null : s.trim());
  return {
    issuerMark: text(v.issuerMark),
    redHeader: v.redHeader,
    docNumber: text(v.docNumber),
    signer: text(v.signer),
    recipient: text(v.recipient),
    cc: v.cc
      .split(/[、，,;；\s]+/)
      .map((s) => s.trim())
      .filter((s) => s !== ""),
    issuer: text(v.issuer),
  };
}

/** The progress report's 公文 frame (GB/T 9704-2012 §7), kept with the plan's settings. */
export function DocumentFields() {
  const { t } = useI18n();
  const field = (name: keyof DocumentValues) => ["document", name];
  return (
    <>
      <Divider titlePlacement="start">{t("editor.settings.document")}</Divider>
      <Form.Item name={field("recipient")} label={t("editor.settings.recipient")}>
        <Input placeholder={t("editor.settings.recipientDefault")} maxLength={60} />
      </Form.Item>
      <Form.Item
        name={field("docNumber")}
        label={t("editor.settings.docNumber")}
        extra={t("editor.settings.docNumberHint")}
      >
        <Input placeholder="南发改〔2020〕12号" maxLength={40} data-testid="settings-doc-number" />
      </Form.Item>
      <Form.Item name={field("signer")} label={t("editor.settings.signer")}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name={field("issuer")} label={t("editor.settings.issuer")}>
        <Input placeholder={t("editor.settings.issuerDefault")} maxLength={60} />
      </Form.Item>
      <Form.Item name={field("cc")} label={t("editor.settings.cc")} extra={t("editor.settings.ccHint")}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name={field("redHeader")} label={t("editor.settings.redHeader")} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name={field("issuerMark")} label={t("editor.settings.issuerMark")}>
        <Input placeholder={t("editor.settings.issuerMarkHint")} maxLength={60} />
      </Form.Item>
    </>
  );
}
