import type { Partly } from './citizen-keys.js';
import { announcementsZh } from './announcements.zh.js';
import { campaignsZh } from './campaigns.zh.js';
import { citizensZh } from './citizens.zh.js';
import { counterZh } from './counter.zh.js';
import { formsZh } from './forms.zh.js';
import { dossiersZh } from './dossiers.zh.js';
import { paymentsZh } from './payments.zh.js';
import { proceduresZh } from './procedures.zh.js';
import { teamsZh } from './teams.zh.js';
import { paknZh } from './pakn.zh.js';
import { scorecardPublicZh } from './scorecard-public.zh.js';
import type { Messages } from './vi.js';

/**
 * Simplified Chinese, for citizen pages only (CITIZEN_KEYS in citizen-keys.ts); the staff console stays Vietnamese
 * and English. Written in the plain register of a Chinese public-service notice.
 */
export const zh: Partly<Messages> = {
  app: {
    name: 'Ketnoi',
    noscript: '本页面无需 JavaScript 即可阅读；如需提交表格、查询或切换语言，请在浏览器中启用 JavaScript。',
  },
  nav: { procedures: '行政手续', lookup: '查询申请', menu: '菜单' },
  lang: { label: '语言', vi: 'Tiếng Việt', en: 'English', ja: '日本語', zh: '中文' },
  common: {
    all: '全部',
    loading: '正在加载…',
    none: '没有结果',
    onlyVietnamese: '此内容仅有越南语版本。',
  },
  errors: {
    network: '无法连接服务器。请检查网络后重试。',
    generic: '出现错误',
  },
  procedures: proceduresZh,
  dossiers: dossiersZh,
  payments: paymentsZh,
  counter: counterZh,
  citizens: citizensZh,
  announcements: announcementsZh,
  teams: teamsZh,
  pakn: paknZh,
  scorecardPublic: scorecardPublicZh,
  campaigns: campaignsZh,
  forms: formsZh,
};
