/** A minimal PNG writer for the add-in's icons: an RGBA image drawn by a function, no image library. */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

/** The chitieu icon: three white bars rising on a blue rounded square. */
export function chitieuIcon(size: number): Buffer {
  const radius = size * 0.2;
  const bars = [
    { x0: 0.22, x1: 0.36, top: 0.58 },
    { x0: 0.43, x1: 0.57, top: 0.42 },
    { x0: 0.64, x1: 0.78, top: 0.26 },
  ];
  return png(size, (x, y) => {
    const u = (x + 0.5) / size;
    const v = (y + 0.5) / size;
    const dx = Math.max(radius - (x + 0.5), 0, x + 0.5 - (size - radius));
    const dy = Math.max(radius - (y + 0.5), 0, y + 0.5 - (size - radius));
    if (dx * dx + dy * dy > radius * radius) return [0, 0, 0, 0];
    if (bars.some((b) => u >= b.x0 && u <= b.x1 && v >= b.top && v <= 0.78)) return [255, 255, 255, 255];
    return [15, 108, 189, 255];
  });
}
