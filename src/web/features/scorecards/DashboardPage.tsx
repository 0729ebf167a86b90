import '../../styles/scorecards.css';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { ExportLinks } from '../../components/ExportLinks.js';
import { QueryState } from '../../components/Status.js';
import { formatDateTime } from '../../lib/format.js';
import { can, useMe } from '../auth/useMe.js';
import { useUnitDetail } from '../units/api.js';
import { type Dashboard, dashboardQuery, useDashboard } from './dashboard-api.js';
import { DashboardHeat } from './DashboardHeat.js';
import { DashboardMoved, DashboardOwn } from './DashboardOwn.js';
import { MonthPicker, monthLabel, roleUnits, UnitPicker } from './DashboardParts.js';

type Go = (changes: { unit?: number; period?: string }) => void;

/**
 * Where the unit sits, from the highest unit the person's roles reach down to it: "Tỉnh › Xã An Hòa › Thôn Đông",
 * each step a link back up. Ancestors above the person's own units are left out (they cannot open them).
 */
function Breadcrumb({ data, hrefOf }: { data: Dashboard; hrefOf: (unit: number) => string }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const detail = useUnitDetail(can(me, 'unit.read') ? data.unit.id : undefined);
  const mine = new Set((me?.roles ?? []).map((r) => r.unitId));
  const ancestors = (detail.data?.ancestors ?? []).filter((a) => a.id !== data.unit.id);
  const from = ancestors.findIndex((a) => mine.has(a.id));
  const trail = mine.has(data.unit.id) || from < 0 ? [] : ancestors.slice(from);
  return (
    <nav aria-label={t('scorecardDash.breadcrumb')} className="breadcrumb" data-testid="scorecard-breadcrumb">
      <ol>
        {trail.map((a) => (
          <li key={a.id}>
            <Link href={hrefOf(a.id)}>{a.name}</Link>
          </li>
        ))}
        <li aria-current="page">{data.unit.name}</li>
      </ol>
    </nav>
  );
}

/**
 * `/scorecards`: a unit's digital-transformation indicators for a month. A province or a commune sees its units
 * below it as a heat table (a row each, an indicator per column) and opens any of them; every unit sees its own
 * indicators against their targets, what moved since last month and each indicator's trend. The unit and the month
 * live in the address (`?unit=&period=`), so the back button walks back up and a view can be sent to someone.
 */
export function DashboardPage({ unit, period, onGo }: { unit: number | undefined; period: string; onGo: Go }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const units = roleUnits(me);
  const chosen = unit ?? units[0]?.id;
  const dashboard = useDashboard(chosen, period);
  const data = dashboard.data;
  const hrefOf = (id: number) => `/scorecards?unit=${id}&period=${period}`;
  return (
    <section className="scorecards">
      <h1>{t('scorecardDash.title')}</h1>
      <div className="filters">
        <UnitPicker
          units={units}
          value={units.some((u) => u.id === chosen) ? chosen : undefined}
          onChange={(u) => onGo({ unit: u })}
        />
        <MonthPicker value={period} onChange={(p) => onGo({ period: p })} />
      </div>
      <QueryState isLoading={dashboard.isLoading} error={dashboard.error} />
      {data && (
        <>
          <Breadcrumb data={data} hrefOf={hrefOf} />
          <p className="muted" data-testid="scorecard-freshness">
            {data.frozen
              ? t('scorecardDash.frozen', { month: monthLabel(data.period) })
              : data.computedAt
                ? t('scorecardDash.computedAt', { at: formatDateTime(data.computedAt) })
                : t('scorecardDash.notComputed')}
          </p>
          {/* A ranking orders a unit's children: a group has none to rank. */}
          {data.rows.length > 0 && (
            <p className="actions">
              <Link href={`/scorecards/ranking?unit=${data.unit.id}&period=${data.period}`}>
                {t('scorecardDash.toRanking')}
              </Link>
            </p>
          )}
          {data.rows.length > 0 && (
            <section aria-labelledby="scorecard-children">
              <h2 id="scorecard-children">{t(`scorecardDash.children.${data.unit.tier as 'PROVINCE'}`)}</h2>
              <p className="muted">{t('scorecardDash.heatHint')}</p>
              <DashboardHeat data={data} hrefOf={hrefOf} />
              <ExportLinks path="/api/scorecards/dashboard/export" query={dashboardQuery(data.unit.id, data.period)} />
            </section>
          )}
          <DashboardMoved data={data} />
          <DashboardOwn data={data} />
        </>
      )}
    </section>
  );
}
