// One row of an indicator table as a target: its cells by column, read into subject, value in base
// units, baseline, target year, 年均增长 and 约束性/预期性.

import { isRateUnit } from "../domain/units.ts";
import type { Segment } from "./segments.ts";
import {
  attributeMentioned,
  attributeOf,
  type Column,
  parseUnit,
  parseValue,
  type Role,
  type UnitReading,
} from "./table-cells.ts";
import type { Comparator, Direction, TargetAttribute, TargetGrowth, TargetKind } from "./types.ts";

export interface TableTarget extends Segment {
  subject: string;
  value: number;
  value2: number | null;
  unit: string;
  displayUnit: string;
  display: string;
  comparator: Comparator;
  direction: Direction;
  kind: TargetKind;
  confidence: number;
  baseline: { value: number; year: number } | null;
  targetYear: number | null;
  attribute: TargetAttribute | null;
  annualGrowth: number | null;
  growth: TargetGrowth | null;
}

export interface Cell extends Segment {
  text: string;
}

export interface Layout {
  columns: Column[];
  targetYear: number | null;
  baselineYear: number | null;
  /** From a title or note before the header: 约束性指标. */
  attribute: TargetAttribute | null;
}

function direction(subject: string, unit: string, cumulative: boolean, growthOnly: boolean): Direction {
  if (/(降低|下降|减少|削减|压减|降幅)/.test(subject)) return "decrease";
  if (growthOnly || (isRateUnit(unit) && /(增长|增速|增幅|增长率)$/.test(subject))) return "increase";
  if (cumulative || /^(新增|新建|净增|累计)|新增|累计|改造|修缮|引进|培育|受益/.test(subject))
    return "increase";
  if (/次$/.test(unit)) return "increase";
  return "level";
}

function kindOf(unit: string, dir: Direction, cumulative: boolean): TargetKind {
  if (isRateUnit(unit)) return dir === "level" ? "level" : "rate";
  return dir === "level" && !cumulative ? "level" : "cumulative";
}

/** 地区生产总值（亿元）, 森林覆盖率（约束性）, 单位GDP能耗★: a name cell's subject, unit and attribute. */
function readName(raw: string): {
  subject: string;
  unit: UnitReading | null;
  attribute: TargetAttribute | null;
} {
  // 1.地区生产总值, (3)森林覆盖率: a row's number in front of its name is no part of the subject.
  let subject = raw.replace(/\s+/g, "").replace(/^(?:\d{1,2}[.、．](?!\d)|[(（]\d{1,2}[)）])/, "");
  const attribute = attributeMentioned(subject);
  subject = subject.replace(/[（(](?:约束性|预期性)(?:指标)?[）)]/g, "");
  let unit: UnitReading | null = null;
  const paren = /[（(]([^（()）]{1,10})[）)]$/.exec(subject);
  if (paren) {
    unit = parseUnit(paren[1] as string);
    if (unit) subject = subject.slice(0, paren.index);
  }
  return { subject: subject.replace(/[*＊★☆▲△#]+$/, ""), unit, attribute };
}

export function rowTarget(
  layout: Layout,
  keep: number[],
  cells: Cell[],
  label: TargetAttribute | null,
): TableTarget | null {
  const byRole = new Map<Role, { cell: Cell; column: Column }>();
  keep.forEach((c, k) => {
    const column = layout.columns[c] as Column;
    if (!byRole.has(column.role)) byRole.set(column.role, { cell: cells[k] as Cell, column });
  });
  const nameCell = byRole.get("name")?.cell;
  if (!nameCell) return null;
  const name = readName(nameCell.text);
  if (name.subject === "") return null;
  const target = byRole.get("target");
  const growthCell = byRole.get("growth");
  const rowUnit = parseUnitCell(byRole.get("unit")?.cell.text) ?? name.unit;
  let value = target ? parseValue(target.cell.text) : null;
  const growthValue = growthCell ? parseValue(growthCell.cell.text) : null;
  let unit = value?.unit ?? rowUnit ?? unitFromHeader(target?.column);
  let cumulative = (target?.column.cumulative ?? false) || (value?.cumulative ?? false);
  let growth: TargetGrowth | null = null;
  if (growthValue && !growthValue.cumulative) {
    growth = {
      value: growthValue.value,
      unit: growthValue.unit?.unit ?? growthCell?.column.unit ?? "%",
      comparator: growthValue.comparator,
      kind: "annual_average",
    };
  }
  // A row that states only its growth (地区生产总值增长 … 6左右): the growth rate is the target.
  const growthOnly = !value && growthValue !== null;
  if (!value && growthValue) {
    value = growthValue;
    cumulative = growthValue.cumulative;
    // 〔25〕 in a 年均/累计 column sums the row's own unit over the period (万人); else it is a rate.
    unit =
      growthValue.unit ??
      (growthValue.cumulative && rowUnit ? rowUnit : parseUnit(growthCell?.column.unit ?? "%"));
  }
  if (!value) return null;
  const factor = value.unit ? value.unit.factor : (unit?.factor ?? 1);
  const baseUnit = unit?.unit ?? "";
  const baselineCell = byRole.get("baseline");
  const baselineValue = baselineCell ? parseValue(baselineCell.cell.text) : null;
  let baseline: { value: number; year: number } | null = null;
  if (baselineValue && layout.baselineYear !== null && baselineValue.value2 === null) {
    const f = baselineValue.unit ? baselineValue.unit.factor : (rowUnit?.factor ?? 1);
    baseline = { value: scaleBy(baselineValue.value, f), year: layout.baselineYear };
  }
  const attributeCell = byRole.get("attribute")?.cell;
  const fromCells = cells.map((c) => attributeOf(c.text)).find((a) => a !== null) ?? null;
  const attribute =
    (attributeCell ? attributeOf(attributeCell.text) : null) ??
    fromCells ??
    name.attribute ??
    label ??
    layout.attribute;
  const dir = direction(name.subject, baseUnit, cumulative, growthOnly);
  const last = cells[cells.length - 1] as Cell;
  return {
    start: nameCell.start,
    end: last.end,
    subject: name.subject,
    value: scaleBy(value.value, factor),
    value2: value.value2 === null ? null : scaleBy(value.value2, factor),
    unit: baseUnit,
    displayUnit: value.unit?.display ?? unit?.display ?? "",
    display: value.unit ? value.written + value.unit.display : value.written + (unit?.display ?? ""),
    comparator: value.comparator,
    direction: dir,
    kind: kindOf(baseUnit, dir, cumulative),
    confidence: baseUnit === "" ? 0.6 : 0.9,
    baseline,
    targetYear: layout.targetYear,
    attribute,
    annualGrowth: growth?.value ?? null,
    growth,
  };
}

function parseUnitCell(raw: string | undefined): UnitReading | null {
  return raw === undefined ? null : parseUnit(raw);
}

function unitFromHeader(column: Column | undefined): UnitReading | null {
  return column?.unit ? parseUnit(column.unit) : null;
}

function scaleBy(value: number, factor: number): number {
  return factor === 1 ? value : Number((value * factor).toPrecision(12));
}
