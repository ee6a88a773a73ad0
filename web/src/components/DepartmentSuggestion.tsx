import { BulbOutlined } from "@ant-design/icons";
import { Tag } from "antd";
import type { ReactNode } from "react";

/**
 * The extractor's department suggestion for a target or a task (“建议：区人社局（关键词“就业”）”),
 * marked as a suggestion, with the button that accepts it (`children`).
 */
export function DepartmentSuggestion({
  testId,
  tag,
  text,
  children,
}: {
  testId: string;
  tag: string;
  text: string;
  children: ReactNode;
}) {
  return (
    <div className="suggestion" data-testid={testId}>
      <BulbOutlined className="suggestion-icon" />
      <span className="suggestion-text">
        <Tag color="blue" variant="filled" className="tag-suggested">
          {tag}
        </Tag>
        {text}
      </span>
      {children}
    </div>
  );
}
