import { type FormEvent, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NoticeLine, QueryState, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { nameOf, useCatalog, usePublications } from './catalog-api.js';
import type { UnitRef } from './entries-api.js';

/**
 * The commune leader's choice of indicators on the commune's public page (/c/:code/chi-so): only what is ticked here
 * is shown to citizens, in the order of the catalog.
 */
export function CatalogPublications({ commune }: { commune: UnitRef }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const catalog = useCatalog(commune.id);
  const chosen = usePublications(commune.id);
  const { notice, run } = useNotice();
  const [key, setKey] = useState(0);
  const indicators = (catalog.data?.indicators ?? []).filter((i) => i.active && i.levels.includes('COMMUNE'));

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const indicatorIds = new FormData(event.currentTarget).getAll('indicator').map(Number);
    return run(async () => {
      await api('/api/scorecards/publications', { method: 'PUT', body: { unitId: commune.id, indicatorIds } });
      await client.invalidateQueries({ queryKey: ['scorecard-publications'] });
      setKey((k) => k + 1);
      return t('common.saved');
    });
  };

  return (
    <section data-testid="scorecard-publications">
      <h2>{t('scorecardEntry.publications.title', { commune: commune.name })}</h2>
      <p className="muted">{t('scorecardEntry.publications.intro')}</p>
      <QueryState isLoading={catalog.isLoading || chosen.isLoading} error={catalog.error ?? chosen.error} />
      {chosen.data && (
        <form key={key} className="stack" onSubmit={(e) => void save(e)}>
          {indicators.map((i) => (
            <label key={i.id} className="inline">
              <input
                type="checkbox"
                name="indicator"
                value={i.id}
                defaultChecked={chosen.data.indicatorIds.includes(i.id)}
              />{' '}
              {nameOf(i, i18n.language)}
            </label>
          ))}
          <button type="submit" className="primary">
            {t('common.save')}
          </button>
        </form>
      )}
      <NoticeLine notice={notice} />
    </section>
  );
}
