// Word's "single file web page" (MHTML): a MIME message whose text/html part is the document. Many
// government sites serve these under a .doc name, so a ".doc" that turns out to be MHTML is read as
// the web page inside it.

const HEADER_END = /\r?\n\r?\n/;

/** Whether the bytes (decoded as Latin-1, enough for the MIME headers) start an MHTML message. */
export function looksLikeMht(head: string): boolean {
  return /^\s*(?:[\w-]+:[^\n]*\r?\n)*MIME-Version:\s*1\.0/i.test(head.slice(0, 2048));
}

function headerValue(headers: string, name: string): string | null {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, " ");
  const m = new RegExp(`^${name}:\\s*(.*)$`, "im").exec(unfolded);
  return m ? (m[1] as string).trim() : null;
}

function parameter(value: string | null, name: string): string | null {
  if (!value) return null;
  const m = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i").exec(value);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function quotedPrintable(body: string): Uint8Array {
  const joined = body.replace(/=\r?\n/g, "");
  const out: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const ch = joined[i] as string;
    const hex = ch === "=" ? joined.slice(i + 1, i + 3) : "";
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(Number.parseInt(hex, 16));
      i += 2;
    } else out.push(ch.charCodeAt(0) & 0xff);
  }
  return new Uint8Array(out);
}

function decode(data: Uint8Array, charset: string | null): string {
  const name = (charset ?? "utf-8").toLowerCase();
  // GB2312 and GBK pages are decoded as their superset, as the text reader does.
  const label = /^(?:gb2312|gbk|gb18030|x-gbk|cp936)$/.test(name) ? "gb18030" : name;
  try {
    return new TextDecoder(label).decode(data);
  } catch {
    return new TextDecoder("utf-8").decode(data);
  }
}

/** The HTML of the first text/html part of an MHTML message, or null when it has none. */
export function mhtHtml(bytes: Uint8Array): string | null {
  const raw = new TextDecoder("latin1").decode(bytes);
  const split = HEADER_END.exec(raw);
  if (!split) return null;
  const headers = raw.slice(0, split.index);
  const boundary = parameter(headerValue(headers, "Content-Type"), "boundary");
  const parts = boundary ? raw.split(`--${boundary}`).slice(1) : [raw];
  for (const part of parts) {
    const end = HEADER_END.exec(part);
    if (!end) continue;
    const partHeaders = part.slice(0, end.index);
    const type = boundary ? headerValue(partHeaders, "Content-Type") : headerValue(headers, "Content-Type");
    if (!type || !/^text\/html/i.test(type)) continue;
    const body = part.slice(end.index + end[0].length);
    const encoding = (headerValue(partHeaders, "Content-Transfer-Encoding") ?? "").toLowerCase();
    const data =
      encoding === "base64"
        ? new Uint8Array(Buffer.from(body.replace(/\s+/g, ""), "base64"))
        : encoding === "quoted-printable"
          ? quotedPrintable(body)
          : new Uint8Array([...body].map((ch) => ch.charCodeAt(0) & 0xff));
    return decode(data, parameter(type, "charset"));
  }
  return null;
}
