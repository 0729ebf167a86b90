import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ResidentDetail } from '../../../server/modules/residents/residents.schemas.js';
import { VneidLevel } from '../../../shared/enums.js';
import { api } from '../../lib/api.js';
import { ActionForm } from '../households/ActionForm.js';

/**
 * Correcting what changes most: phone, VNeID level (and when it was checked), smartphone, tags. Sent with the version
 * read, so an edit made meanwhile by someone else (or the field app) is refused rather than overwritten.
 */
export function ResidentEdit({ r, onDone, onSaved }: { r: ResidentDetail; onDone: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [f, setF] = useState({
    phone: '',
    vneidLevel: r.vneidLevel as string,
    vneidCheckedOn: r.vneidCheckedOn ?? '',
    hasSmartphone: r.hasSmartphone === null ? '' : String(r.hasSmartphone),
    tags: r.tags.join(', '),
  });
  const body = () => {
    const out: Record<string, unknown> = { version: r.version };
    if (f.phone.trim()) out.phone = f.phone.trim() === '-' ? null : f.phone.trim();
    if (f.vneidLevel !== r.vneidLevel) out.vneidLevel = f.vneidLevel;
    if ((f.vneidCheckedOn || null) !== r.vneidCheckedOn) out.vneidCheckedOn = f.vneidCheckedOn || null;
    const smartphone = f.hasSmartphone === '' ? null : f.hasSmartphone === 'true';
    if (smartphone !== r.hasSmartphone) out.hasSmartphone = smartphone;
    const tags = f.tags
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (tags.join('\u0000') !== r.tags.join('\u0000')) out.tags = tags;
    return out;
  };
  const labels: Record<string, string> = {
    phone: t('residents.phone'),
    vneidLevel: t('vneid.label'),
    vneidCheckedOn: t('vneid.label'),
    hasSmartphone: t('residents.smartphone'),
    tags: t('residents.tags'),
  };
  const save = useMutation({
    mutationFn: () => api<ResidentDetail>(`/api/residents/${r.id}`, { method: 'PATCH', body: body() }),
    onSuccess: (updated) => {
      client.setQueryData(['resident', r.id], updated);
      // The correction is a line in the person's and the household's history, with its undo.
      for (const key of ['residents', 'history', 'household']) void client.invalidateQueries({ queryKey: [key] });
      onSaved();
    },
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <ActionForm
      title={t('residents.edit.title')}
      confirmText={() => {
        const fields = [
          ...new Set(
            Object.keys(body())
              .filter((k) => k !== 'version')
              .map((k) => labels[k]),
          ),
        ];
        return fields.length
          ? t('residents.edit.confirm', { name: r.fullName, fields: fields.join(', ') })
          : t('residents.edit.nothing');
      }}
      onConfirm={() => save.mutate()}
      onCancel={onDone}
      pending={save.isPending}
      error={save.error}
    >
      <label>
        {t('residents.phone')}
        <input value={f.phone} onChange={set('phone')} inputMode="tel" placeholder={r.phoneMasked ?? ''} />
        <span className="muted">{t('residents.edit.phoneHint')}</span>
      </label>
      <label>
        {t('vneid.label')}
        <select value={f.vneidLevel} onChange={set('vneidLevel')}>
          {Object.values(VneidLevel).map((v) => (
            <option key={v} value={v}>
              {t(`vneid.${v}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('residents.edit.checkedOn')}
        <input type="date" value={f.vneidCheckedOn} onChange={set('vneidCheckedOn')} />
      </label>
      <label>
        {t('residents.smartphone')}
        <select value={f.hasSmartphone} onChange={set('hasSmartphone')}>
          <option value="">{t('residents.edit.unknown')}</option>
          <option value="true">{t('common.yes')}</option>
          <option value="false">{t('common.no')}</option>
        </select>
      </label>
      <label>
        {t('residents.tags')}
        <input value={f.tags} onChange={set('tags')} />
        <span className="muted">{t('residents.edit.tagsHint')}</span>
      </label>
    </ActionForm>
  );
}
