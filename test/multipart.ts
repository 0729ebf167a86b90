/** A multipart/form-data body as a browser's upload sends it: text fields first, then one file. */
export function multipartBody(
  fields: Record<string, string | number>,
  file: { name: string; content: Buffer | string; type?: string },
) {
  const boundary = `----ketnoi${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const type = file.type ? `\r\nContent-Type: ${file.type}` : '';
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"${type}\r\n\r\n`);
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(parts.join('')),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}
