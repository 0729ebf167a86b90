import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { closedStatuses } from '../../../shared/onestop.js';
import { api, messageOf } from '../../lib/api.js';
import { formatMoney } from '../../lib/format.js';
import { can, useMe } from '../auth/useMe.js';
import type { DossierDetail } from './api.js';

type Mark = { kind: 'PAPER'; paper: number } | { kind: 'RESULT' } | { kind: 'FEE_EXEMPT'; note: string };

/**
 * What the dossier holds against its procedure: each paper (its files, or "received on paper"), the result, the fee,
 * what still holds back approval or return, and the other dossiers of its bundle. An officer scans a paper into its
 * line or notes it received on paper, notes a paper result, or waives the fee with its grounds.
 */
export function DossierPapers({ dossier: d }: { dossier: DossierDetail }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const client = useQueryClient();
  const me = useMe().data;
  const [exempting, setExempting] = useState(false);
  const open = !closedStatuses.includes(d.status);
  const canAct = can(me, 'dossier.process') && open;
  const done = async (data?: DossierDetail) => {
    if (data) client.setQueryData(['dossier', d.id], data);
    else await client.invalidateQueries({ queryKey: ['dossier', d.id] });
  };
  const mark = useMutation({
    mutationFn: (body: Mark) => api<DossierDetail>(`/api/dossiers/${d.id}/marks`, { method: 'POST', body }),
    onSuccess: async (data) => {
      setExempting(false);
      await done(data);
    },
  });
  const scan = useMutation({
    mutationFn: async ({ paper, file }: { paper: number; file: File }) => {
      const form = new FormData();
      form.append('kind', 'SCAN');
      form.append('paper', String(paper));
      form.append('file', file);
      return api(`/api/dossiers/${d.id}/files`, { method: 'POST', form });
    },
    onSuccess: () => done(),
  });
  const error = mark.error ?? scan.error;
  const fee = formatMoney(d.fee.amount, i18n.language);

  return (
    <section className="card" data-testid="dossier-papers">
      {d.linked.length > 0 && (
        <>
          <h2>{t('dossiers.papers.linked')}</h2>
          <ul data-testid="linked-dossiers">
            {d.linked.map((l) => (
              <li key={l.id}>
                <Link href={`/dossiers/${l.id}`}>{l.code}</Link> — {l.procedureName} ·{' '}
                <span className={`badge status-${l.status}`}>{t(`dossiers.status.${l.status}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('dossiers.papers.checklist')}</h2>
      <ul className="paper-checklist">
        {d.papers.map((p) => {
          const missing = p.required && p.files.length === 0 && !p.onPaper;
          return (
            <li key={p.paper} data-testid={`paper-line-${p.paper}`}>
              <strong>{en ? p.nameEn : p.nameVi}</strong>{' '}
              <span className="muted">
                ({p.required ? t('dossiers.papers.required') : t('dossiers.papers.optional')})
              </span>
              {' — '}
              {p.files.map((f) => (
                <a key={f.id} href={`/api/dossiers/${d.id}/files/${f.id}`} target="_blank" rel="noreferrer">
                  {f.fileName}{' '}
                </a>
              ))}
              {p.onPaper && <span className="ok">{t('dossiers.papers.receivedOnPaper')}</span>}
              {p.files.length === 0 && !p.onPaper && (
                <span className={missing ? 'error' : 'muted'}>{t('dossiers.papers.noFile')}</span>
              )}
              {canAct && (
                <span className="actions">
                  <label className="inline">
                    {t('dossiers.papers.scanInto')}
                    <input
                      type="file"
                      accept="application/pdf,image/jpeg,image/png"
                      onChange={(e) => {
                        const file = e.target.files?.[0];
                        if (file) scan.mutate({ paper: p.paper, file });
                        e.target.value = '';
                      }}
                    />
                  </label>
                  {!p.onPaper && p.files.length === 0 && (
                    <button type="button" onClick={() => mark.mutate({ kind: 'PAPER', paper: p.paper })}>
                      {t('dossiers.papers.markOnPaper')}
                    </button>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <dl className="facts">
        <dt>{t('dossiers.papers.result')}</dt>
        <dd data-testid="result-state">
          {d.result.files > 0 && t('dossiers.papers.resultFiles', { count: d.result.files })}
          {d.result.files > 0 && d.result.onPaper && ' · '}
          {d.result.onPaper && t('dossiers.papers.resultOnPaper')}
          {d.result.files === 0 && !d.result.onPaper && t('dossiers.papers.noResult')}{' '}
          {canAct && !d.result.onPaper && (
            <button type="button" onClick={() => mark.mutate({ kind: 'RESULT' })}>
              {t('dossiers.papers.markResultOnPaper')}
            </button>
          )}
        </dd>
        <dt>{t('dossiers.papers.fee')}</dt>
        <dd data-testid="fee-state">
          {d.fee.amount === 0
            ? t('dossiers.papers.feeFree')
            : d.fee.paid
              ? t('dossiers.papers.feePaid', { fee })
              : d.fee.exempt !== null
                ? t('dossiers.papers.feeExempt', { reason: d.fee.exempt })
                : t('dossiers.papers.feeDue', { fee })}{' '}
          {canAct && d.fee.amount > 0 && !d.fee.paid && d.fee.exempt === null && !exempting && (
            <button type="button" onClick={() => setExempting(true)}>
              {t('dossiers.papers.exempt')}
            </button>
          )}
        </dd>
      </dl>
      {exempting && (
        <form
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            const note = String(new FormData(e.currentTarget).get('note') ?? '').trim();
            mark.mutate({ kind: 'FEE_EXEMPT', note });
          }}
        >
          <label>
            {t('dossiers.papers.exemptReason')}
            <input name="note" required minLength={3} maxLength={300} />
          </label>
          <div className="actions">
            <button className="primary" type="submit">
              {t('dossiers.papers.exempt')}
            </button>
            <button type="button" onClick={() => setExempting(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {d.blockedActions.length > 0 && (
        <p className="notice" role="status" data-testid="blocked">
          {t('dossiers.papers.blocked', {
            actions: d.blockedActions.map((a) => t(`dossiers.action.${a}`)).join(', '),
            missing: d.blockers.map((b) => t(`dossiers.papers.blocker.${b}`)).join('; '),
          })}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {messageOf(error)}
        </p>
      )}
    </section>
  );
}
