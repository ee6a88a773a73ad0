import type { ReactNode } from "react";
import type { PublicOutlineNode } from "../../../../src/contract/public.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { publicNodeLabel } from "./model.ts";

/** A column of a public table: its width class (none: it takes the rest) and its heading. */
export interface PublicColumn {
  className?: string;
  title: string;
}

/**
 * The column widths and the heading row of a public table, with `printHead` above the headings.
 * The widths are given here: a fixed table takes them from its first row, which in print is the
 * title row.
 */
export function PublicTableHead({ columns, printHead }: { columns: PublicColumn[]; printHead?: ReactNode }) {
  return (
    <>
      <colgroup>
        {columns.map((c) => (
          <col key={c.className ?? "rest"} className={c.className} />
        ))}
      </colgroup>
      <thead>
        {printHead}
        <tr>
          {columns.map((c) => (
            <th key={c.className ?? "rest"} className={c.className}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}

/** The row heading an area's rows (or the rows on no area) across all `columns`. */
export function PublicGroupRow({ node, columns }: { node: PublicOutlineNode | null; columns: number }) {
  const { t } = useI18n();
  return (
    <tr className="group-row">
      <th colSpan={columns} scope="colgroup">
        {node ? publicNodeLabel(node) : t("public.other")}
      </th>
    </tr>
  );
}
