import type { ReactNode } from "react";

/** A field of the task drawer and dialogs: its label above it, what is wrong with it below it. */
export function TaskField({
  id,
  label,
  error = null,
  children,
}: {
  id: string;
  label: string;
  error?: string | null;
  children: ReactNode;
}) {
  return (
    <>
      <label htmlFor={id} className="task-field-label">
        {label}
      </label>
      {children}
      {error !== null ? <div className="field-error small">{error}</div> : null}
    </>
  );
}
