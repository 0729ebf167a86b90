import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api.js';
import { useFormErrors } from '../../lib/form-errors.js';
import { type Indicator, partsOf } from './catalog-api.js';
import { type Entry, type EntryDetail, type Suggestion, uploadEvidence } from './entries-api.js';

export type EntryValues = { numerator: number; denominator: number | null; note: string };

type Props = {
  indicator: Indicator;
  unitId: number;
  period: string;
  /** The open version being changed (DRAFT or RETURNED); none: a first entry or a correction (a new version). */
  editing: Entry | undefined;
  hasEvidence: boolean;
  initial: EntryValues | undefined;
  suggestion: Suggestion | undefined;
  onDone: () => Promise<void>;
  /** Lists asked again without closing the form: a draft was created but a later step (a file) failed. */
  onPartial: () => Promise<void>;
  onCancel?: () => void;
};

const MAX_FILE = 10 * 1024 * 1024;

/**
 * The numbers of one value with the indicator's own words ("Số hộ có Internet băng rộng cố định" / "Tổng số hộ"),
 * a note, evidence files; "Lưu nháp" keeps it, "Gửi tỉnh duyệt" saves and sends it to the province. Sending needs
 * evidence or a note, as the server does.
 */
export function EntriesForm({
  indicator,
  unitId,
  period,
  editing,
  hasEvidence,
  initial,
  suggestion,
  onDone,
  onPartial,
  onCancel,
}: Props) {
  const { t, i18n } = useTranslation();
  const errors = useFormErrors({ file: 'file' });
  const [busy, setBusy] = useState(false);
  const files = useRef<HTMLInputElement>(null);
  const parts = partsOf(indicator, i18n.language);
  const ratio = indicator.measure !== 'COUNT';
  const known = ['numerator', 'denominator', 'note', 'file'];

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const send = submitter?.value === 'submit';
    const d = new FormData(event.currentTarget);
    const text = (k: string) => String(d.get(k) ?? '').trim();
    const picked = [...(files.current?.files ?? [])];
    if (
      !errors.check({
        numerator: { value: text('numerator'), required: true },
        ...(ratio ? { denominator: { value: text('denominator'), required: true } } : {}),
      })
    )
      return;
    const numerator = Number(text('numerator'));
    const denominator = ratio ? Number(text('denominator')) : null;
    const note = text('note');
    if (indicator.measure === 'PERCENT' && denominator !== null && numerator > denominator) {
      errors.fromError(localError('numerator', t('scorecardEntry.form.overDenominator')), known);
      return;
    }
    const tooBig = picked.find((f) => f.size > MAX_FILE);
    if (tooBig) {
      errors.fromError(localError('file', t('scorecardEntry.form.fileTooBig', { name: tooBig.name })), known);
      return;
    }
    if (send && !hasEvidence && picked.length === 0 && !note) {
      errors.fromError(localError('file', t('scorecardEntry.form.evidenceRequired')), known);
      return;
    }
    setBusy(true);
    let created = false;
    try {
      const body = { numerator, denominator, note };
      const entry = editing
        ? await api<Entry>(`/api/scorecards/entries/${editing.id}`, {
            method: 'PATCH',
            body: { ...body, rowVersion: editing.rowVersion },
          })
        : await api<Entry>('/api/scorecards/entries', {
            method: 'POST',
            body: { unitId, indicatorId: indicator.id, period, ...body },
          });
      created = !editing;
      for (const file of picked) await uploadEvidence(entry.id, file);
      if (send) {
        // Files added may have moved the row's version on: sent with the one the server has now.
        const now = picked.length ? await api<EntryDetail>(`/api/scorecards/entries/${entry.id}`) : entry;
        await api(`/api/scorecards/entries/${entry.id}/submit`, {
          method: 'POST',
          body: { rowVersion: now.rowVersion },
        });
      }
      errors.reset();
      if (files.current) files.current.value = '';
      await onDone();
    } catch (e) {
      errors.fromError(e, known);
      // The draft exists now: the card must know it, or trying again would start a second one (409 ENTRY_OPEN).
      if (created || editing) await onPartial();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={(e) => void save(e)} noValidate data-testid="entry-form">
      {errors.summary()}
      {suggestion && (
        <p className="muted" data-testid="entry-suggestion">
          {t('scorecardEntry.form.fromInventory', { basis: suggestion.basis })}
        </p>
      )}
      <label>
        {parts.numerator ?? t('scorecardEntry.form.numerator')}
        <input
          name="numerator"
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          defaultValue={initial?.numerator ?? ''}
          {...errors.props('numerator')}
        />
        {errors.message('numerator')}
      </label>
      {ratio && (
        <label>
          {parts.denominator ?? t('scorecardEntry.form.denominator')}
          <input
            name="denominator"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            defaultValue={initial?.denominator ?? ''}
            {...errors.props('denominator')}
          />
          {errors.message('denominator')}
        </label>
      )}
      <label>
        {t('scorecardEntry.form.note')}
        <textarea name="note" rows={2} maxLength={2000} defaultValue={initial?.note ?? ''} {...errors.props('note')} />
        {errors.message('note')}
      </label>
      <label>
        {t('scorecardEntry.form.evidence')}
        <input
          ref={files}
          name="file"
          type="file"
          multiple
          accept=".pdf,.jpg,.jpeg,.png,.xlsx,.docx,application/pdf,image/jpeg,image/png"
          {...errors.props('file')}
        />
        <span className="muted">{t('scorecardEntry.form.evidenceHint')}</span>
        {errors.message('file')}
      </label>
      <div className="actions">
        <button type="submit" value="submit" className="primary" disabled={busy} data-testid="entry-submit">
          {t('scorecardEntry.form.submit')}
        </button>
        <button type="submit" value="draft" disabled={busy} data-testid="entry-save">
          {t('scorecardEntry.form.saveDraft')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** A check the form makes itself, shaped like the server's field error so it lands beside the same field. */
const localError = (field: string, message: string) =>
  new ApiError(400, 'VALIDATION', message, [{ field, code: 'LOCAL', message }]);
