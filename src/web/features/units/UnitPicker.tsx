import { useTranslation } from 'react-i18next';
import { useUnitDetail, useUnits } from './api.js';

/**
 * A unit of the caller's scope chosen one level at a time (commune → thôn → alley): a select per level, each
 * starting with "all of it", so a phone shows short lists and a chosen alley still shows its thôn above it.
 */
export function UnitPicker({ value, onChange }: { value?: number; onChange: (unit: number | undefined) => void }) {
  const roots = useUnits();
  const detail = useUnitDetail(value);
  const rootIds = new Set(roots.data?.map((u) => u.id));
  let chain: number[] = [];
  if (value !== undefined && detail.data) {
    const all = [...detail.data.ancestors.map((a) => a.id).filter((id) => id !== value), value];
    const start = all.findIndex((id) => rootIds.has(id));
    chain = start >= 0 ? all.slice(start) : [value];
  }
  const pick = (level: number, id: string) => onChange(id ? Number(id) : chain[level - 1]);
  return (
    <div className="unit-picker">
      <UnitLevel level={0} selected={chain[0]} onPick={pick} />
      {chain.map((id, i) => (
        <UnitLevel key={id} level={i + 1} parent={id} selected={chain[i + 1]} onPick={pick} />
      ))}
    </div>
  );
}

function UnitLevel({
  level,
  parent,
  selected,
  onPick,
}: {
  level: number;
  parent?: number;
  selected?: number;
  onPick: (level: number, id: string) => void;
}) {
  const { t } = useTranslation();
  const { data } = useUnits(parent);
  if (!data?.length) return null;
  return (
    <select
      aria-label={t('residents.filters.unitLevel', { level: level + 1 })}
      value={selected ?? ''}
      onChange={(e) => onPick(level, e.target.value)}
    >
      <option value="">{level === 0 ? t('residents.filters.allUnits') : t('residents.filters.wholeUnit')}</option>
      {data.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
        </option>
      ))}
    </select>
  );
}
