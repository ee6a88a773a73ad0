// The furniture of a document itself, as opposed to the web page around it (furniture.ts): the
// signature block (an issuing organ alone on a line, a date alone on a line), page numbers, the 版记
// (抄送, 印发), contact lines, 公开方式, 附件 headings, document numbers, running headers and footers.
// None of them is a task or holds a target. Metadata still reads them (the signature names the issuer
// and the date of publication), so this is applied to the outline and the targets, never to meta.
//
// Lines are those of the cleaned text (text-view.ts): half-width, spaces between Chinese characters
// gone — "— 3 —" arrives as "—3—", "第 3 页 共 10 页" as "第3页共10页".

import { isFurniture } from "./furniture.ts";
import { findQuantities } from "./quantities.ts";
import type { Segment } from "./segments.ts";

const CN_DIGIT = "〇零○O一二三四五六七八九";
const CN_SMALL = "一二三四五六七八九十";
const DAY = `(?:\\d{1,2}|[${CN_SMALL}]{1,3})`;
const YEAR = `(?:\\d{4}|[${CN_DIGIT}]{4})`;
/** 2020年3月2日, 二〇二〇年一月十日, 2020年3月; spaces allowed where a PDF leaves them. */
const DATE = `${YEAR}\\s*年\\s*${DAY}\\s*月(?:\\s*${DAY}\\s*日)?`;
const ISO_DATE = "\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}";
const WEEKDAY = "(?:\\s*(?:星期|周)[一二三四五六日天])?";

const DATE_LINE = new RegExp(`^[(]?(?:${DATE}|${ISO_DATE})${WEEKDAY}[)]?$`);

/**
 * An issuing organ: a Chinese name ending in the word of a government body. Several organs signing
 * together arrive as one run of characters once the spaces between them are gone, so the name is any
 * run of characters (and separators) that ends in such a word — one lazy run, nothing nested, so a long
 * hostile line cannot make it backtrack. Words of prose that end like a body (新发展格局, 布局, 大局,
 * 政务服务大厅) are not organs.
 */
const ORGAN_NAME =
  "[\\u4e00-\\u9fa5、,\\s]{1,80}?(?:人民政府(?:办公室|办公厅)?|人民代表大会常务委员会|人大常委会(?:办公室)?|委员会|管委会|发改委|发展改革委|[区市县省州]委(?:办公室)?|党组|总工会|(?<![格布大结开全变僵残赌饭骗棋时])局|(?<![大餐展客舞门])厅|(?<![原])委|办公室|办公厅)";
const ORGAN_LINE = new RegExp(`^${ORGAN_NAME}$`);

/** (盖章): where the seal goes, between the organs and the date. */
const SEAL = /^[(]?(?:盖章|印章|公章)[)]?$/;

