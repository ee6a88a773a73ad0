// Unpacks zip-based uploads (.docx, .xlsx, .ofd) with a ceiling on the work: a 1 MB file that
// inflates to 300 MB once took the server down (issue 15). The central directory's declared sizes are
// checked before anything is inflated, and the real bytes are counted while inflating, because a
// bomb's declared sizes are whatever its maker wrote.

import { createInflateRaw } from "node:zlib";
import { AppError } from "../domain/app-error.ts";

export interface ZipLimits {
  /** All entries together, unpacked. */
  maxTotalBytes: number;
  maxEntryBytes: number;
  maxEntries: number;
}

const MB = 1024 * 1024;
export const ZIP_MAX_TOTAL_BYTES = 200 * MB;
export const ZIP_MAX_ENTRY_BYTES = 100 * MB;
export const ZIP_MAX_ENTRIES = 5000;
export const ZIP_UNPACK_RATIO = 10;
/** Below this the ratio is not applied: a small document's XML alone may deflate more than 10×. */
export const ZIP_RATIO_FLOOR_BYTES = 2 * MB;

/** The limits for an upload of `uploadBytes`: 10× its size (at least 2 MB), never over 200 MB. */
export function zipLimitsFor(uploadBytes: number): ZipLimits {
  const total = Math.min(
    ZIP_MAX_TOTAL_BYTES,
    Math.max(ZIP_RATIO_FLOOR_BYTES, uploadBytes * ZIP_UNPACK_RATIO),
  );
  return {
    maxTotalBytes: total,
    maxEntryBytes: Math.min(total, ZIP_MAX_ENTRY_BYTES),
    maxEntries: ZIP_MAX_ENTRIES,
  };
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** As declared by the central directory: not to be trusted. */
  declaredSize: number;
  localHeaderOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

function mb(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}

function damaged(label: string, why: { zh: string; en: string }): AppError {
  return new AppError(
    "bad_input",
    { zh: `${label}：压缩包已损坏（${why.zh}）`, en: `${label}: a damaged zip archive (${why.en})` },
    { file: label },
  );
}

function tooLarge(
  label: string,
  limit: { zh: string; en: string },
  details: Record<string, unknown>,
): AppError {
  return new AppError(
    "file_too_large",
    {
      zh: `${label}：解压后超出限制（${limit.zh}），已拒收`,
      en: `${label}: refused, unpacking it exceeds a limit (${limit.en})`,
    },
    { file: label, ...details },
  );
}

function findEnd(view: DataView): number {
  // The end record sits in the last 22 bytes plus up to a 64 KB comment.
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= stop; at--) {
    if (view.getUint32(at, true) === SIG_END) return at;
  }
  return -1;
}

function bigToNumber(value: bigint, label: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw damaged(label, { zh: "尺寸字段无效", en: "an impossible size" });
  return Number(value);
}

