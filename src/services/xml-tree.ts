// A small XML reader for the parts of uploaded packages we read ourselves (OFD pages, and a depth
// check of a .docx body before mammoth sees it). Iterative, so a hostile nesting cannot overflow the
// stack, with a ceiling on depth and on element count. No DTDs, so no entity expansion ("billion
// laughs") either: only the five predefined entities and character references are decoded.

import { AppError } from "../domain/app-error.ts";

export const MAX_XML_DEPTH = 256;
export const MAX_XML_ELEMENTS = 2_000_000;

export interface XmlElement {
  /** The local name, without its namespace prefix (ofd:TextCode → TextCode). */
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return safeCodePoint(Number.parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith("#")) return safeCodePoint(Number.parseInt(ref.slice(1), 10)) ?? whole;
    return ENTITIES[ref] ?? whole;
  });
}

function safeCodePoint(code: number): string | null {
  return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

function xmlError(
  label: string,
  why: { zh: string; en: string },
  code: "bad_input" | "file_too_large" = "bad_input",
): AppError {
  return new AppError(code, { zh: `${label}：${why.zh}`, en: `${label}: ${why.en}` }, { file: label });
}

/** The `>` closing a tag, skipping any inside quoted attribute values. */
function tagEnd(text: string, from: number): number {
  let quote = "";
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return i;
  }
  return -1;
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function readAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(ATTRIBUTE)) {
    attrs[localName(m[1] as string)] = decodeEntities(m[3] ?? m[4] ?? "");
  }
  return attrs;
}

/** Parses a document into its root element. Throws AppError `bad_input` for malformed or too deep XML. */
export function parseXml(text: string, label: string, maxDepth: number = MAX_XML_DEPTH): XmlElement {
  const root: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let elements = 0;
  let at = 0;
  while (at < text.length) {
    const lt = text.indexOf("<", at);
    const textEnd = lt < 0 ? text.length : lt;
    if (textEnd > at && stack.length > 1) {
      (stack[stack.length - 1] as XmlElement).children.push(decodeEntities(text.slice(at, textEnd)));
    }
    if (lt < 0) break;
    if (text.startsWith("<!--", lt)) {
      const close = text.indexOf("-->", lt + 4);
      if (close < 0) throw xmlError(label, { zh: "XML 注释未结束", en: "an unterminated XML comment" });
      at = close + 3;
    } else if (text.startsWith("<![CDATA[", lt)) {
      const close = text.indexOf("]]>", lt + 9);
      if (close < 0) throw xmlError(label, { zh: "CDATA 未结束", en: "an unterminated CDATA section" });
      if (stack.length > 1) (stack[stack.length - 1] as XmlElement).children.push(text.slice(lt + 9, close));
      at = close + 3;
    } else if (text.startsWith("<?", lt)) {
      const close = text.indexOf("?>", lt + 2);
      if (close < 0) throw xmlError(label, { zh: "XML 声明未结束", en: "an unterminated XML declaration" });
      at = close + 2;
    } else if (text.startsWith("<!", lt)) {
      // A DOCTYPE: skipped, and its entities are never expanded.
      const close = text.indexOf(">", lt + 2);
      if (close < 0) throw xmlError(label, { zh: "DOCTYPE 未结束", en: "an unterminated DOCTYPE" });
      at = close + 1;
    } else {
      const close = tagEnd(text, lt + 1);
      if (close < 0) throw xmlError(label, { zh: "XML 标签未结束", en: "an unterminated XML tag" });
      const tag = text.slice(lt + 1, close);
      at = close + 1;
      if (tag.startsWith("/")) {
        const name = localName(tag.slice(1).trim());
        const open = stack.pop();
        if (!open || stack.length === 0 || open.name !== name) {
          throw xmlError(label, { zh: `XML 标签不匹配（</${name}>）`, en: `mismatched XML tag </${name}>` });
        }
        continue;
      }
      const selfClosing = tag.endsWith("/");
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const space = body.search(/\s/);
      const name = localName(space < 0 ? body : body.slice(0, space));
      const element: XmlElement = {
        name,
        attrs: space < 0 ? {} : readAttributes(body.slice(space)),
        children: [],
      };
      elements++;
      if (elements > MAX_XML_ELEMENTS) {
        throw xmlError(
          label,
          { zh: `XML 元素超过 ${MAX_XML_ELEMENTS} 个`, en: `over ${MAX_XML_ELEMENTS} XML elements` },
          "file_too_large",
        );
      }
      (stack[stack.length - 1] as XmlElement).children.push(element);
      if (!selfClosing) {
        stack.push(element);
        if (stack.length - 1 > maxDepth) {
          throw xmlError(label, {
            zh: `XML 嵌套超过 ${maxDepth} 层`,
            en: `XML nested deeper than ${maxDepth} levels`,
          });
        }
      }
    }
  }
  if (stack.length !== 1)
    throw xmlError(label, { zh: "XML 未正常结束", en: "the XML ends before its elements close" });
  const first = root.children.find((c): c is XmlElement => typeof c !== "string");
  if (!first) throw xmlError(label, { zh: "没有 XML 根元素", en: "no XML root element" });
  return first;
}

/** Throws unless the XML nests at most `maxDepth` levels; cheaper than parsing, for text others parse. */
export function checkXmlDepth(text: string, label: string, maxDepth: number = MAX_XML_DEPTH): void {
  let depth = 0;
  const tags = /<(\/?)([^\s>!?/]*)[^>]*?(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g;
  for (const m of text.matchAll(tags)) {
    if (m[2] === undefined || m[2] === "") continue; // comment, CDATA, declaration
    if (m[1] === "/") depth--;
    else if (m[3] !== "/") {
      depth++;
      if (depth > maxDepth) {
        throw xmlError(label, {
          zh: `XML 嵌套超过 ${maxDepth} 层`,
          en: `XML nested deeper than ${maxDepth} levels`,
        });
      }
    }
  }
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (c): c is XmlElement => typeof c !== "string" && (name === undefined || c.name === name),
  );
}

export function firstChild(element: XmlElement, name: string): XmlElement | null {
  return childElements(element, name)[0] ?? null;
}

export function textOf(element: XmlElement): string {
  const parts: string[] = [];
  const stack: (XmlElement | string)[] = [element];
  while (stack.length > 0) {
    const node = stack.pop() as XmlElement | string;
    if (typeof node === "string") parts.push(node);
    else
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as XmlElement | string);
  }
  return parts.join("");
}

/** Every descendant named `name`, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [element];
  while (stack.length > 0) {
    const node = stack.pop() as XmlElement;
    if (node !== element && node.name === name) out.push(node);
    const kids = childElements(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as XmlElement);
  }
  return out;
}
