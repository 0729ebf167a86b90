import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { api, messageOf } from '../../lib/api.js';
import type { Procedure } from './api.js';
import { TimeLimit } from './TimeLimit.js';

/** A version's badge wears a dossier status's colours: published as resolved, retired as stopped, a draft as new. */
const badgeOf = (status: Procedure['status']) =>
  status === 'PUBLISHED' ? 'RESOLVED' : status === 'RETIRED' ? 'STOPPED' : 'NEW';

/**
 * Procedures as data: every version of every code; a change (a re-issued code, a new fee resolution) is a new draft,
 * published when ready, which retires the version before it.
 */
/** The names typed for Japanese and Chinese; a language left empty shows the Vietnamese name with a notice. */
function translationsFrom(d: FormData): Procedure['translations'] {
  const name = (lang: string) => String(d.get(`name_${lang}`) ?? '').trim();
  return Object.fromEntries(
    (['ja', 'zh'] as const).filter((lang) => name(lang)).map((lang) => [lang, { name: name(lang) }]),
  );
}

export function ProcedureAdmin() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Procedure | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['procedure-versions', q],
    queryFn: () => api<{ items: Procedure[] }>(`/api/procedures?${new URLSearchParams(q ? { q } : {})}`),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['procedure-versions'] });

  async function saveDraft(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const p = editing!;
    const d = new FormData(event.currentTarget);
    const fee = (name: string) => Number(d.get(name) || 0);
    const { id: _id, version: _v, status: _s, publishedAt: _p, publicUrl: _u, ...rest } = p;
    const body = {
      ...rest,
      nameVi: String(d.get('nameVi')).trim(),
      nameEn: String(d.get('nameEn')).trim(),
      translations: translationsFrom(d),
      timeAmount: Number(d.get('timeAmount')),
      timeUnit: String(d.get('timeUnit')),
      legalBasis: String(d.get('legalBasis') ?? '').trim() || null,
      fees: [
        { channel: 'IN_PERSON', amountVnd: fee('feeInPerson') },
        { channel: 'POSTAL', amountVnd: fee('feeInPerson') },
        { channel: 'ONLINE', amountVnd: fee('feeOnline') },
      ],
    };
    setError(null);
    try {
      await api('/api/procedures', { method: 'POST', body });
      setEditing(null);
      await refresh();
    } catch (e) {
      setError(messageOf(e));
    }
  }
  const feeOf = (p: Procedure, channel: string) => p.fees.find((f) => f.channel === channel)?.amountVnd ?? 0;

  return (
    <section>
      <h1>{t('procedures.admin.title')}</h1>
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('procedures.search')}
        aria-label={t('procedures.search')}
      />
      <QueryState isLoading={list.isLoading} error={list.error} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {editing && (
        <form className="card" onSubmit={saveDraft} data-testid="procedure-form">
          <h2>
            {editing.code} · {t('procedures.admin.newVersion')}
          </h2>
          <label>
            {t('procedures.admin.nameVi')}
            <input name="nameVi" defaultValue={editing.nameVi} required minLength={3} maxLength={300} />
          </label>
          <label>
            {t('procedures.admin.nameEn')}
            <input name="nameEn" defaultValue={editing.nameEn} required minLength={3} maxLength={300} />
          </label>
          {(['ja', 'zh'] as const).map((lang) => (
            <label key={lang}>
              {t(`procedures.admin.name_${lang}`)}
              <input
                name={`name_${lang}`}
                lang={lang === 'zh' ? 'zh-Hans' : lang}
                defaultValue={editing.translations[lang]?.name ?? ''}
                minLength={2}
                maxLength={300}
              />
            </label>
          ))}
          <label>
            {t('procedures.admin.timeAmount')}
            <input name="timeAmount" type="number" min={0} max={365} defaultValue={editing.timeAmount} />
          </label>
          <label>
            {t('procedures.admin.timeUnit')}
            <select name="timeUnit" defaultValue={editing.timeUnit}>
              {(['WORKING_DAY', 'CALENDAR_DAY', 'SAME_DAY', 'IMMEDIATE'] as const).map((u) => (
                <option key={u} value={u}>
                  {t(`procedures.timeLimit.${u}`, { count: 'N', cutoff: '15:00' })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('procedures.admin.feeInPerson')}
            <input name="feeInPerson" type="number" min={0} step={1000} defaultValue={feeOf(editing, 'IN_PERSON')} />
          </label>
          <label>
            {t('procedures.admin.feeOnline')}
            <input name="feeOnline" type="number" min={0} step={1000} defaultValue={feeOf(editing, 'ONLINE')} />
          </label>
          <label>
            {t('procedures.admin.legalBasis')}
            <input name="legalBasis" defaultValue={editing.legalBasis ?? ''} maxLength={500} />
          </label>
          <div className="actions">
            <button className="primary" type="submit">
              {t('procedures.admin.saveDraft')}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <ul className="cards">
        {list.data?.items.map((p) => (
          <li key={p.id} className="card">
            <strong>{p.code}</strong> · {t('procedures.admin.version', { v: p.version })} ·{' '}
            <span className={`badge status-${badgeOf(p.status)}`}>{t(`procedures.admin.status.${p.status}`)}</span>
            <div>{p.nameVi}</div>
            <div className="muted">
              <TimeLimit p={p} />
            </div>
            <div className="actions">
              {p.status === 'PUBLISHED' && (
                <button type="button" onClick={() => setEditing(p)}>
                  {t('procedures.admin.newVersion')}
                </button>
              )}
              {p.status === 'PUBLISHED' && (
                <button
                  type="button"
                  onClick={() =>
                    window.confirm(t('procedures.admin.retireConfirm', { code: p.code })) &&
                    void api(`/api/procedures/${p.id}/retire`, { method: 'POST' }).then(refresh, (e) =>
                      setError(messageOf(e)),
                    )
                  }
                >
                  {t('procedures.admin.retire')}
                </button>
              )}
              {p.status === 'DRAFT' && (
                <button
                  type="button"
                  className="primary"
                  onClick={() =>
                    void api(`/api/procedures/${p.id}/publish`, { method: 'POST' }).then(refresh, (e) =>
                      setError(messageOf(e)),
                    )
                  }
                >
                  {t('procedures.admin.publish')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
