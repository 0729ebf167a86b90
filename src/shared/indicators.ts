/**
 * The one-stop indicators' names, shared by the server (what it counts, indicators.definitions.ts) and the leader's
 * screen (what it shows and links): each count, and which count each rate divides by which, so a screen can show
 * "12 / 15" beside 80 %.
 */
export const countKeys = [
  'received',
  'online',
  'inPerson',
  'postal',
  'fullOnlineBase',
  'fullOnline',
  'digitized',
  'resolved',
  'onTime',
  'rated',
  'satisfied',
  'paid',
  'paidOnline',
] as const;
export type CountKey = (typeof countKeys)[number];

export const rateDefinitions = {
  onlineRate: { numerator: 'online', denominator: 'received' },
  fullOnlineRate: { numerator: 'fullOnline', denominator: 'fullOnlineBase' },
  onTimeRate: { numerator: 'onTime', denominator: 'resolved' },
  digitizedRate: { numerator: 'digitized', denominator: 'received' },
  onlinePaymentRate: { numerator: 'paidOnline', denominator: 'paid' },
  satisfactionRate: { numerator: 'satisfied', denominator: 'rated' },
} as const satisfies Record<string, { numerator: CountKey; denominator: CountKey }>;
export type RateKey = keyof typeof rateDefinitions;
export const rateKeys = Object.keys(rateDefinitions) as RateKey[];
