import { z } from 'zod';
import { Text } from '../../lib/http.js';

/** What a commune prints under its signature block: on whose behalf, the signer's title and name. */
export const DocumentSettings = z
  .object({
    unitId: z.number().int(),
    /** The issuing body as its documents print it, in capitals (read-only: it comes from the unit tree). */
    issuer: z.object({ above: z.string().nullable(), name: z.string() }),
    authority: z.string(),
    signerTitle: z.array(z.string()),
    signerName: z.string().nullable(),
    /** 0 until first saved; a change sends the version it was made on. */
    version: z.number().int(),
  })
  .meta({ id: 'DocumentSettings' });
export type DocumentSettings = z.infer<typeof DocumentSettings>;

export const DocumentSettingsInput = z.object({
  /** "TM. ỦY BAN NHÂN DÂN", or empty when the signer signs in their own name. */
  authority: Text(60),
  /** "CHỦ TỊCH"; a deputy's two lines "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
  signerTitle: z.array(Text(60).min(2)).min(1).max(2),
  signerName: Text(80).min(2).nullable(),
  version: z.number().int().min(0).max(2_147_483_647),
});
export type DocumentSettingsInput = z.infer<typeof DocumentSettingsInput>;
