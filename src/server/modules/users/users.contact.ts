import { z } from 'zod';
import type { Database, Tx } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { conflict } from '../../lib/errors.js';
import { Phone, Version } from '../../lib/http.js';
import type { Actor, AuthContext } from '../../lib/auth-context.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import { insertAudit } from '../audit/audit.repo.js';
import { eq, sql } from 'drizzle-orm';

/**
 * A staff account's contact details, where feedback reminders reach the person: a work email and a phone (encrypted,
 * with its blind index, like every phone). Both optional; `null` clears one, leaving it out keeps it.
 */
export const Email = z.string().trim().toLowerCase().max(200).pipe(z.email());
export const ContactFields = {
  email: Email.nullable().optional(),
  phone: Phone.nullable().optional(),
};

/** The person's own contact as they see it on /account: in full, since it is theirs. */
export const OwnContact = z
  .object({ email: z.string().nullable(), phone: z.string().nullable(), version: z.number().int() })
  .meta({ id: 'OwnContact' });
export const UpdateOwnContactInput = z.object({ ...ContactFields, version: Version });
export type UpdateOwnContactInput = z.infer<typeof UpdateOwnContactInput>;

export const staleAccount = () =>
  conflict({
    vi: 'Tài khoản vừa được người khác sửa; vui lòng tải lại rồi làm lại',
    en: 'The account was changed meanwhile; reload and try again',
  });

/** "nguyen.van.a@xa.gov.vn" → "n•••@xa.gov.vn": staff lists show whose it is, not the address. */
export const maskEmail = (email: string | null): string | null => {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  return `${email.slice(0, Math.min(1, at))}•••${email.slice(at)}`;
};

/** "+84912345678" → "•••••••5678", as other lists show a phone. */
export const maskPhone = (cipher: PiiCipher, phoneEnc: string | null): string | null =>
  phoneEnc ? `•••••••${cipher.decrypt(phoneEnc).slice(-4)}` : null;

/** The columns an edit of the contact sets: only what was given; the phone stored encrypted with its blind index. */
export function contactColumns(
  cipher: PiiCipher,
  input: { email?: string | null; phone?: string | null },
): Partial<typeof users.$inferInsert> {
  const set: Partial<typeof users.$inferInsert> = {};
  if (input.email !== undefined) set.email = input.email;
  if (input.phone !== undefined) {
    set.phoneEnc = input.phone === null ? null : cipher.encrypt(input.phone);
    set.phoneBidx = input.phone === null ? null : cipher.blindIndex(input.phone, 'phone');
  }
  return set;
}

async function ownRow(tx: Tx, userId: number) {
  const [row] = await tx
    .select({ email: users.email, phoneEnc: users.phoneEnc, version: users.version })
    .from(users)
    .where(eq(users.id, userId));
  return row!;
}

const present = (cipher: PiiCipher, row: { email: string | null; phoneEnc: string | null; version: number }) => ({
  email: row.email,
  phone: row.phoneEnc ? cipher.decrypt(row.phoneEnc) : null,
  version: row.version,
});

export async function getOwnContact(database: Database, cipher: PiiCipher, auth: AuthContext) {
  return present(cipher, await ownRow(database.db, auth.user.id));
}

/** The person edits their own email and phone; the version read must be current. Audited by field, never the value. */
export async function updateOwnContact(
  database: Database,
  cipher: PiiCipher,
  auth: AuthContext,
  input: UpdateOwnContactInput,
  actor: Actor,
) {
  return database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ ...contactColumns(cipher, input), version: sql`${users.version} + 1` })
      .where(sql`${users.id} = ${auth.user.id} and ${users.version} = ${input.version}`)
      .returning({ email: users.email, phoneEnc: users.phoneEnc, version: users.version });
    if (!row) throw staleAccount();
    await insertAudit(tx, actor, {
      action: 'user.contact.update',
      entityType: 'user',
      entityId: auth.user.id,
      details: { fields: ['email', 'phone'].filter((k) => k in input && input[k as 'email'] !== undefined) },
    });
    return present(cipher, row);
  });
}
