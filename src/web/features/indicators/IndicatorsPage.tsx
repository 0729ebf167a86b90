import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { useMe } from '../auth/useMe.js';

type Row = {
  received: number;
  online: number;
  inPerson: number;
  postal: number;
  onlineRate: number | null;
  fullOnlineRate: number | null;
  onTimeRate: number | null;
  digitizedRate: number | null;
  onlinePaymentRate: number | null;
  satisfactionRate: number | null;
};
type Indicators = {
  totals: Row & { overdueNow: number };
  months: (Row & { month: string })[];
  communes: (Row & { unitId: number; code: string; name: string })[];
};

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1).replace('.', ',')}%`);
const rates = [
  'onlineRate',
  'fullOnlineRate',
  'onTimeRate',
  'digitizedRate',
  'onlinePaymentRate',
  'satisfactionRate',
] as const;

/** What a commune is judged on, and how its communes compare for the province: rates, a monthly chart, a ranking. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const units = me?.roles ?? [];
  const [unit, setUnit] = useState<number | undefined>(units[0]?.unitId);
  const [year, setYear] = useState(new Date().getFullYear());
  const query = useQuery({
    queryKey: ['indicators', unit, year],
    queryFn: () => api<Indicators>(`/api/indicators/onestop?unit=${unit}&from=${year}-01-01&to=${year}-12-31`),
    enabled: unit !== undefined,
  });
  const data = query.data;
  const peak = Math.max(1, ...(data?.months.map((m) => m.received) ?? []));
  return (
    <section>
      <h1>{t('indicators.title')}</h1>
      <div className="filters">
        <label>
          {t('indicators.unit')}
          <select value={unit} onChange={(e) => setUnit(Number(e.target.value))}>
            {units.map((u) => (
              <option key={`${u.role}-${u.unitId}`} value={u.unitId}>
                {u.unitName}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('indicators.year')}
          <input type="number" min={2020} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} />
        </label>
      </div>
      <QueryState isLoading={query.isLoading} error={query.error} />
      {data && (
        <>
          <ul className="stats" data-testid="indicator-totals">
            <li>
              <strong>{data.totals.received}</strong>
              <span>{t('indicators.received')}</span>
            </li>
            {rates.map((r) => (
              <li key={r}>
                <strong>{pct(data.totals[r])}</strong>
                <span>{t(`indicators.${r}`)}</span>
              </li>
            ))}
            <li>
              <strong>{data.totals.overdueNow}</strong>
              <span>{t('indicators.overdueNow')}</span>
            </li>
          </ul>
          <h2>{t('indicators.byMonth')}</h2>
          <div className="bars" role="img" aria-label={t('indicators.byMonth')}>
            {data.months.map((m) => (
              <div
                key={m.month}
                className="bar"
                title={`${m.month}: ${m.received} (${t('dossiers.channel.ONLINE')} ${m.online})`}
              >
                <span className="total" style={{ height: `${(m.received / peak) * 100}%` }}>
                  <span className="online" style={{ height: `${m.received ? (m.online / m.received) * 100 : 0}%` }} />
                </span>
                <small>
                  {m.month.slice(5)}/{m.month.slice(2, 4)}
                </small>
              </div>
            ))}
          </div>
          <p className="muted">
            <span className="swatch online" /> {t('dossiers.channel.ONLINE')} <span className="swatch" />{' '}
            {t('indicators.other')}
          </p>
          <h2>{t('indicators.communes')}</h2>
          <div className="scroll">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('indicators.unit')}</th>
                  <th>{t('indicators.received')}</th>
                  {rates.map((r) => (
                    <th key={r}>{t(`indicators.${r}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...data.communes]
                  .sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1))
                  .map((c) => (
                    <tr key={c.unitId}>
                      <td>{c.name}</td>
                      <td>{c.received}</td>
                      {rates.map((r) => (
                        <td key={r}>{pct(c[r])}</td>
                      ))}
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          <p>
            <a href={`/api/indicators/onestop/export?unit=${unit}&from=${year}-01-01&to=${year}-12-31&format=xlsx`}>
              {t('common.exportXlsx')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
