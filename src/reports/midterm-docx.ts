// The mid-term evaluation report (issue 17) as a 公文, through the same GB/T 9704-2012 layout as the
// progress report (official-docx.ts): 版头 when the plan's frame asks for it, title, 主送, the five
// parts, 特此报告, 附件说明, signature, then 附件 (the indicator table) and the 版记. An English
// document (English chosen) has the same parts in English and no Chinese frame words.

import { Paragraph, type Table } from "docx";
import type { MidtermModel } from "./midterm-model.ts";
import {
  attachmentHead,
  attachmentNote,
  body,
  type Column,
  colophon,
  heading1,
  heading2,
  LAYOUT,
  letterhead,
  packOfficial,
  recipientLine,
  signature,
  table,
  title,
} from "./official-docx.ts";
import type { DocumentFrameSettings } from "./progress-frame.ts";

/** Twips a header needs so that none of its words of up to four characters breaks (小四, 12 pt). */
function headerNeed(header: string): number {
  if (/^\d{4}/.test(header)) return 900;
  const words = header.split(/[（）()\s/、]+/).filter((w) => w.length > 0 && [...w].length <= 4);
  return Math.max(620, ...words.map((w) => [...w].length * 240 + 160));
}

/** The indicator's name takes what the other columns leave of the text block. */
function columnsOf(model: MidtermModel): Column[] {
  const needs = model.table.headers.map((h, i) => (i === 0 ? 0 : headerNeed(h)));
  const rest = needs.reduce((s, n) => s + n, 0);
  needs[0] = Math.max(1400, LAYOUT.textWidth - rest);
  return model.table.headers.map((header, i) => ({
    header,
    share: needs[i] as number,
    align: i === 0 ? "left" : "center",
  }));
}

export function midtermChildren(model: MidtermModel, frame: DocumentFrameSettings): Array<Paragraph | Table> {
  const zh = model.lang === "zh";
  const children: Array<Paragraph | Table> = [
    ...(zh
      ? letterhead({
          mark: frame.redHeader ? frame.issuerMark : null,
          docNumber: frame.docNumber,
          signer: frame.signer,
        })
      : []),
    ...title(model.title),
    recipientLine(model.recipient),
    body(model.opening),
  ];
  for (const section of model.sections) {
    children.push(heading1(section.heading));
    for (const group of section.groups) {
      if (group.heading) children.push(heading2(group.heading));
      for (const p of group.paragraphs) children.push(body(p));
    }
  }
  if (model.closing) children.push(body(model.closing, true));
  children.push(new Paragraph({ keepNext: true, children: [] }));
  if (zh) children.push(...attachmentNote([model.attachmentName]));
  else children.push(body(`Annex: ${model.attachmentName}`, true));
  children.push(
    ...signature(model.issuer, model.date),
    ...attachmentHead(zh ? "附件" : "Annex", model.attachmentName),
    table(columnsOf(model), model.table.rows),
  );
  return children;
}

export async function renderMidtermDocx(model: MidtermModel, frame: DocumentFrameSettings): Promise<Buffer> {
  return packOfficial({
    title: model.title,
    description: model.opening,
    children: midtermChildren(model, frame),
    ...(model.lang === "zh"
      ? { colophon: colophon({ cc: frame.cc, printer: model.issuer, date: model.date }) }
      : {}),
  });
}
