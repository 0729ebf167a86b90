import { describe, expect, it } from 'vitest';
import { tinyPng } from '../../../../test/factories.js';
import { hasGps, sniffPhoto, stripLocation } from './feedback.photos.js';
import { jpegWithGps } from './feedback.public.test-kit.js';

const chunk = (type: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, data, Buffer.alloc(4)]); // the CRC is not checked by the stripper
};

const riffChunk = (type: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
};

describe('photo location stripping', () => {
  it('removes a JPEG Exif GPS block and XMP, keeps the orientation and the image data', () => {
    const jpeg = jpegWithGps();
    const xmpBody = Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>GPS 21.03</x:xmpmeta>', 'latin1');
    const xmp = Buffer.concat([Buffer.from([0xff, 0xe1, 0, xmpBody.length + 2]), xmpBody]);
    const withXmp = Buffer.concat([jpeg.subarray(0, 2), xmp, jpeg.subarray(2)]);
    const out = stripLocation(withXmp, 'image/jpeg');
    expect(hasGps(out)).toBe(false);
    expect(out.includes(Buffer.from('xmpmeta'))).toBe(false);
    // Orientation 6, big-endian, in the Exif segment put back.
    expect(out.includes(Buffer.from([0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06]))).toBe(true);
    expect(out.subarray(-11)).toEqual(jpeg.subarray(-11));
  });

  it('leaves a JPEG it cannot walk as it was', () => {
    const broken = Buffer.from([0xff, 0xd8, 0x00, 0x01, 0x02]);
    expect(stripLocation(broken, 'image/jpeg')).toEqual(broken);
  });

  it('removes a PNG eXIf chunk and keeps the others', () => {
    const end = tinyPng.length - 12; // before IEND
    const png = Buffer.concat([
      tinyPng.subarray(0, end),
      chunk('eXIf', Buffer.from('MM\0*GPS')),
      tinyPng.subarray(end),
    ]);
    const out = stripLocation(png, 'image/png');
    expect(out.includes(Buffer.from('eXIf'))).toBe(false);
    expect(out).toEqual(tinyPng);
  });

  it('removes WebP EXIF and XMP chunks, fixing the RIFF size and the VP8X flags', () => {
    const vp8x = Buffer.alloc(10);
    vp8x[0] = 0x08 | 0x04; // EXIF and XMP present
    const body = Buffer.concat([
      Buffer.from('WEBP', 'latin1'),
      riffChunk('VP8X', vp8x),
      riffChunk('VP8L', Buffer.from([0x2f, 0, 0, 0, 0])),
      riffChunk('EXIF', Buffer.from('MM\0*GPS')),
      riffChunk('XMP ', Buffer.from('<x/>')),
    ]);
    const head = Buffer.alloc(8);
    head.write('RIFF', 0, 'latin1');
    head.writeUInt32LE(body.length, 4);
    const out = stripLocation(Buffer.concat([head, body]), 'image/webp');
    expect(out.includes(Buffer.from('EXIF'))).toBe(false);
    expect(out.includes(Buffer.from('XMP '))).toBe(false);
    expect(out.readUInt32LE(4)).toBe(out.length - 8);
    expect(out[20]! & 0x0c).toBe(0);
  });

  it('sniffs photos by their bytes', async () => {
    expect(await sniffPhoto(tinyPng)).toBe('image/png');
    expect(await sniffPhoto(jpegWithGps())).toBe('image/jpeg');
    await expect(sniffPhoto(Buffer.from('GIF89a....'))).rejects.toMatchObject({ status: 400 });
  });
});
