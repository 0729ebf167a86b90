import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../lib/api.js';
import { useProcedures } from '../procedures/api.js';
import { useTemplates, useTicketChange, type AnswerLink, type TicketDetail } from './api.js';
import { useCommuneOf } from './useScopeUnits.js';

/**
 * The officer's answer: a template's text inserted where the cursor is, links to a procedure's page or a guide, kept as
 * a draft or sent (or submitted for a leader's approval where the commune requires it: the server decides).
 */
export function AnswerEditor({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const change = useTicketChange(ticket.id);
  const templates = useTemplates(useCommuneOf(ticket.unitId));
  const [q, setQ] = useState('');
  const procedures = useProcedures({ q: q || undefined });
  const area = useRef<HTMLTextAreaElement>(null);
  const [answer, setAnswer] = useState(ticket.answer ?? '');
  const [links, setLinks] = useState<AnswerLink[]>(ticket.answerLinks ?? []);
  const [label, setLabel] = useState('');
  const [href, setHref] = useState('');
  const [saved, setSaved] = useState<string | null>(null);

  function insert(text: string) {
    const el = area.current;
    const at = el ? el.selectionStart : answer.length;
    const end = el ? el.selectionEnd : answer.length;
    setAnswer(answer.slice(0, at) + text + answer.slice(end));
  }

  /** A link once: the same address twice would show twice to the resident. */
  const addLink = (link: AnswerLink) => setLinks((ls) => [...ls.filter((x) => x.href !== link.href), link]);

  function save(submit: boolean) {
    setSaved(null);
    change.mutate(
      { method: 'PUT', path: '/answer', body: { version: ticket.version, answer, links, submit } },
      {
        onSuccess: (d) =>
          setSaved(
            !submit
              ? t('feedbackDesk.answer.draftSaved')
              : d.answerState === 'PENDING'
                ? t('feedbackDesk.answer.submitted')
                : t('feedbackDesk.answer.sent'),
          ),
      },
    );
  }

  return (
    <section className="card" data-testid="answer-editor">
      <h2>{t('feedbackDesk.answer.title')}</h2>
      {ticket.answerState === 'PENDING' && <p className="notice">{t('feedbackDesk.answerState.PENDING')}</p>}
      {(templates.data ?? []).length > 0 && (
        <label>
          {t('feedbackDesk.answer.template')}
          <select
            value=""
            data-testid="answer-template"
            onChange={(e) => {
              const tpl = templates.data?.find((x) => x.id === Number(e.target.value));
              if (tpl) insert(tpl.body);
            }}
          >
            <option value="">{t('feedbackDesk.answer.templatePick')}</option>
            {templates.data?.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('feedbackDesk.answer.text')}
        <textarea ref={area} value={answer} onChange={(e) => setAnswer(e.target.value)} rows={8} maxLength={10000} />
      </label>
      <h3>{t('feedbackDesk.answer.links')}</h3>
      <ul>
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href} target="_blank" rel="noreferrer">
              {l.label}
            </a>{' '}
            <button type="button" className="link" onClick={() => setLinks(links.filter((x) => x.href !== l.href))}>
              {t('feedbackDesk.answer.removeLink')}
            </button>
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('feedbackDesk.answer.addProcedure')}</summary>
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          aria-label={t('feedbackDesk.answer.findProcedure')}
          placeholder={t('feedbackDesk.answer.findProcedure')}
        />
        <ul>
          {(procedures.data?.items ?? []).slice(0, 8).map((p) => (
            <li key={p.code}>
              <button type="button" className="link" onClick={() => addLink({ label: p.nameVi, href: `/p/${p.code}` })}>
                {p.code} · {p.nameVi}
              </button>
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>{t('feedbackDesk.answer.addLink')}</summary>
        <label>
          {t('feedbackDesk.answer.linkLabel')}
          <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} />
        </label>
        <label>
          {t('feedbackDesk.answer.linkHref')}
          <input value={href} onChange={(e) => setHref(e.target.value)} type="url" maxLength={500} />
        </label>
        <button
          type="button"
          disabled={!label.trim() || !/^(https?:\/\/|\/)/.test(href.trim())}
          onClick={() => {
            addLink({ label: label.trim(), href: href.trim() });
            setLabel('');
            setHref('');
          }}
        >
          {t('feedbackDesk.answer.addLinkButton')}
        </button>
      </details>
      <div className="actions">
        <button type="button" disabled={change.isPending || !answer.trim()} onClick={() => save(false)}>
          {t('feedbackDesk.answer.saveDraft')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={change.isPending || !answer.trim()}
          onClick={() => save(true)}
        >
          {t('feedbackDesk.answer.send')}
        </button>
      </div>
      {saved && (
        <p className="ok" role="status">
          {saved}
        </p>
      )}
      {change.error && (
        <p className="error" role="alert">
          {messageOf(change.error)}
        </p>
      )}
    </section>
  );
}
