import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../lib/format.js';
import type { CountKey, RateKey } from '../../../shared/indicators.js';
import { rateDefinitions } from '../../../shared/indicators.js';

// The pieces of the indicators screen: a count that opens the list it counts, a rate with its numerator and
// denominator, and how each one is counted.

export { type CountKey, countKeys, type RateKey, rateDefinitions, rateKeys } from '../../../shared/indicators.js';

export type Rate = { value: number | null; numerator: number; denominator: number };
export type Row = Record<CountKey, number> & Record<RateKey, Rate>;
export type Scope = { unit: number; from: string; to: string };

/** The officers' queue under a count: the same dossiers the number counts. */
export const listUrl = (key: CountKey, s: Scope) =>
  `/dossiers?queue=all&unit=${s.unit}&indicator=${key}&from=${s.from}&to=${s.to}`;

/** A count as a link to its list. */
export function CountLink({ value, k, scope }: { value: number; k: CountKey; scope: Scope }) {
  const { t } = useTranslation();
  return (
    <Link
      href={listUrl(k, scope)}
      title={t('indicators.openList', { count: value, what: t(`indicators.count.${k}`) })}
      data-indicator={k}
    >
      {formatNumber(value)}
    </Link>
  );
}

/** A rate as the page's language writes it ("83,5%", "83.5%"), or "—" when nothing was counted. */
export function percent(r: Rate, lang: string) {
  return r.value === null ? '—' : formatPercent(r.value, lang);
}

/** "60%" over "3 / 5", each side a link to its list. */
export function RateValue({ r, k, scope }: { r: Rate; k: RateKey; scope: Scope }) {
  const { i18n } = useTranslation();
  const { numerator: num, denominator: den } = rateDefinitions[k];
  return (
    <>
      <strong>{percent(r, i18n.language)}</strong>{' '}
      <span className="fraction">
        <CountLink value={r.numerator} k={num} scope={scope} /> /{' '}
        <CountLink value={r.denominator} k={den} scope={scope} />
      </span>
    </>
  );
}

/** How each number is counted, in words a leader can repeat to the province. */
export function Definitions() {
  const { t } = useTranslation();
  const items = [
    'received',
    'channels',
    'fullOnline',
    'digitized',
    'onTime',
    'satisfied',
    'paidOnline',
    'overdueNow',
  ] as const;
  return (
    <section aria-labelledby="indicator-definitions">
      <h2 id="indicator-definitions">{t('indicators.definitions')}</h2>
      <ul className="definitions" data-testid="indicator-definitions">
        {items.map((k) => (
          <li key={k}>{t(`indicators.define.${k}`)}</li>
        ))}
      </ul>
      <p className="muted">{t('indicators.define.links')}</p>
    </section>
  );
}
