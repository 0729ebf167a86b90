import { describe, expect, it } from 'vitest';
import { sealWav, wavInfo } from './wav.js';

/** A 16-bit mono WAV as espeak-ng streams it to a pipe: both sizes 0x7FFFFFFF, whatever follows. */
function streamed(samples: number, rate = 22050): Buffer {
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(0x7fffffff, 4);
  head.write('WAVEfmt ', 8, 'ascii');
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20);
  head.writeUInt16LE(1, 22);
  head.writeUInt32LE(rate, 24);
  head.writeUInt32LE(rate * 2, 28);
  head.writeUInt16LE(2, 32);
  head.writeUInt16LE(16, 34);
  head.write('data', 36, 'ascii');
  head.writeUInt32LE(0x7fffffff, 40);
  return Buffer.concat([head, Buffer.alloc(samples * 2, 1)]);
}

describe('sealWav', () => {
  it('writes the real RIFF and data sizes, so the declared duration is the samples’ one', () => {
    const raw = streamed(22050 * 3);
    expect(wavInfo(raw).seconds).toBeGreaterThan(20_000);
    const sealed = sealWav(raw);
    const info = wavInfo(sealed);
    expect(info.riffSize).toBe(sealed.length - 8);
    expect(info.dataSize).toBe(22050 * 3 * 2);
    expect(info.seconds).toBe(3);
  });

  it('drops a trailing half sample, and leaves a sealed file as it was', () => {
    const sealed = sealWav(Buffer.concat([streamed(100), Buffer.from([7])]));
    expect(wavInfo(sealed).dataSize).toBe(200);
    expect(sealWav(sealed).equals(sealed)).toBe(true);
  });

  it('refuses what is not a WAV', () => {
    expect(() => sealWav(Buffer.from('%PDF-1.4'))).toThrow('not a RIFF/WAVE file');
  });
});
