import type { documentsVi } from './documents.vi.js';

/** Who signs the commune's documents, English, key for key. */
export const documentsEn: typeof documentsVi = {
  title: 'Document signer',
  hint: 'Call letters, broadcast notices and the one-stop forms print this signature block. Leave the name empty until there is a signer: documents then leave the space to sign by hand.',
  issuer: 'Issuing body',
  authority: 'Signing authority',
  authorityHint: 'For example TM. ỦY BAN NHÂN DÂN (on behalf of the committee); empty when signing in one’s own title',
  signerTitle: "Signer's title",
  signerTitle2: 'Second title line (signing for the chair, e.g. PHÓ CHỦ TỊCH)',
  signerName: "Signer's full name",
  save: 'Save the signer',
  saved: 'Document signer saved',
  readOnly: 'Only the commune’s leaders can change the signer.',
};
