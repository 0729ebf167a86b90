import { useState } from 'react';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.js';
import { byAlley } from './field-list.js';
import { discard, getPack, queued, sentVisits, type FieldPack, type Queued, type Sent } from './store.js';
import { useField } from './useField.js';

const latest = (visits: { visitedAt: string; outcome: string }[]) =>
  visits.sort((a, b) => b.visitedAt.localeCompare(a.visitedAt))[0];

/** `/field/<id>`: my households, what waits to be sent, and what the group head has to decide. */
export function FieldCampaign({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const state = useField(
    async () => ({ pack: await getPack(id), waiting: await queued(id), sent: await sentVisits(id) }),
    [id],
  );
  const [showAll, setShowAll] = useState(false);
  const [search, setSearch] = useState('');
  if (!state) return null;
  const { pack, waiting, sent } = state;
  if (!pack)
    return (
      <p className="muted">
        {t('campaigns.field.notDownloaded')} <Link href="/field">{t('campaigns.field.back')}</Link>
      </p>
    );
  const status = (householdId: number) => {
    const mine: { visitedAt: string; outcome: string }[] = [
      ...waiting.filter((q) => q.visit.householdId === householdId).map((q) => q.visit),
      ...sent.filter((s) => s.householdId === householdId),
    ];
    return latest(mine);
  };
  const done = (h: FieldPack['households'][number]) =>
    h.people.every((p) => p.done) || ['DONE', 'VNEID_L2_ACTIVATED'].includes(status(h.householdId)?.outcome ?? '');
  const groups = byAlley(
    pack.households.filter((h) => showAll || !done(h)),
    search,
  );
  return (
    <section>
      <h1>{pack.campaign.name}</h1>
      <p className="actions">
        <span>
          {t('campaigns.field.left', {
            left: pack.households.filter((h) => !done(h)).length,
            total: pack.households.length,
          })}
        </span>
        <label className="actions">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />{' '}
          {t('campaigns.field.showAll')}
        </label>
      </p>
      <input
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder={t('campaigns.field.search')}
        aria-label={t('campaigns.field.search')}
      />
      {groups.length === 0 && search && <p className="muted">{t('campaigns.field.noMatch')}</p>}
      <div data-testid="field-households">
        {groups.map((g) => (
          <section key={g.unitName} data-testid="field-alley">
            <h2>
              {g.unitName}{' '}
              <span className="muted">{t('campaigns.field.alleyCount', { count: g.households.length })}</span>
            </h2>
            <ul className="cards">
              {g.households.map((h) => {
                const s = status(h.householdId);
                return (
                  <li key={h.householdId} className="card">
                    <Link href={`/field/${id}/h/${h.householdId}`}>
                      <strong>{h.address}</strong>
                    </Link>
                    <div className="muted">
                      {h.people
                        .filter((p) => p.fullName)
                        .map((p) => p.fullName)
                        .join(', ')}
                    </div>
                    {s ? (
                      <span className="badge">{t(`campaigns.field.outcomes.${s.outcome}`)}</span>
                    ) : (
                      h.lastOutcome && <span className="badge">{t(`campaigns.field.outcomes.${h.lastOutcome}`)}</span>
                    )}
                    {h.bestTime && (
                      <span className="muted"> {t('campaigns.field.bestTimeWas', { time: h.bestTime })}</span>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
      <Pending waiting={waiting} sent={sent} lang={i18n.language} pack={pack} />
    </section>
  );
}

function Pending({ waiting, sent, pack, lang }: { waiting: Queued[]; sent: Sent[]; pack: FieldPack; lang: string }) {
  const { t } = useTranslation();
  const address = (householdId: number) =>
    pack.households.find((h) => h.householdId === householdId)?.address ?? `#${householdId}`;
  const conflicts = sent.filter((s) => s.status === 'CONFLICT');
  if (!waiting.length && !conflicts.length) return null;
  return (
    <section data-testid="field-pending">
      <h2>{t('campaigns.field.pendingTitle')}</h2>
      <ul className="cards">
        {waiting.map((q) => (
          <li key={q.visit.id} className="card">
            {address(q.visit.householdId)} · {t(`campaigns.field.outcomes.${q.visit.outcome}`)} ·{' '}
            {formatDateTime(q.visit.visitedAt)}
            {q.state === 'PENDING' ? (
              <div className="muted">{t('campaigns.field.notSentYet')}</div>
            ) : (
              <div className="error">
                {lang === 'en' ? q.error?.en : q.error?.vi}{' '}
                <button type="button" onClick={() => void discard(q.visit.id)}>
                  {t('campaigns.field.discard')}
                </button>
              </div>
            )}
          </li>
        ))}
        {conflicts.map((s) => (
          <li key={s.id} className="card">
            {address(s.householdId)} · {t(`campaigns.field.outcomes.${s.outcome}`)} ·{' '}
            <span className="tag">{t('campaigns.field.conflict')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
