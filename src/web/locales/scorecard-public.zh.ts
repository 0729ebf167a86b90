import type { Partly } from './citizen-keys.js';
import type { scorecardPublicVi } from './scorecard-public.vi.js';

/** 公开页面（/c/:code/chi-so）：乡公布的数字化转型指标（中文）。 */
export const scorecardPublicZh: Partly<typeof scorecardPublicVi> = {
  title: '{{commune}}数字化转型指标',
  link: '数字化转型指标',
  asOf: '{{month}}期末确定的数据。',
  noPeriod: '尚无已确定数据的月份。',
  none: '该乡尚未公布任何指标。',
  back: '返回本乡页面',
  target: '目标：{{target}}',
  noTarget: '尚未设定目标',
  trend: '最近12个月',
  month: '月份',
  value: '数值',
  light: {
    MET: '已达标',
    NEAR: '接近目标',
    BEHIND: '未达标',
    NO_TARGET: '无目标',
    NO_DATA: '暂无数据',
  },
};
