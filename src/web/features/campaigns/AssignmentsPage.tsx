import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Assignments } from '../../../server/modules/campaigns/assignments.schemas.js';
import { NoticeLine, QueryState, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';

type Selected = number | 'none' | null;

/** The households held by someone who cannot visit them: what the progress and assignment screens warn about. */
export function StrandedWarning({ data }: { data: Assignments | undefined }) {
  const { t } = useTranslation();
  if (!data?.stranded) return null;
  return (
    <p className="error" role="alert" data-testid="stranded">
      {t('campaigns.assignments.stranded', { count: data.stranded })}
    </p>
  );
}

export const useAssignments = (id: number, memberId?: Selected, enabled = true) =>
  useQuery({
    queryKey: ['campaign-assignments', id, memberId ?? null],
    enabled,
    queryFn: () => api<Assignments>(`/api/campaigns/${id}/assignments${memberId ? `?memberId=${memberId}` : ''}`),
  });

/**
 * `/campaigns/<id>/assignments`: who holds how many households (and who cannot sign in), a member's list or the
 * unassigned ones, each household given to another member, or the whole list at once.
 */
export function AssignmentsPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [selected, setSelected] = useState<Selected>(null);
  const view = useAssignments(id, selected);
  const { notice, run } = useNotice();
  const data = view.data;
  if (!data) return <QueryState isLoading={view.isLoading} error={view.error} />;
  const takers = data.members.filter((m) => m.current && m.canSignIn);
  const nameOf = (memberId: number) => data.members.find((m) => m.memberId === memberId)?.fullName ?? '';
  const refresh = () => client.invalidateQueries({ queryKey: ['campaign-assignments', id] });
  const giveOne = (householdId: number, address: string, memberId: number) =>
    run(async () => {
      await api(`/api/campaigns/${id}/households/${householdId}/assignee`, { method: 'PUT', body: { memberId } });
      await refresh();
      return t('campaigns.assignments.given', { address, name: nameOf(memberId) });
    });
  const moveAll = (fromMemberId: number, toMemberId: number) =>
    run(async () => {
      const r = await api<{ moved: number }>(`/api/campaigns/${id}/assignments/move`, {
        method: 'POST',
        body: { fromMemberId, toMemberId },
      });
      await refresh();
      return t('campaigns.assignments.moved', { count: r.moved, name: nameOf(toMemberId) });
    });
  const takerOptions = (except?: number) =>
    takers
      .filter((m) => m.memberId !== except)
      .map((m) => (
        <option key={m.memberId} value={m.memberId}>
          {m.fullName} ({m.teamName})
        </option>
      ));
  return (
    <section>
      <h1>{t('campaigns.assignments.title')}</h1>
      <p>
        <Link href={`/campaigns/${id}`}>{t('campaigns.assignments.back')}</Link>
      </p>
      <StrandedWarning data={data} />
      <p className="muted">{t('campaigns.assignments.onlyWithLogin')}</p>
      <table className="table" data-testid="assignment-members">
        <thead>
          <tr>
            <th>{t('campaigns.assignments.member')}</th>
            <th>{t('campaigns.assignments.households')}</th>
            <th>{t('campaigns.assignments.open_')}</th>
          </tr>
        </thead>
        <tbody>
          {data.members.map((m) => (
            <tr key={m.memberId}>
              <td>
                <button type="button" className="link" onClick={() => setSelected(m.memberId)}>
                  {m.fullName}
                </button>
                <div className="muted">{m.teamName}</div>
                {!m.current ? (
                  <span className="badge late">{t('campaigns.assignments.left')}</span>
                ) : (
                  !m.canSignIn && <span className="badge late">{t('campaigns.assignments.noLogin')}</span>
                )}
              </td>
              <td>{m.households}</td>
              <td>{m.open}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button type="button" onClick={() => setSelected('none')}>
          {t('campaigns.assignments.unassigned', { count: data.unassigned })}
        </button>
      </p>
      <NoticeLine notice={notice} />
      {selected !== null && (
        <section data-testid="assignment-list">
          <h2>
            {selected === 'none'
              ? t('campaigns.assignments.listUnassigned')
              : t('campaigns.assignments.listOf', { name: nameOf(selected) })}
          </h2>
          {selected !== 'none' && data.households.length > 0 && takers.length > 0 && (
            <form
              className="actions"
              onSubmit={(e) => {
                e.preventDefault();
                void moveAll(selected, Number(new FormData(e.currentTarget).get('to')));
              }}
            >
              <label className="inline">
                {t('campaigns.assignments.moveAll')}
                <select name="to">{takerOptions(selected)}</select>
              </label>
              <button type="submit">{t('campaigns.assignments.moveAllButton')}</button>
            </form>
          )}
          {data.households.length === 0 && <p className="muted">{t('campaigns.assignments.empty')}</p>}
          {data.households.length === 500 && <p className="muted">{t('campaigns.assignments.capped')}</p>}
          <ul className="cards">
            {data.households.map((h) => (
              <li key={h.householdId} className="card">
                <strong>{h.address}</strong>
                <div className="muted">
                  {h.unitName} · {h.done}/{h.people}
                </div>
                {takers.length > 0 && (
                  <form
                    className="actions"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void giveOne(h.householdId, h.address, Number(new FormData(e.currentTarget).get('to')));
                    }}
                  >
                    <select name="to" aria-label={t('campaigns.assignments.giveTo')}>
                      {takerOptions(h.memberId ?? undefined)}
                    </select>
                    <button type="submit">{t('campaigns.assignments.give')}</button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
