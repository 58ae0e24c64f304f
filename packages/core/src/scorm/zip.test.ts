import { crc32 as nodeCrc32 } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/issues.js';
import { crc32, createZip } from './zip.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The central directory records, read by hand: name, method, CRC, sizes, flags, DOS date and time. */
function centralDirectory(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const records = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    records.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength;
  }
  return records;
}

describe('createZip', () => {
  const text = 'Compétences numériques — '.repeat(200);
  const binary = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251);
  const entries = [
    { path: 'index.html', data: '<!doctype html><title>x</title>' },
    { path: 'jauge/long.txt', data: text },
    { path: 'dossier/données é€ 😀.bin', data: binary },
    { path: 'vide.txt', data: '' },
    { path: 'one-byte', data: new Uint8Array([42]) },
  ];

  it('writes an archive an independent reader (fflate) extracts byte for byte', async () => {
    const zip = await createZip(entries);
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(entries.map((entry) => entry.path));
    for (const entry of entries) {
      expect(files[entry.path]).toEqual(typeof entry.data === 'string' ? utf8(entry.data) : entry.data);
    }
    expect(files['vide.txt']).toHaveLength(0);
  });

  it('deflates what shrinks, stores the rest, with UTF-8 names, correct CRCs and the fixed date', async () => {
    const records = centralDirectory(await createZip(entries));
    expect(records.map((r) => r.name)).toEqual(entries.map((e) => e.path));
    for (const [i, record] of records.entries()) {
      const data = typeof entries[i]!.data === 'string' ? utf8(entries[i]!.data as string) : (entries[i]!.data as Uint8Array);
      expect(record.crc).toBe(nodeCrc32(data));
      expect(record.size).toBe(data.length);
      expect(record.flags).toBe(0x0800);
    }
    // The long repetitive text is deflated; the empty and one-byte files are stored.
    expect(records[1]).toMatchObject({ method: 8 });
    expect(records[1]!.compressed).toBeLessThan(records[1]!.size / 10);
    expect(records[3]).toMatchObject({ method: 0, compressed: 0, size: 0 });
    expect(records[4]).toMatchObject({ method: 0, compressed: 1, size: 1 });
    // 2026-01-01 00:00: ((2026 - 1980) << 9) | (1 << 5) | 1, time 0.
    expect(records.every((r) => r.date === ((46 << 9) | (1 << 5) | 1) && r.time === 0)).toBe(true);
  });

  it('is deterministic and takes the date from options (UTC)', async () => {
    const a = await createZip(entries);
    expect(await createZip(entries)).toEqual(a);
    const dated = centralDirectory(await createZip(entries, { date: new Date(Date.UTC(2031, 6, 14, 13, 45, 31)) }));
    expect(dated[0]).toMatchObject({ date: (51 << 9) | (7 << 5) | 14, time: (13 << 11) | (45 << 5) | 15 });
  });

  it('computes CRC-32 like zlib', () => {
    for (const data of [new Uint8Array(0), utf8('123456789'), binary, utf8(text)]) expect(crc32(data)).toBe(nodeCrc32(data));
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
  });

  it('refuses unsafe or repeated paths, with every problem', async () => {
    const bad = [
      { path: '/etc/passwd', data: '' },
      { path: 'a/../../evil', data: '' },
      { path: 'dir\\file', data: '' },
      { path: 'ok.txt', data: '' },
      { path: 'ok.txt', data: 'again' },
      { path: 'C:/x', data: '' },
      { path: 'a//b', data: '' },
      { path: '', data: '' },
    ];
    const issues = await createZip(bad).then(
      () => [],
      (error: unknown) => issuesOf(() => { throw error; }),
    );
    expect(issues).toEqual([
      { path: 'files["/etc/passwd"]', message: 'expected a relative file path, found an absolute path' },
      { path: 'files["a/../../evil"]', message: 'expected a path inside the archive, found a ".." segment' },
      { path: 'files["dir\\\\file"]', message: 'expected "/" as the only separator, found a backslash' },
      { path: 'files["ok.txt"]', message: 'expected each path once, found it again' },
      { path: 'files["C:/x"]', message: 'expected a relative file path, found an absolute path' },
      { path: 'files["a//b"]', message: 'expected non-empty path segments (no "//", "./" or trailing "/"), found an empty one' },
      { path: 'files[""]', message: 'expected a relative file path, found the string ""' },
    ]);
  });

  it('writes an empty archive', async () => {
    const zip = await createZip([]);
    expect(zip).toHaveLength(22);
    expect(unzipSync(zip)).toEqual({});
  });
});
