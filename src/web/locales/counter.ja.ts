import type { Partly } from './citizen-keys.js';
import type { counterVi } from './counter.vi.js';

/** Booking a time at the counter and the post, in Japanese (the citizen side only). */
export const counterJa: Partly<typeof counterVi> = {
  book: '来庁予約',
  bookTitle: 'ワンストップ窓口の来庁予約',
  booked: '{{day}} {{start}}に予約しました。窓口でお名前を伝えて順番待ちの番号を受け取ってください。',
  cancel: '予約を取り消す',
  cancelled: '予約を取り消しました',
  full: '満員',
  left: '残り{{count}}名',
  noSlots: '今後数日間、予約を受け付けている時間帯はありません',
  tracking: '追跡番号',
  shipmentStatus: {
    CREATED: '発送準備中',
    IN_TRANSIT: '配送中',
    DELIVERED: '配達済み',
    RETURNED_TO_SENDER: '差出人に返送',
    LOST: '紛失',
  },
};
