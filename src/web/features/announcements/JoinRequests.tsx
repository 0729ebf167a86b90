import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NoticeLine, QueryState, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';

type Household = { householdId: number; address: string; headName: string | null };
type JoinRequest = {
  id: number;
  groupId: number;
  groupName: string;
  phone: string;
  note: string | null;
  createdAt: string;
  candidates: Household[];
};
type Found = { items: { id: number; address: string; headName: string | null }[] };

/** One waiting request: the households its phone is on record in, or a search of the group's households. */
function RequestCard({ r, onDone }: { r: JoinRequest; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<number | null>(r.candidates[0]?.householdId ?? null);
  const [q, setQ] = useState('');
  const { notice, run } = useNotice();
  const found = useQuery({
    queryKey: ['join-request-households', r.groupId, q],
    queryFn: () =>
      api<Found>(`/api/households?unit=${r.groupId}&q=${encodeURIComponent(q.trim())}&limit=10`).then((f) =>
        f.items.map((h) => ({ householdId: h.id, address: h.address, headName: h.headName })),
      ),
    enabled: q.trim().length >= 2,
  });
  const choices = r.candidates.length ? r.candidates : (found.data ?? []);
  const decide = (path: string, body?: unknown) =>
    run(async () => {
      await api(`/api/groups/join-requests/${r.id}/${path}`, { method: 'POST', body });
      await onDone();
    });
  return (
    <li className="card" data-testid="join-request">
      {t('announcements.groups.requestPhone')}: <strong>{r.phone}</strong> · {r.groupName} ·{' '}
      <span className="muted">{formatDateTime(r.createdAt)}</span>
      {r.note && (
        <div>
          {t('announcements.groups.requestNote')}: {r.note}
        </div>
      )}
      {r.candidates.length ? (
        <p className="muted">{t('announcements.groups.candidates')}</p>
      ) : (
        <>
          <p className="muted">{t('announcements.groups.noCandidates')}</p>
          <label>
            {t('announcements.groups.findHousehold')}
            <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          </label>
        </>
      )}
      <fieldset>
        <legend>{t('announcements.groups.pickHousehold')}</legend>
        {choices.map((h) => (
          <label key={h.householdId} className="inline">
            <input
              type="radio"
              // base.css sizes every input but checkboxes for typing; a radio keeps its own size.
              style={{ width: 'auto', minHeight: 0 }}
              name={`household-${r.id}`}
              checked={picked === h.householdId}
              onChange={() => setPicked(h.householdId)}
            />
            {h.address}
            {h.headName ? ` · ${h.headName}` : ''}
          </label>
        ))}
      </fieldset>
      <NoticeLine notice={notice} />
      <p className="actions">
        <button
          type="button"
          className="primary"
          disabled={picked === null}
          onClick={() => void decide('confirm', { householdId: picked })}
        >
          {t('announcements.groups.confirm')}
        </button>
        <button type="button" onClick={() => void decide('refuse')}>
          {t('announcements.groups.refuse')}
        </button>
      </p>
    </li>
  );
}

/**
 * Requests to join the group channels that the phone alone could not settle: the group head (or the commune) picks
 * the household and confirms, or refuses. Listing them shows phone numbers, so the server records each reading.
 */
export function JoinRequests() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const requests = useQuery({
    queryKey: ['join-requests'],
    queryFn: () => api<{ items: JoinRequest[] }>('/api/groups/join-requests'),
  });
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['join-requests'] });
    await client.invalidateQueries({ queryKey: ['group-rates'] });
  };
  return (
    <section data-testid="join-requests">
      <h2>{t('announcements.groups.requests')}</h2>
      <QueryState isLoading={requests.isLoading} error={requests.error} />
      {requests.data?.items.length === 0 && <p className="muted">{t('announcements.groups.noRequests')}</p>}
      <ul className="cards">
        {requests.data?.items.map((r) => (
          <RequestCard key={r.id} r={r} onDone={refresh} />
        ))}
      </ul>
    </section>
  );
}
