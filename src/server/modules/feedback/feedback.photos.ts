import { fileTypeFromBuffer } from 'file-type';
import { AppError, validation } from '../../lib/errors.js';

/** A citizen's photos: at most three, JPEG, PNG or WebP judged by their bytes, each up to 5 MB. */
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const accepted = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** The photo's type from its bytes, or a 400 naming the field; the name the phone gave it is never trusted. */
export async function sniffPhoto(content: Buffer): Promise<'image/jpeg' | 'image/png' | 'image/webp'> {
  const type = await fileTypeFromBuffer(content);
  if (!type || !accepted.has(type.mime)) {
    throw validation([
      {
        field: 'photos',
        code: 'FILE_TYPE',
        message: {
          vi: 'Chỉ nhận ảnh JPEG, PNG hoặc WebP',
          en: 'Only JPEG, PNG or WebP photos are accepted',
        },
      },
    ]);
  }
  return type.mime as 'image/jpeg' | 'image/png' | 'image/webp';
}

export const photoTooLarge = () =>
  new AppError('PAYLOAD_TOO_LARGE', 413, {
    vi: 'Mỗi ảnh tối đa 5 MB, tối đa 3 ảnh',
    en: 'Each photo may be up to 5 MB, three photos at most',
  });

const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');
const XMP_HEADER = Buffer.from('http://ns.adobe.com/xap/1.0/', 'latin1');

/** The EXIF orientation (1–8) of a TIFF block, or undefined. */
function orientationOf(tiff: Buffer): number | undefined {
  if (tiff.length < 8) return undefined;
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return undefined;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

/** An APP1 Exif segment holding only the orientation tag: the photo still shows upright, with nothing else said. */
function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  const body = Buffer.concat([EXIF_HEADER, tiff]);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xffe1, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/**
 * A JPEG without its Exif and XMP segments (where phones write the GPS position, the time and the device), with a
 * small Exif segment carrying only the orientation put back when the photo had one. Everything from the start of
 * the scan (SOS) on is copied unchanged.
 */
function stripJpeg(jpeg: Buffer): Buffer {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return jpeg;
  const kept: Buffer[] = [jpeg.subarray(0, 2)];
  let orientation: number | undefined;
  let at = 2;
  while (at + 4 <= jpeg.length) {
    if (jpeg[at] !== 0xff) return jpeg; // not a marker where one must be: leave the file as the sniffer accepted it
    const marker = jpeg[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // start of scan / end of image: the rest is image data
    const length = jpeg.readUInt16BE(at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > jpeg.length) return jpeg;
    const body = jpeg.subarray(at + 4, end);
    const isExif = marker === 0xe1 && body.subarray(0, 6).equals(EXIF_HEADER);
    const isXmp = marker === 0xe1 && body.subarray(0, XMP_HEADER.length).equals(XMP_HEADER);
    if (isExif) orientation ??= orientationOf(body.subarray(6));
    if (!isExif && !isXmp) kept.push(jpeg.subarray(at, end));
    at = end;
  }
  const rest = jpeg.subarray(at);
  if (orientation !== undefined && orientation !== 1) kept.splice(1, 0, orientationSegment(orientation));
  return Buffer.concat([...kept, rest]);
}

/** A PNG without its eXIf chunk (and textual XMP): CRCs of the other chunks are untouched. */
function stripPng(png: Buffer): Buffer {
  const kept: Buffer[] = [png.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > png.length) return png;
    const xmp = type === 'iTXt' && png.subarray(at + 8, at + 8 + 17).toString('latin1') === 'XML:com.adobe.xmp';
    if (type !== 'eXIf' && !xmp) kept.push(png.subarray(at, end));
    at = end;
  }
  return Buffer.concat([...kept, png.subarray(at)]);
}

/** A WebP without its EXIF and XMP chunks, the RIFF size and the VP8X flags corrected. */
function stripWebp(webp: Buffer): Buffer {
  if (webp.length < 12 || webp.toString('latin1', 0, 4) !== 'RIFF') return webp;
  const kept: Buffer[] = [];
  let at = 12;
  while (at + 8 <= webp.length) {
    const type = webp.toString('latin1', at, at + 4);
    const size = webp.readUInt32LE(at + 4);
    const end = at + 8 + size + (size % 2);
    if (end > webp.length) return webp;
    let chunk = webp.subarray(at, end);
    if (type === 'VP8X') {
      chunk = Buffer.from(chunk);
      chunk[8] = chunk[8]! & ~0x0c; // clear the EXIF (0x08) and XMP (0x04) flags
    }
    if (type !== 'EXIF' && type !== 'XMP ') kept.push(chunk);
    at = end;
  }
  const body = Buffer.concat(kept);
  const head = Buffer.from(webp.subarray(0, 12));
  head.writeUInt32LE(body.length + 4, 4);
  return Buffer.concat([head, body]);
}

/**
 * A photo as it is kept: with the sender's location (and the rest of the camera's metadata) removed unless they
 * chose to share where they are. Orientation survives in JPEGs, so a portrait photo stays upright.
 */
export function stripLocation(content: Buffer, mime: string): Buffer {
  if (mime === 'image/jpeg') return stripJpeg(content);
  if (mime === 'image/png') return stripPng(content);
  if (mime === 'image/webp') return stripWebp(content);
  return content;
}

/** Does this JPEG carry an Exif GPS pointer (tag 0x8825 in IFD0)? For tests and the sandbox. */
export function hasGps(jpeg: Buffer): boolean {
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1]!;
    if (marker === 0xda || marker === 0xd9) return false;
    const length = jpeg.readUInt16BE(at + 2);
    const body = jpeg.subarray(at + 4, at + 2 + length);
    if (marker === 0xe1 && body.subarray(0, 6).equals(EXIF_HEADER)) {
      const tiff = body.subarray(6);
      const little = tiff.toString('latin1', 0, 2) === 'II';
      const u16 = (o: number) => (little ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
      const ifd = little ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
      const count = u16(ifd);
      for (let i = 0; i < count; i++) if (u16(ifd + 2 + i * 12) === 0x8825) return true;
    }
    at += 2 + length;
  }
  return false;
}
