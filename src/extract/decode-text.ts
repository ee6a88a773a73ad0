// Turns the bytes of a text file into a string. Government sites still serve GB18030/GBK, so a file
// that is not valid UTF-8 is read as GB18030 (a superset of GBK and GB2312).

import { AppError } from "../domain/app-error.ts";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** True when a byte-order mark was present (and removed). */
  bom: boolean;
}

function hasPrefix(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Share of bytes that no text file holds: NUL and C0 controls other than tab, CR, LF, FF, ESC. */
function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) bad++;
  }
  return n === 0 ? 0 : bad / n;
}

function tryDecode(bytes: Uint8Array, encoding: TextEncodingName): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes a text file's bytes. Throws AppError `empty_file` for nothing but white space and
 * `unsupported_file` for binary content; `name` only labels the error.
 */
export function decodeText(bytes: Uint8Array, name = "file"): DecodedText {
  let decoded: DecodedText | null = null;
  if (hasPrefix(bytes, [0xef, 0xbb, 0xbf])) {
    const text = tryDecode(bytes.subarray(3), "utf-8");
    if (text !== null) decoded = { text, encoding: "utf-8", bom: true };
  } else if (hasPrefix(bytes, [0xff, 0xfe])) {
    decoded = {
      text: new TextDecoder("utf-16le").decode(bytes.subarray(2)),
      encoding: "utf-16le",
      bom: true,
    };
  } else if (hasPrefix(bytes, [0xfe, 0xff])) {
    decoded = {
      text: new TextDecoder("utf-16be").decode(bytes.subarray(2)),
      encoding: "utf-16be",
      bom: true,
    };
  }
  if (!decoded) {
    if (controlShare(bytes) > 0.01) {
      throw new AppError(
        "unsupported_file",
        { zh: `${name}：二进制文件，不是文本`, en: `${name}: binary content, not text` },
        {
          file: name,
        },
      );
    }
    const utf8 = tryDecode(bytes, "utf-8");
    if (utf8 !== null) decoded = { text: utf8, encoding: "utf-8", bom: false };
    else {
      const gb = tryDecode(bytes, "gb18030");
      if (gb === null) {
        throw new AppError(
          "unsupported_file",
          {
            zh: `${name}：无法识别的文本编码（既非 UTF-8 也非 GB18030/GBK）`,
            en: `${name}: unreadable encoding (neither UTF-8 nor GB18030/GBK)`,
          },
          { file: name },
        );
      }
      decoded = { text: gb, encoding: "gb18030", bom: false };
    }
  }
  if (decoded.text.trim() === "") {
    throw new AppError(
      "empty_file",
      { zh: `${name}：文件为空`, en: `${name}: the file is empty` },
      { file: name },
    );
  }
  if (decoded.text.includes("\u0000")) {
    throw new AppError(
      "unsupported_file",
      { zh: `${name}：二进制文件，不是文本`, en: `${name}: binary content, not text` },
      {
        file: name,
      },
    );
  }
  return decoded;
}
