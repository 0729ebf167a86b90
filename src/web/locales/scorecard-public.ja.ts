import type { Partly } from './citizen-keys.js';
import type { scorecardPublicVi } from './scorecard-public.vi.js';

/** 公開ページ（/c/:code/chi-so）：社が公開したデジタル化指標（日本語）。 */
export const scorecardPublicJa: Partly<typeof scorecardPublicVi> = {
  title: '{{commune}}のデジタル化指標',
  link: 'デジタル化指標',
  asOf: '{{month}}末に確定した数値です。',
  noPeriod: '確定した月はまだありません。',
  none: 'この社はまだ指標を公開していません。',
  back: '社のページへ戻る',
  target: '目標：{{target}}',
  noTarget: '目標は未設定です',
  trend: '直近12か月',
  month: '月',
  value: '値',
  light: {
    MET: '目標達成',
    NEAR: '目標に近い',
    BEHIND: '目標未達',
    NO_TARGET: '目標なし',
    NO_DATA: 'データなし',
  },
};
