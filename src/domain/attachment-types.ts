// What a report may carry as an attachment, told by the file's first bytes and not only by its name:
// an .exe renamed .pdf is refused. Pure: bytes and a name in, a type or a reason out.

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export type AttachmentKind = "pdf" | "docx" | "xlsx" | "jpg" | "png" | "txt";

export const ATTACHMENT_MEDIA_TYPES: Record<AttachmentKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  jpg: "image/jpeg",
  png: "image/png",
  txt: "text/plain; charset=utf-8",
};

const EXTENSIONS: Record<string, AttachmentKind> = {
  pdf: "pdf",
  docx: "docx",
  xlsx: "xlsx",
  jpg: "jpg",
  jpeg: "jpg",
  png: "png",
  txt: "txt",
};

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** Whether an ASCII string occurs in the bytes (zip entry names are stored in plain text). */
function containsAscii(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (
    let i = bytes.indexOf(first);
    i !== -1 && i + text.length <= bytes.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    for (let j = 1; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The kind the bytes are, or null when they are none of the accepted ones. */
export function sniffAttachment(bytes: Uint8Array): AttachmentKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpg";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (containsAscii(bytes, "word/document.xml")) return "docx";
    if (containsAscii(bytes, "xl/workbook.xml")) return "xlsx";
    return null;
  }
  return isUtf8Text(bytes) ? "txt" : null;
}

export type AttachmentCheck =
  | { ok: true; kind: AttachmentKind; mediaType: string }
  | {
      ok: false;
      reason: "empty" | "too_large" | "extension" | "content" | "mismatch";
      kind?: AttachmentKind | null;
    };

export function checkAttachment(fileName: string, bytes: Uint8Array): AttachmentCheck {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, reason: "too_large" };
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const claimed = EXTENSIONS[ext];
  if (!claimed) return { ok: false, reason: "extension" };
  const kind = sniffAttachment(bytes);
  if (kind === null) return { ok: false, reason: "content", kind: null };
  if (kind !== claimed) return { ok: false, reason: "mismatch", kind };
  return { ok: true, kind, mediaType: ATTACHMENT_MEDIA_TYPES[kind] };
}

/** A file name safe to store and to send back: no directories, control characters, quotes or backslashes. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = [...base]
    .filter((c) => {
      const code = c.charCodeAt(0);
      return code >= 0x20 && code !== 0x7f && c !== '"';
    })
    .join("")
    .trim();
  return cleaned.slice(-200) || "file";
}

/** Content-Disposition for a download: an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(name: string): string {
  const safe = safeFileName(name);
  const ascii = safe.replace(/[^\x20-\x7e]/g, "_").replace(/[%;]/g, "_");
  const encoded = encodeURIComponent(safe).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
