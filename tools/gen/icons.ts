/**
 * Draws the app icons (PNG 192/512, maskable 512, apple-touch 180) into public/icons with no image
 * library: an anti-aliased signed-distance rendering encoded by node:zlib. Run: npx tsx tools/gen/icons.ts
 * The mark is two overlapping figures, a person and their twin.
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const BG: [number, number, number] = [15, 118, 110]; // teal-700
const FG: [number, number, number] = [255, 255, 255];
const FG2: [number, number, number] = [153, 246, 228]; // teal-200

function crc32(buf: Uint8Array): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

const circle =
  (cx: number, cy: number, r: number) =>
  (x: number, y: number): number =>
    Math.hypot(x - cx, y - cy) - r;
const roundRect =
  (r: number, pad: number) =>
  (x: number, y: number): number => {
    const qx = Math.abs(x - 0.5) - (0.5 - pad - r),
      qy = Math.abs(y - 0.5) - (0.5 - pad - r);
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };
/** A head and shoulders centred at cx, in unit coordinates, scaled by s. */
const figure =
  (cx: number, cy: number, s: number) =>
  (x: number, y: number): number => {
    const head = circle(cx, cy - 0.13 * s, 0.11 * s)(x, y);
    const bodyTop = cy + 0.05 * s;
    const body = Math.max(circle(cx, bodyTop + 0.22 * s, 0.24 * s)(x, y), bodyTop - y, y - (bodyTop + 0.2 * s));
    return Math.min(head, body);
  };

function render(size: number, maskable: boolean): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const bg = maskable ? (): number => -1 : roundRect(0.2, 0.02);
  const s = maskable ? 0.78 : 1; // keep the mark inside the maskable safe zone (80 % circle)
  const back = figure(0.5 + 0.1 * s, 0.5 - 0.02 * s, 0.95 * s);
  const front = figure(0.5 - 0.1 * s, 0.5 + 0.04 * s, 0.95 * s);
  const aa = 1.2 / size;
  const cov = (d: number): number => Math.min(1, Math.max(0, 0.5 - d / aa));
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size,
        y = (py + 0.5) / size;
      const a = cov(bg(x, y));
      let c: [number, number, number] = [...BG];
      const mix = (col: [number, number, number], t: number): void => {
        c = [0, 1, 2].map((i) => c[i]! * (1 - t) + col[i]! * t) as [number, number, number];
      };
      mix(FG2, cov(back(x, y)));
      // a thin background-coloured outline separates the front figure from its twin
      mix(BG, cov(front(x, y) - 0.02));
      mix(FG, cov(front(x, y)));
      const o = (py * size + px) * 4;
      out[o] = Math.round(c[0]);
      out[o + 1] = Math.round(c[1]);
      out[o + 2] = Math.round(c[2]);
      out[o + 3] = Math.round(255 * a);
    }
  }
  return out;
}

mkdirSync('public/icons', { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['maskable-512.png', 512, true],
  ['maskable-192.png', 192, true],
  ['apple-touch-icon.png', 180, true],
] as const) {
  writeFileSync(`public/icons/${name}`, png(size, render(size, maskable)));
}
console.log('icons written to public/icons');
