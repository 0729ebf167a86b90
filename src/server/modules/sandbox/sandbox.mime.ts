/**
 * Just enough MIME to show a received email in the outbox: the decoded subject and the text/plain part (quoted-
 * printable or base64, UTF-8). The sandbox SMTP server hands over the raw message; nothing here is used for real mail.
 */

const decodeQp = (body: string) =>
  Buffer.from(
    body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

function decodePart(headers: string, body: string): string {
  if (/content-transfer-encoding:\s*base64/i.test(headers))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) return decodeQp(body);
  return body;
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`), with folding between them removed. */
export function decodeHeaderWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : decodeQp(text.replace(/_/g, ' ')),
    );
}

const split = (raw: string) => {
  const at = raw.search(/\r?\n\r?\n/);
  return at < 0
    ? { headers: raw, body: '' }
    : { headers: raw.slice(0, at), body: raw.slice(at).replace(/^\r?\n\r?\n/, '') };
};

function header(headers: string, name: string): string {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)?.[1]?.trim() ?? '';
}

/** The subject and plain text of a raw email (multipart/alternative as nodemailer writes it, or a single part). */
export function readEmail(raw: string): { subject: string; text: string } {
  const { headers, body } = split(raw);
  const subject = decodeHeaderWords(header(headers, 'subject'));
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(header(headers, 'content-type'))?.[1];
  if (!boundary) return { subject, text: decodePart(headers, body).trim() };
  for (const part of body.split(`--${boundary}`)) {
    const p = split(part.replace(/^\r?\n/, ''));
    if (/content-type:\s*text\/plain/i.test(p.headers)) return { subject, text: decodePart(p.headers, p.body).trim() };
  }
  return { subject, text: '' };
}