/** Reads the central directory and checks the declared sizes and the entry count. Inflates nothing. */
export function listZipEntries(bytes: Uint8Array, label: string, limits: ZipLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length >= 22 ? findEnd(view) : -1;
  if (end < 0) throw damaged(label, { zh: "找不到中央目录", en: "no central directory" });
  let count = view.getUint16(end + 10, true);
  let dirSize = view.getUint32(end + 12, true);
  let dirOffset = view.getUint32(end + 16, true);
  if ((count === 0xffff || dirOffset === 0xffffffff) && end >= 20) {
    const locator = end - 20;
    if (view.getUint32(locator, true) === SIG_END64_LOCATOR) {
      const at = bigToNumber(view.getBigUint64(locator + 8, true), label);
      if (at + 56 > bytes.length || view.getUint32(at, true) !== SIG_END64) {
        throw damaged(label, { zh: "ZIP64 目录无效", en: "a bad ZIP64 directory" });
      }
      count = bigToNumber(view.getBigUint64(at + 32, true), label);
      dirSize = bigToNumber(view.getBigUint64(at + 40, true), label);
      dirOffset = bigToNumber(view.getBigUint64(at + 48, true), label);
    }
  }
  if (count > limits.maxEntries) {
    throw tooLarge(
      label,
      {
        zh: `最多 ${limits.maxEntries} 个条目，实有 ${count} 个`,
        en: `at most ${limits.maxEntries} entries, it has ${count}`,
      },
      { limit: "entries", maxEntries: limits.maxEntries, entries: count },
    );
  }
  if (dirOffset + dirSize > bytes.length)
    throw damaged(label, { zh: "目录越界", en: "the directory runs past the end" });
  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== SIG_CENTRAL) {
      throw damaged(label, { zh: "目录条目无效", en: "a bad directory entry" });
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let declaredSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // ZIP64: the sizes that overflowed 32 bits are in extra field 0x0001, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = Math.min(extra + extraLength, bytes.length);
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const size = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let field = extra + 4;
        const read = (): number => {
          if (field + 8 > extra + 4 + size)
            throw damaged(label, { zh: "ZIP64 字段无效", en: "a bad ZIP64 field" });
          const value = bigToNumber(view.getBigUint64(field, true), label);
          field += 8;
          return value;
        };
        if (declaredSize === 0xffffffff) declaredSize = read();
        if (compressedSize === 0xffffffff) compressedSize = read();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = read();
      }
      extra += 4 + size;
    }
    if (flags & 1) {
      throw new AppError(
        "unsupported_file",
        {
          zh: `${label}：压缩包已加密（${name}），无法读取`,
          en: `${label}: the archive is encrypted (${name})`,
        },
        { file: label, entry: name },
      );
    }
    if (declaredSize > limits.maxEntryBytes) {
      throw tooLarge(
        label,
        {
          zh: `单个条目最多 ${mb(limits.maxEntryBytes)}，${name} 声明 ${mb(declaredSize)}`,
          en: `at most ${mb(limits.maxEntryBytes)} per entry, ${name} declares ${mb(declaredSize)}`,
        },
        { limit: "entry", maxEntryBytes: limits.maxEntryBytes, entry: name },
      );
    }
    total += declaredSize;
    if (total > limits.maxTotalBytes) {
      throw tooLarge(
        label,
        { zh: `解压后最多 ${mb(limits.maxTotalBytes)}`, en: `at most ${mb(limits.maxTotalBytes)} unpacked` },
        { limit: "total", maxTotalBytes: limits.maxTotalBytes },
      );
    }
    entries.push({ name, method, compressedSize, declaredSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function compressedData(bytes: Uint8Array, view: DataView, entry: ZipEntry, label: string): Uint8Array {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== SIG_LOCAL) {
    throw damaged(label, { zh: `${entry.name} 的本地头无效`, en: `a bad local header for ${entry.name}` });
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) {
    throw damaged(label, { zh: `${entry.name} 的数据越界`, en: `${entry.name} runs past the end` });
  }
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Inflates one entry, stopping as soon as it passes `budget` bytes (whatever it declared). */
function inflateCounted(
  data: Uint8Array,
  budget: number,
  keep: boolean,
  onChunk?: (chunk: Uint8Array) => void,
): Promise<{
  size: number;
  bytes: Uint8Array | null;
  over: boolean;
  error: string | null;
  thrown?: unknown;
}> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw();
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (over: boolean, error: string | null, thrown?: unknown) => {
      if (settled) return;
      settled = true;
      resolve({
        size,
        bytes: keep && !over && !error ? Buffer.concat(chunks, size) : null,
        over,
        error,
        ...(thrown !== undefined ? { thrown } : {}),
      });
    };
    inflater.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        finish(true, null);
        inflater.destroy();
        return;
      }
      if (onChunk) {
        try {
          onChunk(chunk);
        } catch (thrown) {
          // The reader has seen enough (a sheet past its row limit): stop inflating now.
          finish(false, null, thrown);
          inflater.destroy();
          return;
        }
      }
      if (keep) chunks.push(chunk);
    });
    inflater.on("error", (error) => finish(false, error.message));
    inflater.on("end", () => finish(false, null));
    inflater.end(data);
  });
}

