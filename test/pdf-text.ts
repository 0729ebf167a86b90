import { inflateSync } from 'node:zlib';

/**
 * The text a reader copies out of a PDF made by pdfkit: each font's ToUnicode map applied to the glyph codes of the
 * page content, one line per baseline. Enough for our own forms (Type0 fonts, Identity-H, hex strings in TJ); not
 * a general PDF reader.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: string | null }>();
  for (const m of raw.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.indexOf('stream\n');
    if (at < 0) {
      objects.set(m[1]!, { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    const bytes = Buffer.from(body.slice(at + 7, body.lastIndexOf('\nendstream')), 'latin1');
    objects.set(m[1]!, {
      dict,
      stream: (dict.includes('/FlateDecode') ? inflateSync(bytes) : bytes).toString('latin1'),
    });
  }
  const ref = (dict: string, key: string) => dict.match(new RegExp(`/${key} (\\d+) 0 R`))?.[1];
  const hexText = (hex: string) =>
    String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));
  const cmapOf = (id: string) => {
    const map = new Map<number, string>();
    const text = objects.get(id)?.stream ?? '';
    for (const [, from, list] of text.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/gi)) {
      for (const [i, [, hex]] of [...list!.matchAll(/<([0-9a-f]*)>/gi)].entries())
        map.set(Number.parseInt(from!, 16) + i, hexText(hex!));
    }
    for (const [, code, hex] of text.matchAll(/<([0-9a-f]{4})> <([0-9a-f]*)>\s*$/gim))
      map.set(Number.parseInt(code!, 16), hexText(hex!));
    return map;
  };
  const lines: string[] = [];
  for (const { dict } of objects.values()) {
    if (!/\/Type \/Page\b/.test(dict)) continue;
    const resources = objects.get(ref(dict, 'Resources')!)!.dict;
    const fonts = new Map<string, Map<number, string>>();
    for (const [, name, id] of resources.matchAll(/\/(F\d+) (\d+) 0 R/g))
      fonts.set(name!, cmapOf(ref(objects.get(id!)!.dict, 'ToUnicode')!));
    const content = objects.get(ref(dict, 'Contents')!)!.stream!;
    // A new line where the baseline moves; pieces on one baseline (a bold label, then its value) join as a reader
    // copying the line would get them.
    let font = new Map<number, string>();
    let y: string | null = null;
    const tokens = /\/(F\d+) [\d.]+ Tf|[\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ ([\d.-]+) Tm|<([0-9a-f]+)>/gi;
    for (const [, name, baseline, hex] of content.matchAll(tokens)) {
      if (name) font = fonts.get(name)!;
      else if (baseline !== undefined) {
        if (baseline !== y) lines.push('');
        y = baseline;
      } else
        for (const h of hex!.match(/.{4}/g) ?? []) lines[lines.length - 1] += font.get(Number.parseInt(h, 16)) ?? '';
    }
  }
  return lines.join('\n');
}
