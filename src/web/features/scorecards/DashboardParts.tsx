import { useTranslation } from 'react-i18next';
import { monthOf, monthsUpTo } from '../../../shared/scorecards.js';
import type { Light } from '../../../shared/scorecards.js';
import type { Me } from '../../../server/modules/auth/auth.schemas.js';

// Small pieces the dashboard and the ranking share: a light written out, the month and unit pickers.

/** A shape beside the words, so the light is read without colour (and in black and white on paper). */
const MARK: Record<Light, string> = { MET: '●', NEAR: '◐', BEHIND: '○', NO_TARGET: '–', NO_DATA: '–' };

/** A traffic light as text: "● Đạt", "◐ Gần đạt", "○ Chưa đạt"; its colour comes from the class. */
export function LightLabel({ light }: { light: Light }) {
  const { t } = useTranslation();
  return (
    <span className={`light light-${light}`} data-light={light}>
      <span aria-hidden="true">{MARK[light]}</span> {t(`scorecardDash.light.${light}`)}
    </span>
  );
}

/** "11/2026" for 2026-11. */
export const monthLabel = (period: string) => {
  const [y, m] = period.split('-');
  return m ? `${m}/${y}` : period;
};

/** The months a dashboard can show: this month in Vietnam and the 23 before it, newest first. */
export const pickableMonths = (now = new Date()) => monthsUpTo(monthOf(now), 24).reverse();

export function MonthPicker({ value, onChange }: { value: string; onChange: (period: string) => void }) {
  const { t } = useTranslation();
  const months = pickableMonths();
  if (!months.includes(value)) months.unshift(value);
  return (
    <label>
      {t('scorecardDash.period')}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="scorecard-period">
        {months.map((m) => (
          <option key={m} value={m}>
            {t('scorecardDash.month', { month: monthLabel(m) })}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The units a person's roles give them (one per unit), the first of which a page opens on. */
export const roleUnits = (me: Me | null | undefined) => {
  const seen = new Map<number, string>();
  for (const r of me?.roles ?? []) if (!seen.has(r.unitId)) seen.set(r.unitId, r.unitName);
  return [...seen].map(([id, name]) => ({ id, name }));
};

export function UnitPicker({
  units,
  value,
  onChange,
  label,
}: {
  units: { id: number; name: string }[];
  value: number | undefined;
  onChange: (unit: number) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  if (units.length < 2) return null;
  return (
    <label>
      {label ?? t('scorecardDash.unit')}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))} data-testid="scorecard-unit">
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
    </label>
  );
}
