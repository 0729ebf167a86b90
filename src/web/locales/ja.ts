import type { Partly } from './citizen-keys.js';
import { announcementsJa } from './announcements.ja.js';
import { campaignsJa } from './campaigns.ja.js';
import { citizensJa } from './citizens.ja.js';
import { counterJa } from './counter.ja.js';
import { formsJa } from './forms.ja.js';
import { dossiersJa } from './dossiers.ja.js';
import { paymentsJa } from './payments.ja.js';
import { proceduresJa } from './procedures.ja.js';
import { teamsJa } from './teams.ja.js';
import { paknJa } from './pakn.ja.js';
import { scorecardPublicJa } from './scorecard-public.ja.js';
import type { Messages } from './vi.js';

/**
 * Japanese, for citizen pages only (CITIZEN_KEYS in citizen-keys.ts); the staff console stays Vietnamese and English.
 * Written as a Japanese public office writes to residents (です・ます).
 */
export const ja: Partly<Messages> = {
  app: {
    name: 'Ketnoi',
    noscript:
      'このページはJavaScriptなしでも読めます。申請の送信、照会、言語の切り替えには、ブラウザでJavaScriptを有効にしてください。',
  },
  nav: { procedures: '行政手続き', lookup: '申請の照会', menu: 'メニュー' },
  lang: { label: '言語', vi: 'Tiếng Việt', en: 'English', ja: '日本語', zh: '中文' },
  common: {
    all: 'すべて',
    loading: '読み込み中…',
    none: '該当するものはありません',
    onlyVietnamese: 'この内容はベトナム語のみです。',
  },
  errors: {
    network: 'サーバーに接続できません。通信状況を確認して、もう一度お試しください。',
    generic: 'エラーが発生しました',
  },
  procedures: proceduresJa,
  dossiers: dossiersJa,
  payments: paymentsJa,
  counter: counterJa,
  citizens: citizensJa,
  announcements: announcementsJa,
  teams: teamsJa,
  pakn: paknJa,
  scorecardPublic: scorecardPublicJa,
  campaigns: campaignsJa,
  forms: formsJa,
};
