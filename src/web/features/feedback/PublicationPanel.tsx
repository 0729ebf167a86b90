import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { usePublicationPreview, useTicketChange, type TicketDetail } from './api.js';

/**
 * Publishing a question and its answer on the commune's Q&A page: the server's auto-masked text (names, phones, ID
 * numbers, emails, house numbers) as a start, edited here, with the photos chosen one by one.
 */
export function PublicationPanel({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const change = useTicketChange(ticket.id);
  const canPublish = ticket.actions.includes('publish');
  const canUnpublish = ticket.actions.includes('unpublish');
  const [open, setOpen] = useState(false);
  const preview = usePublicationPreview(ticket.id, open && !ticket.publishedAt);
  const [text, setText] = useState({ publicTitle: '', publicBody: '', publicAnswer: '' });
  const [fileIds, setFileIds] = useState<number[]>(ticket.files.filter((f) => f.public).map((f) => f.id));
  useEffect(() => {
    if (ticket.publishedAt)
      setText({
        publicTitle: ticket.publicTitle ?? '',
        publicBody: ticket.publicBody ?? '',
        publicAnswer: ticket.publicAnswer ?? '',
      });
    else if (preview.data) setText(preview.data);
  }, [preview.data, ticket.publishedAt, ticket.publicTitle, ticket.publicBody, ticket.publicAnswer]);
  if (!canPublish && !canUnpublish && !ticket.publishedAt) return null;
  const photos = ticket.files.filter((f) => f.mimeType.startsWith('image/'));

  return (
    <section className="card" data-testid="publication">
      <h2>{t('feedbackDesk.publication.title')}</h2>
      {ticket.publishedAt ? (
        <p className="ok" data-testid="published">
          {t('feedbackDesk.publication.publishedAt', { at: formatDateTime(ticket.publishedAt) })}
        </p>
      ) : (
        <p className="muted">{t('feedbackDesk.publication.notYet')}</p>
      )}
      {!open && canPublish && (
        <button type="button" onClick={() => setOpen(true)}>
          {ticket.publishedAt ? t('feedbackDesk.publication.edit') : t('feedbackDesk.publication.prepare')}
        </button>
      )}
      {open && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            change.mutate(
              {
                method: 'PUT',
                path: '/publication',
                body: { version: ticket.version, ...text, publicFileIds: fileIds },
              },
              { onSuccess: () => setOpen(false) },
            );
          }}
        >
          <p className="muted">{t('feedbackDesk.publication.masked')}</p>
          {preview.isLoading && <p className="muted">{t('common.loading')}</p>}
          <label>
            {t('feedbackDesk.publication.publicTitle')}
            <input
              value={text.publicTitle}
              onChange={(e) => setText({ ...text, publicTitle: e.target.value })}
              required
              maxLength={200}
            />
          </label>
          <label>
            {t('feedbackDesk.publication.publicBody')}
            <textarea
              value={text.publicBody}
              onChange={(e) => setText({ ...text, publicBody: e.target.value })}
              required
              rows={5}
              maxLength={5000}
            />
          </label>
          <label>
            {t('feedbackDesk.publication.publicAnswer')}
            <textarea
              value={text.publicAnswer}
              onChange={(e) => setText({ ...text, publicAnswer: e.target.value })}
              required
              rows={5}
              maxLength={10000}
            />
          </label>
          {photos.length > 0 && (
            <fieldset>
              <legend>{t('feedbackDesk.publication.photos')}</legend>
              {photos.map((f) => (
                <label key={f.id} className="inline photo-pick">
                  <input
                    type="checkbox"
                    checked={fileIds.includes(f.id)}
                    onChange={(e) =>
                      setFileIds(e.target.checked ? [...fileIds, f.id] : fileIds.filter((x) => x !== f.id))
                    }
                  />
                  <img src={`/api/feedback/tickets/${ticket.id}/files/${f.id}`} alt={f.fileName} width={96} />
                </label>
              ))}
            </fieldset>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={change.isPending}>
              {t('feedbackDesk.publication.publish')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {canUnpublish && ticket.publishedAt && (
        <button
          type="button"
          disabled={change.isPending}
          onClick={() => change.mutate({ method: 'DELETE', path: '/publication', body: { version: ticket.version } })}
        >
          {t('feedbackDesk.publication.unpublish')}
        </button>
      )}
      {change.error && (
        <p className="error" role="alert">
          {messageOf(change.error)}
        </p>
      )}
    </section>
  );
}
