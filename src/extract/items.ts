// Named things a task lists and that are tracked one by one: land parcels (水厂南BC地块), projects
// (制本厂、双峰道等10个城建重点项目), schools and buildings (新星小学迎水道校区、原二十九中学改扩建工程).

import type { Segment } from "./segments.ts";
import type { ItemCategory } from "./types.ts";

export interface RawItem {
  start: number;
  end: number;
  name: string;
  category: ItemCategory;
}

const LEAD_VERBS =
  /^(?:全力推动|全力推进|加快推进|加快推动|加快实施|加快|推进|推动|实施|完成|启动|建设|开展|做好|支持|建成|新建|改造|提升|打造|持续推进|稳步推进)/;
const TAIL_ACTIONS =
  /(?:建成投用|建成投运|建成开放|投入使用|开工建设|竣工投用|建成|土地出让|改扩建工程|改扩建|新建工程|提升改造|改造工程|建设工程|工程建设|项目建设|前期工作|建设|工程|改造|出让|收储|征收工作|征收)$/;
const FACILITY =
  /(地块|项目|公路|高速|校区|院区|小学|中学|学校|幼儿园|医院|卫生院|中心|美术馆|博物馆|图书馆|档案馆|新馆|体育馆|文化馆|公园|厂|大厦|广场|道|路|桥|站)(?:[(][^()]{1,12}[)])?(?:[一二三四五六七八九十\d]期|东延段|西延段|南延段|北延段|改扩建)?$/;
/** A part that states a quantity (21.67公里碧道) is a target's object, not a named item. */
const HAS_QUANTITY = /\d+(?:\.\d+)?\s*(?:公里|千米|米|个|家|所|座|条|处|万|亿|%|平方米|公顷|亩)/;

function categoryOf(name: string): ItemCategory {
  if (name.endsWith("地块")) return "land_parcel";
  if (/(项目|厂|道|路|桥|站)$/.test(name)) return "project";
  return "facility";
}

/** Items listed in one clause, as 、-separated names each ending in a facility word. */
export function clauseItems(text: string, clause: Segment): RawItem[] {
  const raw = text.slice(clause.start, clause.end).replace(/[,。;:!?]$/, "");
  if (!raw.includes("、")) return [];
  // The list ends where 等N个… or the action begins.
  const deng = /等(?:\d+|[一二两三四五六七八九十]+)?[个项处座条所家]?/.exec(raw);
  const listText = deng ? raw.slice(0, deng.index) : raw;
  const parts = listText.split("、");
  const out: RawItem[] = [];
  let offset = clause.start;
  for (let k = 0; k < parts.length; k++) {
    let part = parts[k] as string;
    let shift = 0;
    if (k === 0) {
      const lead = LEAD_VERBS.exec(part);
      if (lead) {
        shift = lead[0].length;
        part = part.slice(shift);
      }
    }
    if (k === parts.length - 1 && !deng) {
      // 简阳路(航天物资天津分站)地块土地出让: cut at the last facility word.
      const trimmed = part.replace(TAIL_ACTIONS, "");
      part = trimmed;
    }
    const name = part.trim();
    if (
      name.length >= 2 &&
      name.length <= 24 &&
      FACILITY.test(name) &&
      !HAS_QUANTITY.test(name) &&
      !/\d+号线|号线$/.test(name)
    ) {
      out.push({
        start: offset + shift,
        end: offset + shift + name.length,
        name,
        category: categoryOf(name),
      });
    }
    offset += (parts[k] as string).length + 1;
  }
  // A list is only a list of items when most of its parts are names of things.
  return out.length >= Math.max(2, Math.ceil(parts.length * 0.6)) ? out : [];
}
