import type { Partly } from './citizen-keys.js';
import type { campaignsVi } from './campaigns.vi.js';

/** A campaign's public guide, in Japanese. */
export const campaignsJa: Partly<typeof campaignsVi> = {
  guide: { deadline: '期限：{{date}}', ended: 'このキャンペーンは終了しました。', steps: '手順' },
};
