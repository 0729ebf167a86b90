/**
 * WAV files as players read them. A synthesiser writing to a pipe (espeak-ng --stdout) cannot seek back to fill in
 * the sizes, so it declares the largest (0x7FFFFFFF): a player then shows a duration of hours, or refuses the file.
 * `sealWav` writes the real sizes; `wavInfo` reads the header back.
 */

export type WavInfo = {
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** What the RIFF header says follows its first 8 bytes. */
  riffSize: number;
  /** Where the samples start, and how many bytes the header says they take. */
  dataOffset: number;
  dataSize: number;
  /** The duration a player computes from the header, in seconds. */
  seconds: number;
};

/** Reads a RIFF/WAVE header: the format chunk and where the data chunk starts. Throws on anything else. */
export function wavInfo(wav: Buffer): WavInfo {
  if (wav.length < 12 || wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE')
    throw new Error('not a RIFF/WAVE file');
  let at = 12;
  let format: { channels: number; sampleRate: number; byteRate: number; bitsPerSample: number } | undefined;
  while (at + 8 <= wav.length) {
    const id = wav.toString('ascii', at, at + 4);
    const size = wav.readUInt32LE(at + 4);
    if (id === 'fmt ') {
      format = {
        channels: wav.readUInt16LE(at + 10),
        sampleRate: wav.readUInt32LE(at + 12),
        byteRate: wav.readUInt32LE(at + 16),
        bitsPerSample: wav.readUInt16LE(at + 22),
      };
    } else if (id === 'data') {
      if (!format) throw new Error('WAV data before its format');
      return {
        channels: format.channels,
        sampleRate: format.sampleRate,
        bitsPerSample: format.bitsPerSample,
        riffSize: wav.readUInt32LE(4),
        dataOffset: at + 8,
        dataSize: size,
        seconds: size / format.byteRate,
      };
    }
    // Chunks are padded to an even length.
    at += 8 + size + (size % 2);
  }
  throw new Error('WAV without a data chunk');
}

/**
 * The same WAV with its RIFF and data sizes set to what the file holds (whole sample frames only), so the duration a
 * player shows is the real one.
 */
export function sealWav(wav: Buffer): Buffer {
  const info = wavInfo(wav);
  const frame = (info.channels * info.bitsPerSample) / 8;
  const available = wav.length - info.dataOffset;
  const dataSize = available - (available % frame);
  const out = Buffer.from(wav.subarray(0, info.dataOffset + dataSize));
  out.writeUInt32LE(out.length - 8, 4);
  out.writeUInt32LE(dataSize, info.dataOffset - 4);
  return out;
}
