import type { Tx } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import { maskPersonalData } from './feedback.masking.js';
import { getTicket, ticketInScope } from './feedback.repo.js';
import { readContext } from './feedback.service.js';

/**
 * What "Hỏi đáp" would show of a ticket, personal data masked (the sender's name, phones, ID numbers, emails, house
 * numbers): the starting point the leader edits before publishing. An edited publication is shown as it was saved.
 */
export async function publicationPreview(db: Tx, scope: Scope, id: number) {
  const { ticket: t } = await getTicket(db, ticketInScope(id, scope), await readContext(db));
  const known = { names: t.senderName ? [t.senderName] : [] };
  return {
    publicTitle: t.publicTitle ?? maskPersonalData(t.title, known),
    publicBody: t.publicBody ?? maskPersonalData(t.body, known),
    publicAnswer: t.publicAnswer ?? maskPersonalData(t.answer ?? '', known),
  };
}