/** Lines that are furniture wherever they stand. */
const FURNITURE_LINE: RegExp[] = [
  DATE_LINE,
  // 南开区发展和改革委员会 2020年3月2日, and the 版记's 南开区人民政府办公室 2020年3月2日印发.
  new RegExp(`^${ORGAN_NAME}\\s*[(]?(?:${DATE}|${ISO_DATE})[)]?\\s*(?:印发|印制|发布|签发)?$`),
  new RegExp(`^[(]?(?:${DATE}|${ISO_DATE})[)]?\\s*(?:印发|印制|发布|签发)$`),
  // Page numbers: — 3 —, -3-, 第3页 共10页, 共10页第3页, 3/10, Page 3 of 10.
  /^[-—–―−~·•_]{1,3}\s*\d{1,4}\s*[-—–―−~·•_]{1,3}$/,
  /^[-—–―−~·•_]{0,3}\s*第\s*[\d一二三四五六七八九十百零〇]{1,5}\s*页(?:\s*[,/、]?\s*共\s*[\d一二三四五六七八九十百零〇]{1,5}\s*页)?\s*[-—–―−~·•_]{0,3}$/,
  /^共\s*[\d一二三四五六七八九十百零〇]{1,5}\s*页\s*[,/、]?\s*第\s*[\d一二三四五六七八九十百零〇]{1,5}\s*页$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^page\s*\d{1,4}(?:\s*of\s*\d{1,4})?$/i,
  // 版记: 抄送:…, 主送:…, 共印50份, 签发人:…
  /^(?:抄送|抄报|分送|主送|报送|发送)[:]/,
  /^版记$/,
  /^[(]?共印\s*\d{1,6}\s*份[)]?$/,
  /^(?:签发人|签发|核稿人|拟稿人|校对)[:]/,
  // Contact lines, in brackets or not: (联系人:张三;联系电话:23456789)
  /^[(]?(?:联系人|联系电话|联系方式|联系部门|联系单位|咨询电话|监督电话|电话|传真|邮编|邮政编码|电子邮箱|电子信箱|邮箱|通讯地址|地址|e-?mail)[:]/i,
  // 公开方式: (此件公开发布), 公开方式:主动公开
  /^[(]?(?:此件|本件)(?:公开发布|主动公开|依申请公开|不予公开|不公开|删减后公开|发至[\u4e00-\u9fa5]{1,12})[)]?$/,
  /^(?:公开方式|公开属性|公开类型|信息公开选项)[:]/,
  SEAL,
  // A document number alone: 咸政发〔2024〕3号
  /^[\u4e00-\u9fa5]{1,12}[〔[(]\d{4}[〕\])]\s*\d{1,5}\s*号$/,
  // The closing links of a news page: 相关报道:, 上一篇:…
  /^(?:相关报道|相关新闻|相关链接|相关阅读|相关文章|延伸阅读|推荐阅读|上一篇|下一篇|返回顶部|附件下载)(?:[:].*)?$/,
  // A salutation alone on its line: 各位代表!
  /^(?:各位代表|各位委员|各位领导|同志们|代表们|女士们、先生们)[!,:]?$/,
];

/** 附件, 附件:, 附件1:, 附件:2021年崇明区级城市体检指标体系 — the heading of an attachment, not its content. */
const ATTACHMENT = /^(?:附件|附表|附录)(?:\s*([\d一二三四五六七八九十]{1,2})(?![\d年]))?\s*([:])?\s*(.*)$/;
const SENTENCE_PUNCT = /[。!?;]/;
const HEADING_MARKER =
  /^(?:第[一二三四五六七八九十百\d]+[章节篇部分]|[一二三四五六七八九十]{1,3}[、.]|[(][一二三四五六七八九十\d]{1,3}[)]|\d{1,2}[.、](?!\d))/;

/**
 * The heading of an attachment. Only the heading line itself: what follows it (a title, a table) may
 * be content, and is judged as any other line.
 */
function isAttachmentHeading(line: string): boolean {
  const m = ATTACHMENT.exec(line);
  if (!m) return false;
  const [, number, colon, rest = ""] = m;
  // 附件所列项目… is a sentence about the attachments, not the heading of one.
  if (!number && !colon && rest !== "") return false;
  return rest.length <= 60 && !SENTENCE_PUNCT.test(rest);
}

/** Whether a line, on its own, is document furniture (without looking at the lines around it). */
export function isFurnitureLine(line: string): boolean {
  const t = line.trim();
  if (t === "") return true;
  if (FURNITURE_LINE.some((re) => re.test(t))) return true;
  return isAttachmentHeading(t);
}

/** Whether a line is nothing but the name of one or more issuing organs (南开区发展和改革委员会). */
export function isOrganLine(line: string): boolean {
  const t = line.trim();
  return t.length <= 80 && ORGAN_LINE.test(t);
}

/** A line that may stand between a signature and the end of the document. */
function isClosingLine(line: string): boolean {
  return isFurniture(line) || isFurnitureLine(line) || isOrganLine(line);
}

/**
 * A running header or footer repeats on every page: the same short line, three times or more, that is
 * neither a heading nor a sentence nor a statement of a quantity.
 */
function repeatedLines(lines: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  const out = new Set<string>();
  for (const [line, n] of counts) {
    if (n < 3 || line.length < 2 || line.length > 40) continue;
    if (SENTENCE_PUNCT.test(line) || HEADING_MARKER.test(line)) continue;
    if (findQuantities(line).length > 0) continue;
    out.add(line);
  }
  return out;
}

/**
 * For each paragraph, whether it is document furniture. Context decides for organ names: one is a
 * signature when a date line follows the organs (南开区人民政府 / 2020年3月2日), or when nothing but
 * furniture follows it to the end of the document; elsewhere an organ alone on a line is left as it is.
 */
export function furnitureParagraphs(text: string, paras: readonly Segment[]): boolean[] {
  const lines = paras.map((p) => text.slice(p.start, p.end).trim());
  const out = lines.map((line) => isFurnitureLine(line));
  const organ = lines.map((line) => isOrganLine(line));
  // The organs above a date line (several for a joint document, 盖章 between them and the date).
  for (let i = 0; i < lines.length; i++) {
    if (!DATE_LINE.test(lines[i] as string)) continue;
    // Only over organs and seals, so that each line is walked over once however many dates follow.
    for (let k = i - 1; k >= 0 && (organ[k] || SEAL.test(lines[k] as string)); k--) out[k] = true;
  }
  // The closing block: from the end, back over lines that may close a document.
  for (let k = lines.length - 1; k >= 0 && isClosingLine(lines[k] as string); k--) {
    if (organ[k]) out[k] = true;
  }
  const repeated = repeatedLines(lines);
  for (let i = 0; i < lines.length; i++) if (repeated.has(lines[i] as string)) out[i] = true;
  return out;
}

/** The paragraphs that may hold tasks and targets: those that are no document furniture. */
export function bodyParagraphs(text: string, paras: readonly Segment[]): Segment[] {
  const furniture = furnitureParagraphs(text, paras);
  return paras.filter((_, i) => !furniture[i]);
}
