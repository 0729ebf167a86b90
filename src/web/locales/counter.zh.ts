import type { Partly } from './citizen-keys.js';
import type { counterVi } from './counter.vi.js';

/** Booking a time at the counter and the post, in Simplified Chinese (the citizen side only). */
export const counterZh: Partly<typeof counterVi> = {
  book: '预约办理',
  bookTitle: '预约一站式服务窗口办理时间',
  booked: '已预约{{day}} {{start}}。到窗口报上姓名即可领取排队号。',
  cancel: '取消预约',
  cancelled: '预约已取消',
  full: '已约满',
  left: '剩余{{count}}个名额',
  noSlots: '未来几天没有可预约的时段',
  tracking: '运单号',
  shipmentStatus: {
    CREATED: '已创建',
    IN_TRANSIT: '运输中',
    DELIVERED: '已送达',
    RETURNED_TO_SENDER: '已退回寄件人',
    LOST: '已丢失',
  },
};
