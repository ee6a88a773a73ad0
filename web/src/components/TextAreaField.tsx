import { Input } from "antd";
import type { ReactNode } from "react";

/**
 * A labelled text area growing with its text, and the problem with it under it (announced as it
 * appears). `invalid` marks the field without words of its own, for forms that list their problems
 * together. Laid out by the caller: the label, the box and the problem are its direct children.
 */
export function TextAreaField({
  id,
  label,
  labelClassName,
  hint,
  value,
  onChange,
  rows: [minRows, maxRows],
  error = null,
  invalid = false,
  required = false,
  placeholder,
  testId,
}: {
  id: string;
  label: string;
  labelClassName?: string;
  /** Between the label and the box: what the field had before, what it is for. */
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  rows: [number, number];
  error?: string | null;
  invalid?: boolean;
  required?: boolean;
  placeholder?: string;
  testId?: string;
}) {
  return (
    <>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      {hint}
      <Input.TextArea
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoSize={{ minRows, maxRows }}
        placeholder={placeholder}
        status={error !== null || invalid ? "error" : undefined}
        aria-required={required ? "true" : undefined}
        data-testid={testId}
      />
      {error !== null ? (
        <span className="field-error small" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
