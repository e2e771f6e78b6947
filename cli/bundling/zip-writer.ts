import { deflateRawSync } from "node:zlib";

/**
 * A deterministic zip archive: the same files give the same bytes. Entries are sorted by name,
 * every timestamp is the zip epoch (1980-01-01 00:00), permissions are fixed (a regular file,
 * rw-r--r--) and nothing of the machine (owner, extra fields) is written. Lambda deploys by the
 * archive's hash, so an unchanged build must not look like a new version.
 */

export interface ZipFile {
  /** Path inside the archive, with `/`. */
  readonly name: string;
  readonly data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const VERSION_NEEDED = 20;
/** Made by Unix (3), spec 2.0: the external attributes then carry Unix permissions. */
const VERSION_MADE_BY = (3 << 8) | 20;
const UNIX_REGULAR_FILE = 0o100644;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
/** DOS date of 1980-01-01: (year - 1980) << 9 | month << 5 | day. */
const DOS_EPOCH_DATE = (1 << 5) | 1;
const DOS_EPOCH_TIME = 0;
/** Bit 11: names are UTF-8. */
const FLAG_UTF8 = 1 << 11;

export function writeZip(files: readonly ZipFile[]): Buffer {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;

  for (const file of sorted) {
    const name = Buffer.from(file.name, "utf8");
    const deflated = deflateRawSync(file.data, { level: 9 });
    const stored = deflated.length >= file.data.length;
    const body = stored ? Buffer.from(file.data) : deflated;
    const fields: EntryFields = {
      method: stored ? METHOD_STORED : METHOD_DEFLATED,
      crc: crc32(file.data),
      compressedSize: body.length,
      size: file.data.length,
      name,
    };

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    writeCommon(local, 6, fields);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(VERSION_MADE_BY, 4);
    central.writeUInt16LE(VERSION_NEEDED, 6);
    writeCommon(central, 8, fields);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30); // extra field length
    central.writeUInt16LE(0, 32); // comment length
    central.writeUInt16LE(0, 34); // disk number
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE((UNIX_REGULAR_FILE << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }

  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

interface EntryFields {
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly name: Buffer;
}

/** The fields local and central headers share, from flags to sizes (22 bytes). */
function writeCommon(header: Buffer, at: number, fields: EntryFields): void {
  header.writeUInt16LE(FLAG_UTF8, at);
  header.writeUInt16LE(fields.method, at + 2);
  header.writeUInt16LE(DOS_EPOCH_TIME, at + 4);
  header.writeUInt16LE(DOS_EPOCH_DATE, at + 6);
  header.writeUInt32LE(fields.crc, at + 8);
  header.writeUInt32LE(fields.compressedSize, at + 12);
  header.writeUInt32LE(fields.size, at + 16);
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3), as zip requires; `zlib.crc32` is missing from older Node 20 releases. */
export function crc32(data: Uint8Array): number {
  const table = (crcTable ??= makeCrcTable());
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function makeCrcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}
