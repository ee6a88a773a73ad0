// Targets without a number: a thing to be built, opened or finished by the end of the period
// (建成南开美术馆和南开档案新馆, 完成疾病预防控制中心建设).

import type { Segment } from "./segments.ts";

export interface RawMilestone {
  start: number;
  end: number;
  subject: string;
}

const MILESTONE =
  /^(?:确保|力争|年内|全面)?(建成|完成|启动|开工建设|建成投用|投入使用|竣工|开馆|开园|建设完成)([\u4e00-\u9fa5A-Za-z0-9()“”]{2,30}?)(?:建设|工程|改造|项目)?$/;
const THING =
  /(馆|中心|平台|医院|院区|院|学校|小学|中学|幼儿园|公园|工程|项目|大厦|站|厂|路|桥|楼|场|基地|园区|系统|新馆|校区|广场|设施)$/;

/** The verb after the thing: 推动市图书馆新馆、体育中心建成投用. */
const MILESTONE_AFTER =
  /^(?:推动|推进|确保|力争|加快|实现)?([\u4e00-\u9fa5A-Za-z0-9()“”、]{2,40}?)(建成投用|建成投运|投入使用|建成开放|竣工投用|竣工验收|建成|开工)$/;

/** A milestone stated by one clause, or null. */
export function clauseMilestone(text: string, clause: Segment): RawMilestone | null {
  // A list number (4.完成县人民医院新院区建设) is no part of the milestone.
  const marker =
    /^(?:\d{1,2}[.、](?!\d)|[一二三四五六七八九十]{1,3}、|[(][一二三四五六七八九十\d]{1,3}[)]|[①-⑳])/.exec(
      text.slice(clause.start, clause.end),
    );
  const from = clause.start + (marker?.[0].length ?? 0);
  const raw = text.slice(from, clause.end).replace(/[,。;:!?]$/, "");
  if (/\d|[一二两三四五六七八九十][个所座家项条处]/.test(raw)) return null;
  const before = MILESTONE.exec(raw);
  const found = before ? before[2] : MILESTONE_AFTER.exec(raw)?.[1];
  if (found === undefined) return null;
  const object = found.replace(/(?:建设|工程|改造)$/, "");
  if (!THING.test(object) && !THING.test(object.split(/和|及|与|、/).pop() ?? "")) return null;
  return { start: from, end: from + raw.length, subject: raw };
}
