import { UploadOutlined } from "@ant-design/icons";
import { App, Button, Upload, type UploadFile } from "antd";
import type { Dispatch, SetStateAction } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { fileProblem, UPLOAD_ACCEPT } from "./task-work-model.ts";

/** Files chosen to go with the form (证明材料): kept here and sent with it, never uploaded on their own. */
export function FilePicker({
  files,
  onChange,
  id,
}: {
  files: UploadFile[];
  /** A state setter: several files picked at once each arrive in their own call. */
  onChange: Dispatch<SetStateAction<UploadFile[]>>;
  id: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <div className="tw-file-picker">
      <Upload
        multiple
        accept={UPLOAD_ACCEPT}
        fileList={files}
        beforeUpload={(file) => {
          const problem = fileProblem(file.name, file.size);
          if (problem) {
            message.error(t(`taskw.problem.file.${problem}`, { name: file.name }), 6);
            return Upload.LIST_IGNORE;
          }
          onChange((prev) => [
            ...prev,
            { uid: file.uid, name: file.name, size: file.size, status: "done", originFileObj: file },
          ]);
          // Nothing is uploaded now: the files go in the form's own request.
          return false;
        }}
        onRemove={(file) => onChange((prev) => prev.filter((f) => f.uid !== file.uid))}
      >
        <Button id={id} icon={<UploadOutlined />} data-testid="file-pick">
          {t("taskw.files.pick")}
        </Button>
      </Upload>
      <span className="small muted">{t("taskw.files.hint")}</span>
    </div>
  );
}

/** The files of an Upload list, as the API client sends them. */
export const filesOf = (list: readonly UploadFile[]): File[] =>
  list.flatMap((f) => (f.originFileObj ? [f.originFileObj] : []));
