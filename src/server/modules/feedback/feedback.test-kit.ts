import { eq } from 'drizzle-orm';
import { tickets } from '../../db/schema/index.js';
import type { TestContext } from '../../../../test/helpers.js';
import { createTicket, type NewTicket } from './feedback.intake.js';

/**
 * A ticket filed as an intake files it, then put with `unitId` (a group of the commune) when given: what the
 * workflow tests and the access matrix start from.
 */
export async function fileTicket(
  t: Pick<TestContext, 'database' | 'cipher'>,
  communeId: number,
  options: Partial<NewTicket> & { unitId?: number } = {},
) {
  const { unitId, ...rest } = options;
  return t.database.db.transaction(async (tx) => {
    const made = await createTicket(tx, t, {
      communeId,
      channel: 'WEB',
      title: 'Đèn đường hỏng ở ngõ 3',
      body: 'Đèn đường trước số 7 ngõ 3 hỏng đã một tuần.',
      senderName: 'Ma Văn Gửi',
      senderPhone: '+84987000111',
      ...rest,
    });
    if (unitId) await tx.update(tickets).set({ unitId }).where(eq(tickets.id, made.id));
    return made;
  });
}
