import { useTranslation } from 'react-i18next';
import type { Procedure } from './api.js';

/** "3 ngày làm việc", "Trong ngày (nộp trước 15:00)": a procedure's time limit in words. */
export function TimeLimit({ p }: { p: Pick<Procedure, 'timeAmount' | 'timeUnit'> }) {
  const { t } = useTranslation();
  return <>{t(`procedures.timeLimit.${p.timeUnit}`, { count: p.timeAmount, cutoff: '15:00' })}</>;
}
