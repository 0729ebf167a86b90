/**
 * Vietnamese phone numbers, normalised to E.164 (+84…).
 * Accepts "0912 345 678", "84912345678", "+84 912-345-678". Mobile and landline numbers have 9–10 digits
 * after the country code; anything else is rejected rather than guessed.
 */
export function normalizePhone(input: string): string | null {
  const digits = input.replace(/[\s().-]/g, '');
  let national: string;
  if (/^\+84\d+$/.test(digits)) national = digits.slice(3);
  else if (/^84\d{9,10}$/.test(digits)) national = digits.slice(2);
  else if (/^0\d+$/.test(digits)) national = digits.slice(1);
  else return null;
  if (national.startsWith('0')) national = national.slice(1);
  if (!/^[1-9]\d{8,9}$/.test(national)) return null;
  return `+84${national}`;
}

/** "+84912345678" → "0912 345 678" for display. */
export function formatPhone(e164: string): string {
  const n = `0${e164.slice(3)}`;
  return n.length === 10 ? `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}` : n;
}
