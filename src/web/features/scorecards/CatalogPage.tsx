import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { can, useMe } from '../auth/useMe.js';
import { useCatalog } from './catalog-api.js';
import { CatalogIndicators, CatalogMargin } from './CatalogIndicators.js';
import { CatalogPublications } from './CatalogPublications.js';
import { CatalogSets } from './CatalogSets.js';
import { useWorkUnits } from './entries-api.js';
import { SnapshotsPanel } from './SnapshotsPanel.js';

/**
 * `/admin/scorecards`. For the province (scorecard.manage): its catalog (own indicators, switching off, margins), its
 * scored sets, the near margin and the monthly snapshots. For a commune leader (scorecard.publish): which indicators
 * the commune's public page shows. Each part shows only to the role that may change it.
 */
export function CatalogPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const work = useWorkUnits();
  const manage = can(me, 'scorecard.manage');
  const publish = can(me, 'scorecard.publish');
  const provinces = work.units.filter((u) => u.tier === 'PROVINCE');
  const communes = work.units.filter((u) => u.tier === 'COMMUNE');
  const [provinceId, setProvinceId] = useState<number>();
  const [communeId, setCommuneId] = useState<number>();
  const province = provinces.find((u) => u.id === provinceId) ?? provinces[0];
  const commune = communes.find((u) => u.id === communeId) ?? communes[0];
  // A commune leader's catalog is their province's, asked through the commune (the server finds the province).
  const catalog = useCatalog(manage ? province?.id : commune?.id);
  if (!manage && !publish)
    return (
      <p className="error" role="alert">
        {t('common.noAccess')}
      </p>
    );
  return (
    <div className="scorecard-admin">
      <h1>{t('scorecardEntry.admin.title')}</h1>
      <QueryState isLoading={work.isLoading || catalog.isLoading} error={work.error ?? catalog.error} />
      {manage && provinces.length > 1 && (
        <label>
          {t('scorecardEntry.admin.province')}
          <select value={province?.id ?? ''} onChange={(e) => setProvinceId(Number(e.target.value))}>
            {provinces.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {manage && catalog.data && (
        <>
          <CatalogMargin province={catalog.data.province.id} />
          <CatalogIndicators catalog={catalog.data} />
          <CatalogSets catalog={catalog.data} />
          <SnapshotsPanel province={catalog.data.province.id} />
        </>
      )}
      {publish && commune && (
        <>
          {communes.length > 1 && (
            <label>
              {t('scorecardEntry.unit')}
              <select value={commune.id} onChange={(e) => setCommuneId(Number(e.target.value))}>
                {communes.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <CatalogPublications commune={commune} />
        </>
      )}
    </div>
  );
}
