import type { Partly } from './citizen-keys.js';
import type { campaignsVi } from './campaigns.vi.js';

/** A campaign's public guide, in Simplified Chinese. */
export const campaignsZh: Partly<typeof campaignsVi> = {
  guide: { deadline: '截止日期：{{date}}', ended: '本次活动已结束。', steps: '办理步骤' },
};
