import { type FormEvent, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { inventoryKinds, inventoryStates } from '../../../shared/scorecards.js';
import { NoticeLine, QueryState, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatNumber } from '../../lib/format.js';
import { useFormErrors } from '../../lib/form-errors.js';
import { can, useMe } from '../auth/useMe.js';
import { type InventoryItem, useInventory, useWorkUnits } from './entries-api.js';

/**
 * `/inventory`: the unit's ICT equipment by kind (computers with the year bought, lines, video rooms, cameras,
 * signatures, mailboxes) — what the entered indicators are prefilled from. Anyone with scorecard.read sees it; adding,
 * changing and removing need scorecard.enter.
 */
export function InventoryPage() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const editor = can(me, 'scorecard.enter');
  const work = useWorkUnits();
  const [unitId, setUnitId] = useState<number>();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const unit =
    work.units.find((u) => u.id === unitId) ?? work.units.find((u) => u.tier !== 'PROVINCE') ?? work.units[0];
  const inventory = useInventory(unit?.id);
  const items = inventory.data?.items ?? [];
  return (
    <div className="inventory">
      <h1>{t('scorecardEntry.inventory.title')}</h1>
      <label>
        {t('scorecardEntry.unit')}
        <select value={unit?.id ?? ''} onChange={(e) => setUnitId(Number(e.target.value))}>
          {work.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <QueryState isLoading={work.isLoading || inventory.isLoading} error={work.error ?? inventory.error} />
      {editor &&
        unit &&
        (editing === 'new' ? (
          <InventoryForm unitId={unit.id} onDone={() => setEditing(null)} />
        ) : (
          <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="inventory-add">
            {t('scorecardEntry.inventory.add')}
          </button>
        ))}
      {inventory.data &&
        inventoryKinds.map((kind) => {
          const rows = items.filter((i) => i.kind === kind);
          const total = inventory.data.totals[kind];
          if (rows.length === 0) return null;
          return (
            <section key={kind} data-testid={`inventory-${kind}`}>
              <h2>
                {t(`scorecardEntry.inventory.kind.${kind}`)}{' '}
                {total && (
                  <span className="muted">
                    {t('scorecardEntry.inventory.totals', {
                      count: formatNumber(total.count, i18n.language),
                      working: formatNumber(total.working, i18n.language),
                    })}
                  </span>
                )}
              </h2>
              <ul className="cards">
                {rows.map((item) => (
                  <li key={item.id} className="card">
                    <strong>{item.label || t(`scorecardEntry.inventory.kind.${kind}`)}</strong> ×{' '}
                    {formatNumber(item.count, i18n.language)}
                    <div className="muted">
                      {t(`scorecardEntry.inventory.state.${item.state}`)}
                      {item.year && ` · ${t('scorecardEntry.inventory.yearShort', { year: item.year })}`}
                      {item.note && ` · ${item.note}`}
                    </div>
                    {editor &&
                      (editing === item.id ? (
                        <InventoryForm unitId={item.unit.id} item={item} onDone={() => setEditing(null)} />
                      ) : (
                        <button type="button" onClick={() => setEditing(item.id)}>
                          {t('common.edit')}
                        </button>
                      ))}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      {inventory.data && items.length === 0 && <p className="muted">{t('scorecardEntry.inventory.none')}</p>}
    </div>
  );
}

function InventoryForm({ unitId, item, onDone }: { unitId: number; item?: InventoryItem; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const errors = useFormErrors();
  const { notice, run } = useNotice();
  const known = ['kind', 'label', 'count', 'year', 'state', 'note'];
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['inventory'] });
    await client.invalidateQueries({ queryKey: ['inventory-suggestions'] });
  };

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    const text = (k: string) => String(d.get(k) ?? '').trim();
    if (!errors.check({ count: { value: text('count'), required: true } })) return;
    const body = {
      kind: text('kind'),
      label: text('label'),
      count: Number(text('count')),
      year: text('year') ? Number(text('year')) : null,
      state: text('state'),
      note: text('note'),
    };
    try {
      if (item) await api(`/api/inventory/${item.id}`, { method: 'PATCH', body: { ...body, version: item.version } });
      else await api('/api/inventory', { method: 'POST', body: { unitId, ...body } });
      await refresh();
      onDone();
    } catch (e) {
      errors.fromError(e, known);
    }
  }

  const remove = () =>
    run(async () => {
      await api(`/api/inventory/${item!.id}`, { method: 'DELETE' });
      await refresh();
      onDone();
    });

  return (
    <form className="stack" onSubmit={(e) => void save(e)} noValidate data-testid="inventory-form">
      {errors.summary()}
      <label>
        {t('scorecardEntry.inventory.kindLabel')}
        <select name="kind" defaultValue={item?.kind ?? 'COMPUTER'} disabled={!!item}>
          {inventoryKinds.map((k) => (
            <option key={k} value={k}>
              {t(`scorecardEntry.inventory.kind.${k}`)}
            </option>
          ))}
        </select>
        {item && <input type="hidden" name="kind" value={item.kind} />}
      </label>
      <label>
        {t('scorecardEntry.inventory.label')}
        <input name="label" maxLength={200} defaultValue={item?.label ?? ''} {...errors.props('label')} />
        {errors.message('label')}
      </label>
      <label>
        {t('scorecardEntry.inventory.count')}
        <input
          name="count"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          defaultValue={item?.count ?? 1}
          {...errors.props('count')}
        />
        {errors.message('count')}
      </label>
      <label>
        {t('scorecardEntry.inventory.year')}
        <input
          name="year"
          type="number"
          inputMode="numeric"
          min={1980}
          max={2100}
          defaultValue={item?.year ?? ''}
          {...errors.props('year')}
        />
        {errors.message('year')}
      </label>
      <label>
        {t('scorecardEntry.inventory.stateLabel')}
        <select name="state" defaultValue={item?.state ?? 'WORKING'}>
          {inventoryStates.map((s) => (
            <option key={s} value={s}>
              {t(`scorecardEntry.inventory.state.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('scorecardEntry.form.note')}
        <input name="note" maxLength={500} defaultValue={item?.note ?? ''} />
      </label>
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
        {item && (
          <button type="button" onClick={() => void remove()}>
            {t('scorecardEntry.inventory.remove')}
          </button>
        )}
      </div>
      <NoticeLine notice={notice} />
    </form>
  );
}
