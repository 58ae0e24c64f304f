import { formatPath, JaugeValidationError, type ValidationIssue } from '../errors.js';
import { describeValue } from '../framework/issues.js';

/** One file to put in a ZIP archive: its path inside the archive (`/`-separated) and its bytes or text (written as UTF-8). */
export interface ZipEntry {
  path: string;
  data: Uint8Array | string;
}

/** Options of {@link createZip}. */
export interface ZipOptions {
  /**
   * Modification date written for every file (its UTC fields, to the even second, as ZIP stores
   * MS-DOS dates). Defaults to 2026-01-01 00:00: the same entries always give the same bytes.
   */
  date?: Date;
}

const DEFAULT_DATE = Date.UTC(2026, 0, 1, 0, 0, 0);
/** General purpose flag bit 11: the file name is UTF-8. */
const UTF8_FLAG = 0x0800;
const MAX_ENTRIES = 0xffff;
const MAX_SIZE = 0xffffffff;

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309, the polynomial of ZIP and PNG) of some bytes, as an unsigned integer. */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * Why a path cannot name a file of an archive, or `undefined` when it can: a relative path of
 * non-empty `/`-separated segments, none of them `.` or `..`, without backslash, drive letter or
 * control character.
 */
export function zipPathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string' || path === '') return `expected a relative file path, found ${describeValue(path)}`;
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'expected a relative file path, found an absolute path';
  if (path.includes('\\')) return 'expected "/" as the only separator, found a backslash';
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'expected a file path without control characters, found one';
  const segments = path.split('/');
  if (segments.some((segment) => segment === '..')) return 'expected a path inside the archive, found a ".." segment';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'expected non-empty path segments (no "//", "./" or trailing "/"), found an empty one';
  return undefined;
}

/** MS-DOS time and date fields of a date (UTC), clamped to the range ZIP can store (1980–2107). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, date.getUTCFullYear()));
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return { time, date: day };
}

/**
 * Raw deflate (RFC 1951) through the web-standard `CompressionStream`, or `undefined` where it is
 * missing or does not know `deflate-raw` (then the file is stored).
 */
async function deflateRaw(data: Uint8Array): Promise<Uint8Array | undefined> {
  if (data.length === 0 || typeof CompressionStream !== 'function') return undefined;
  let stream: CompressionStream;
  try {
    stream = new CompressionStream('deflate-raw');
  } catch {
    return undefined;
  }
  const writer = stream.writable.getWriter();
  // The write settles only once the output is read: errors surface through the reader below.
  // A copy: the stream takes only bytes over a plain ArrayBuffer (never a SharedArrayBuffer).
  writer.write(new Uint8Array(data)).catch(() => undefined);
  writer.close().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A little-endian byte writer over a growing list of chunks. */
class ByteWriter {
  readonly chunks: Uint8Array[] = [];
  length = 0;

  bytes(data: Uint8Array): void {
    this.chunks.push(data);
    this.length += data.length;
  }

  /** Writes 16- and 32-bit little-endian fields (`[value, 2 | 4]` pairs). */
  fields(...fields: [number, 2 | 4][]): void {
    const size = fields.reduce((n, [, width]) => n + width, 0);
    const view = new DataView(new ArrayBuffer(size));
    let at = 0;
    for (const [value, width] of fields) {
      if (width === 2) view.setUint16(at, value, true);
      else view.setUint32(at, value, true);
      at += width;
    }
    this.bytes(new Uint8Array(view.buffer));
  }

  concat(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

/**
 * Writes a ZIP archive (PKWARE APPNOTE 6.3: local headers, central directory, end record), as
 * every LMS and unzip tool reads it. Each file is deflated with the web-standard
 * `CompressionStream('deflate-raw')` (Node ≥ 20.12, current browsers), or stored when deflating
 * does not make it smaller or is not available. File names are UTF-8 (flag bit 11). No clock is
 * read: the same entries and date give the same bytes on a given runtime.
 *
 * @throws {@link JaugeValidationError} for an absolute path, a `..` segment, a backslash, a path
 * given twice (each at `files.<path>`), or an archive too large for ZIP without ZIP64 (65,535
 * files, 4 GB).
 */
export async function createZip(entries: readonly ZipEntry[], options: ZipOptions = {}): Promise<Uint8Array> {
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(entries)) throw new JaugeValidationError('ZIP entries', [{ path: 'files', message: `expected an array of { path, data }, found ${describeValue(entries)}` }]);
  const date = options.date ?? new Date(DEFAULT_DATE);
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) issues.push({ path: 'date', message: `expected a valid Date, found ${describeValue(date)}` });
  if (entries.length > MAX_ENTRIES) issues.push({ path: 'files', message: `expected at most ${MAX_ENTRIES} files, found ${entries.length}` });
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const path = (entry as Partial<ZipEntry> | null)?.path;
    const where = typeof path === 'string' ? formatPath(['files', path]) : `files[${i}]`;
    const problem = zipPathProblem(path);
    if (problem) issues.push({ path: where, message: problem });
    else if (seen.has(path as string)) issues.push({ path: where, message: 'expected each path once, found it again' });
    seen.add(path as string);
    const data = (entry as Partial<ZipEntry> | null)?.data;
    if (typeof data !== 'string' && !(data instanceof Uint8Array)) issues.push({ path: where, message: `expected the file's data as a Uint8Array or a string, found ${describeValue(data)}` });
  });
  if (issues.length > 0) throw new JaugeValidationError('ZIP entries', issues);

  const dos = dosDateTime(date);
  const encoder = new TextEncoder();
  const out = new ByteWriter();
  const central = new ByteWriter();
  for (const entry of entries) {
    const name = encoder.encode(entry.path);
    const data = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data;
    const crc = crc32(data);
    const deflated = await deflateRaw(data);
    const compress = deflated !== undefined && deflated.length < data.length;
    const stored = compress ? deflated : data;
    const method = compress ? 8 : 0;
    const offset = out.length;
    if (data.length > MAX_SIZE || offset + 30 + name.length + stored.length > MAX_SIZE) {
      throw new JaugeValidationError('ZIP entries', [{ path: formatPath(['files', entry.path]), message: 'expected an archive under 4 GB (ZIP64 is not written), found more' }]);
    }
    // Local file header.
    out.fields([0x04034b50, 4], [20, 2], [UTF8_FLAG, 2], [method, 2], [dos.time, 2], [dos.date, 2], [crc, 4], [stored.length, 4], [data.length, 4], [name.length, 2], [0, 2]);
    out.bytes(name);
    out.bytes(stored);
    // Central directory header: made by 2.0 (MS-DOS attributes), no extra field, comment or attributes.
    central.fields(
      [0x02014b50, 4], [20, 2], [20, 2], [UTF8_FLAG, 2], [method, 2], [dos.time, 2], [dos.date, 2], [crc, 4], [stored.length, 4], [data.length, 4],
      [name.length, 2], [0, 2], [0, 2], [0, 2], [0, 2], [0, 4], [offset, 4],
    );
    central.bytes(name);
  }
  const centralOffset = out.length;
  for (const chunk of central.chunks) out.bytes(chunk);
  // End of central directory record.
  out.fields([0x06054b50, 4], [0, 2], [0, 2], [entries.length, 2], [entries.length, 2], [central.length, 4], [centralOffset, 4], [0, 2]);
  return out.concat();
}
