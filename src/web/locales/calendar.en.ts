import type { calendarVi } from './calendar.vi.js';

/** The working calendar: holidays and swapped working days, in English, key for key. */
export const calendarEn: typeof calendarVi = {
  title: 'Working calendar',
  kind: { HOLIDAY: 'Holiday', WORKDAY: 'Working day (swap)' },
  addDay: 'Add a day',
  remove: 'Remove',
  source: { RULE: 'By law', ADMIN: 'Entered by staff' },
  dayName: 'Name (Vietnamese)',
  dayNameEn: 'Name (English)',
};