export interface UnzipOptions {
  /** Which entries to return; every entry is inflated (and counted) all the same. */
  keep?: (name: string) => boolean;
  /**
   * Sees each inflated piece of the entries it names as it comes, without their being kept whole; a
   * throw stops the unzip with that error.
   */
  stream?: { entries: (name: string) => boolean; onChunk: (name: string, chunk: Uint8Array) => void };
  limits?: ZipLimits;
}

/**
 * Inflates every entry of a zip within the limits (by default `zipLimitsFor(bytes.length)`) and
 * returns the kept ones by name. Throws AppError `file_too_large` naming the limit, or `bad_input`
 * for a damaged archive.
 */
export async function unzipBounded(
  bytes: Uint8Array,
  label: string,
  options: UnzipOptions = {},
): Promise<Map<string, Uint8Array>> {
  const limits = options.limits ?? zipLimitsFor(bytes.length);
  const entries = listZipEntries(bytes, label, limits);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries) {
    if (entry.name.endsWith("/") && entry.compressedSize === 0) continue;
    const data = compressedData(bytes, view, entry, label);
    const keep = options.keep?.(entry.name) ?? false;
    const remaining = limits.maxTotalBytes - total;
    const budget = Math.min(limits.maxEntryBytes, remaining);
    if (entry.method === 0) {
      if (data.length > budget) {
        throw tooLarge(
          label,
          {
            zh: `解压后最多 ${mb(limits.maxTotalBytes)}`,
            en: `at most ${mb(limits.maxTotalBytes)} unpacked`,
          },
          { limit: "total", maxTotalBytes: limits.maxTotalBytes },
        );
      }
      total += data.length;
      if (options.stream?.entries(entry.name)) options.stream.onChunk(entry.name, data);
      if (keep) out.set(entry.name, data);
      continue;
    }
    if (entry.method !== 8) {
      throw new AppError(
        "unsupported_file",
        {
          zh: `${label}：不支持的压缩方式 ${entry.method}（${entry.name}）`,
          en: `${label}: unsupported compression method ${entry.method} (${entry.name})`,
        },
        { file: label, entry: entry.name },
      );
    }
    const stream = options.stream;
    const result = await inflateCounted(
      data,
      budget,
      keep,
      stream?.entries(entry.name) ? (chunk) => stream.onChunk(entry.name, chunk) : undefined,
    );
    if (result.thrown !== undefined) throw result.thrown;
    if (result.over) {
      const entryLimit = budget === limits.maxEntryBytes && remaining > limits.maxEntryBytes;
      throw tooLarge(
        label,
        entryLimit
          ? {
              zh: `单个条目最多 ${mb(limits.maxEntryBytes)}（${entry.name}）`,
              en: `at most ${mb(limits.maxEntryBytes)} per entry (${entry.name})`,
            }
          : {
              zh: `解压后最多 ${mb(limits.maxTotalBytes)}`,
              en: `at most ${mb(limits.maxTotalBytes)} unpacked`,
            },
        entryLimit
          ? { limit: "entry", maxEntryBytes: limits.maxEntryBytes, entry: entry.name }
          : { limit: "total", maxTotalBytes: limits.maxTotalBytes },
      );
    }
    if (result.error !== null) {
      throw damaged(label, {
        zh: `${entry.name} 无法解压`,
        en: `${entry.name} does not inflate: ${result.error}`,
      });
    }
    total += result.size;
    if (keep && result.bytes) out.set(entry.name, result.bytes);
  }
  return out;
}

/**
 * The guard for readers that unzip on their own (exceljs, mammoth): throws unless the whole archive
 * unpacks within the limits. Call it before they see the bytes.
 */
export async function assertZipWithinLimits(bytes: Uint8Array, label: string): Promise<void> {
  if (!isZip(bytes)) return; // not a zip: the reader's own error says so
  await unzipBounded(bytes, label);
}
