import type { Database } from '../db/client.js';
import { documentSettings } from '../db/schema/index.js';
import type { UnitRow } from '../modules/units/units.repo.js';
import { givenMale, middleMale, type Random, surnames } from './names.js';

/**
 * The demo commune's signer, so its call letters, notices and forms print a full signature block on first start
 * (a made-up name, as every name in the demo). A real commune sets its own on the counter settings page.
 */
export async function seedDocumentsDemo(database: Database, rnd: Random, commune: UnitRow) {
  const signerName = `${rnd.weighted(surnames)} ${rnd.pick(middleMale)} ${rnd.pick(givenMale)}`;
  await database.db
    .insert(documentSettings)
    .values({ unitId: commune.id, authority: 'TM. ỦY BAN NHÂN DÂN', signerTitle: 'CHỦ TỊCH', signerName })
    .onConflictDoNothing();
}
