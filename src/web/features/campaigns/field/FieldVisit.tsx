import { useTranslation } from 'react-i18next';
import { getPack } from './store.js';
import { useField } from './useField.js';
import { VisitForm } from './VisitForm.js';

/** `/field/<id>/h/<household>`: record a visit. */
export function FieldVisit({ id, householdId }: { id: number; householdId: number }) {
  const { t } = useTranslation();
  const pack = useField(() => getPack(id), [id]);
  const household = pack?.households.find((h) => h.householdId === householdId);
  if (!pack) return null;
  if (!household) return <p className="muted">{t('campaigns.field.notYours')}</p>;
  return <VisitForm pack={pack} household={household} />;
}
