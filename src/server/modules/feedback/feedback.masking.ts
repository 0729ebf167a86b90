// STAND-IN written by WORK so its branch builds and tests the publication preview: PUBLIC owns this file and its
// branch's version replaces this one at the merge (same signature, as the contract fixes it).

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Masks personal data in a text meant for the public "Hỏi đáp" page: the sender's known names, phone numbers, ID
 * numbers, email addresses and house numbers.
 */
export function maskPersonalData(text: string, known: { names: string[] }): string {
  let out = text;
  for (const name of known.names.map((n) => n.trim()).filter((n) => n.length >= 2))
    out = out.replace(new RegExp(escapeRegExp(name), 'giu'), '***');
  return out
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '***@***')
    .replace(/\b\d{9,12}\b/g, '***')
    .replace(/(\+84|0)[\s.]?\d{2,3}[\s.]?\d{3}[\s.]?\d{3,4}/g, '***')
    .replace(/\b(số nhà|số|nhà)\s+\d+[a-z]?(\/\d+)*/giu, '$1 ***');
}
