import {
  defaultFeedbackSettings,
  type TicketChannel,
  type TicketEventKind,
  type TicketSeverity,
  type TicketStatus,
} from '../../shared/feedback.js';
import type { Exceptions } from '../modules/calendar/working-days.js';
import { addWorkingHours, workingMinutesBetween } from '../modules/calendar/working-hours.js';
import { deadlineFrom } from '../modules/feedback/feedback.settings.js';
import type { Random } from './names.js';

/**
 * What people ask a commune, as they write it: the question, the answer an officer gives, and (where the sender may
 * allow it) the question as "Hỏi đáp" shows it with personal details masked. Shared by the demo year and the benchmark.
 */
export type FeedbackSample = {
  category: string;
  severity?: TicketSeverity;
  title: string;
  body: string;
  answer: string;
  publicBody: string;
};

export const feedbackSamples: FeedbackSample[] = [
  {
    category: 'MOI_TRUONG',
    title: 'Rác thải tập kết đầu ngõ lâu ngày không được thu gom',
    body: 'Tôi là Nguyễn Văn Hùng ở số 12 ngõ 3. Điểm tập kết rác đầu ngõ đã ba ngày chưa có xe thu gom, bốc mùi rất khó chịu, trẻ con đi học phải đi qua. Đề nghị xã cho xe thu gom sớm. SĐT 0912 345 678.',
    answer:
      'UBND xã đã làm việc với Hợp tác xã vệ sinh môi trường; xe thu gom đã dọn điểm tập kết trong sáng nay và từ tuần này thu gom vào 6 giờ sáng các ngày thứ Hai, Tư, Sáu. Đề nghị các hộ bỏ rác đúng giờ.',
    publicBody:
      'Tôi là N*** V*** H*** ở số ** ngõ 3. Điểm tập kết rác đầu ngõ đã ba ngày chưa có xe thu gom, bốc mùi rất khó chịu, trẻ con đi học phải đi qua. Đề nghị xã cho xe thu gom sớm. SĐT 09** *** ***.',
  },
  {
    category: 'HA_TANG',
    title: 'Đèn đường hỏng trên trục đường thôn',
    body: 'Ba cột đèn đường đoạn từ nhà văn hóa thôn đến cầu Đá bị hỏng gần hai tuần, buổi tối rất tối, đã có người đi xe máy bị ngã. Mong xã cho sửa sớm.',
    answer:
      'Xã đã báo Điện lực và tổ quản lý điện chiếu sáng; ba bóng đèn đã được thay ngày hôm qua. Cảm ơn ông/bà đã phản ánh; khi đèn hỏng xin báo qua trang này hoặc Zalo của xã.',
    publicBody:
      'Ba cột đèn đường đoạn từ nhà văn hóa thôn đến cầu Đá bị hỏng gần hai tuần, buổi tối rất tối, đã có người đi xe máy bị ngã. Mong xã cho sửa sớm.',
  },
  {
    category: 'TTHC',
    title: 'Hỏi thủ tục đăng ký khai sinh cho con',
    body: 'Vợ tôi sinh cháu ở bệnh viện tỉnh được 10 ngày. Cho hỏi làm giấy khai sinh cần mang những giấy tờ gì, có làm trực tuyến được không, mất bao lâu?',
    answer:
      'Ông/bà chuẩn bị Giấy chứng sinh và giấy tờ tùy thân của cha hoặc mẹ. Có thể nộp trực tuyến trên Cổng Dịch vụ công (liên thông khai sinh, thường trú, bảo hiểm y tế cho trẻ dưới 6 tuổi) hoặc nộp tại bộ phận một cửa của xã; kết quả trong ngày làm việc nếu nộp trước 15 giờ.',
    publicBody:
      'Vợ tôi sinh cháu ở bệnh viện tỉnh được 10 ngày. Cho hỏi làm giấy khai sinh cần mang những giấy tờ gì, có làm trực tuyến được không, mất bao lâu?',
  },
  {
    category: 'SO_HOA',
    title: 'Kích hoạt tài khoản định danh điện tử mức 2 cho người cao tuổi',
    body: 'Bố mẹ tôi đã ngoài 70, không dùng điện thoại thông minh. Xin hỏi có thể kích hoạt VNeID mức 2 ở đâu, có cần mang theo căn cước không?',
    answer:
      'Ông/bà đưa bố mẹ mang căn cước đến Công an xã vào giờ hành chính; tổ công nghệ số cộng đồng của thôn cũng hỗ trợ tại nhà văn hóa sáng thứ Bảy hằng tuần. Người cao tuổi có thể dùng số điện thoại của con để nhận mã kích hoạt.',
    publicBody:
      'Bố mẹ tôi đã ngoài 70, không dùng điện thoại thông minh. Xin hỏi có thể kích hoạt VNeID mức 2 ở đâu, có cần mang theo căn cước không?',
  },
  {
    category: 'AN_NINH',
    title: 'Tiếng ồn karaoke sau 22 giờ',
    body: 'Nhà hàng xóm hát karaoke đến 23–24 giờ nhiều tối liền, loa công suất lớn, người già và trẻ nhỏ không ngủ được. Đề nghị xã nhắc nhở.',
    answer:
      'Công an xã đã đến nhắc nhở và lập biên bản cam kết với hộ gia đình; hát karaoke gây ồn sau 22 giờ có thể bị xử phạt theo Nghị định 144/2021/NĐ-CP. Nếu tái diễn, ông/bà gọi ngay Công an xã để kiểm tra tại chỗ.',
    publicBody:
      'Nhà hàng xóm hát karaoke đến 23–24 giờ nhiều tối liền, loa công suất lớn, người già và trẻ nhỏ không ngủ được. Đề nghị xã nhắc nhở.',
  },
  {
    category: 'HA_TANG',
    severity: 'URGENT',
    title: 'Cây đổ chắn ngang đường sau mưa bão',
    body: 'Cây xà cừ trước cổng trường tiểu học bị đổ chắn ngang đường, dây điện võng xuống thấp, rất nguy hiểm. Đề nghị xử lý gấp.',
    answer:
      'Tổ xung kích của xã và Điện lực đã cắt điện, dọn cây và căng lại dây trong buổi chiều; đường đã thông. Cảm ơn người dân đã báo kịp thời.',
    publicBody:
      'Cây xà cừ trước cổng trường tiểu học bị đổ chắn ngang đường, dây điện võng xuống thấp, rất nguy hiểm. Đề nghị xử lý gấp.',
  },
  {
    category: 'DAT_DAI',
    severity: 'COMPLEX',
    title: 'Hỏi về cấp giấy chứng nhận quyền sử dụng đất lần đầu',
    body: 'Gia đình tôi sử dụng mảnh đất vườn từ năm 1995, chưa có sổ đỏ. Xin hỏi thủ tục cấp giấy chứng nhận lần đầu và phải nộp những khoản gì?',
    answer:
      'Hộ gia đình nộp hồ sơ tại bộ phận một cửa gồm đơn đăng ký, giấy tờ về nguồn gốc sử dụng đất (nếu có) và xác nhận của UBND xã về thời điểm sử dụng ổn định. Cán bộ địa chính sẽ hẹn đo đạc, xác minh hiện trạng; nghĩa vụ tài chính tính theo Luật Đất đai 2024 và bảng giá đất của tỉnh.',
    publicBody:
      'Gia đình tôi sử dụng mảnh đất vườn từ năm 1995, chưa có sổ đỏ. Xin hỏi thủ tục cấp giấy chứng nhận lần đầu và phải nộp những khoản gì?',
  },
  {
    category: 'CHINH_SACH',
    title: 'Hỏi chế độ trợ cấp cho người khuyết tật',
    body: 'Con tôi bị khuyết tật vận động từ nhỏ, năm nay 16 tuổi. Gia đình có được hưởng trợ cấp xã hội hằng tháng không và làm hồ sơ ở đâu?',
    answer:
      'Gia đình nộp đơn đề nghị xác định mức độ khuyết tật tại UBND xã; Hội đồng xác định mức độ khuyết tật của xã sẽ hẹn ngày đánh giá. Người khuyết tật nặng và đặc biệt nặng được trợ cấp xã hội hằng tháng và thẻ bảo hiểm y tế.',
    publicBody:
      'Con tôi bị khuyết tật vận động từ nhỏ, năm nay 16 tuổi. Gia đình có được hưởng trợ cấp xã hội hằng tháng không và làm hồ sơ ở đâu?',
  },
  {
    category: 'MOI_TRUONG',
    title: 'Đốt rơm rạ gây khói bụi khu dân cư',
    body: 'Sau vụ gặt nhiều hộ đốt rơm rạ ngay cạnh khu dân cư, khói bay vào nhà, trẻ con bị ho. Đề nghị xã tuyên truyền.',
    answer:
      'Xã đã phát thông báo trên loa truyền thanh và nhóm Zalo các thôn về việc không đốt rơm rạ gần khu dân cư; Hợp tác xã nông nghiệp hướng dẫn ủ rơm làm phân bón. Các trường hợp tái phạm sẽ bị nhắc nhở, xử lý.',
    publicBody:
      'Sau vụ gặt nhiều hộ đốt rơm rạ ngay cạnh khu dân cư, khói bay vào nhà, trẻ con bị ho. Đề nghị xã tuyên truyền.',
  },
  {
    category: 'HA_TANG',
    title: 'Ổ gà lớn trên đường liên thôn',
    body: 'Đoạn đường liên thôn gần chợ có ổ gà sâu, trời mưa đọng nước không nhìn thấy, nhiều người đi xe máy bị ngã.',
    answer:
      'Xã đã đưa đoạn đường vào kế hoạch duy tu; trước mắt đã san lấp tạm bằng đá dăm và cắm biển cảnh báo. Việc thảm lại mặt đường dự kiến hoàn thành trong quý tới.',
    publicBody:
      'Đoạn đường liên thôn gần chợ có ổ gà sâu, trời mưa đọng nước không nhìn thấy, nhiều người đi xe máy bị ngã.',
  },
  {
    category: 'TTHC',
    title: 'Chứng thực bản sao có cần hẹn trước không',
    body: 'Tôi cần chứng thực bản sao bằng tốt nghiệp và học bạ để nộp hồ sơ xin việc. Xã có làm vào thứ Bảy không, có phải đặt lịch trước không?',
    answer:
      'Bộ phận một cửa chứng thực bản sao trong giờ hành chính từ thứ Hai đến thứ Sáu, không cần hẹn trước; ông/bà có thể đặt lịch trên trang của xã để không phải chờ. Lệ phí 2.000 đồng/trang.',
    publicBody:
      'Tôi cần chứng thực bản sao bằng tốt nghiệp và học bạ để nộp hồ sơ xin việc. Xã có làm vào thứ Bảy không, có phải đặt lịch trước không?',
  },
  {
    category: 'SO_HOA',
    title: 'Không đăng nhập được Cổng Dịch vụ công bằng VNeID',
    body: 'Tôi đăng nhập Cổng Dịch vụ công bằng tài khoản VNeID thì báo lỗi không xác thực được. Số điện thoại của tôi là 0987 654 321.',
    answer:
      'Ông/bà kiểm tra tài khoản VNeID đã ở mức 2 và ứng dụng đã cập nhật bản mới; khi đăng nhập hãy chọn "Tài khoản định danh điện tử" và xác nhận trên điện thoại. Nếu vẫn lỗi, tổ công nghệ số cộng đồng hỗ trợ tại bộ phận một cửa.',
    publicBody:
      'Tôi đăng nhập Cổng Dịch vụ công bằng tài khoản VNeID thì báo lỗi không xác thực được. Số điện thoại của tôi là 09** *** ***.',
  },
  {
    category: 'AN_NINH',
    title: 'Xe tải chở vật liệu chạy nhanh qua khu dân cư',
    body: 'Xe tải chở cát chạy tốc độ cao qua đường thôn vào giờ học sinh tan trường, làm rơi vãi cát ra đường.',
    answer:
      'Công an xã đã làm việc với chủ phương tiện, yêu cầu che phủ thùng xe và không chạy qua đường thôn giờ cao điểm; xã đặt biển hạn chế tốc độ 30 km/h tại đoạn gần trường.',
    publicBody: 'Xe tải chở cát chạy tốc độ cao qua đường thôn vào giờ học sinh tan trường, làm rơi vãi cát ra đường.',
  },
  {
    category: 'KHAC',
    title: 'Đề nghị lắp thêm loa truyền thanh ở xóm mới',
    body: 'Xóm mới phía sau trường mầm non chưa có loa truyền thanh, bà con không nghe được thông báo của xã.',
    answer:
      'Xã ghi nhận và đưa vào kế hoạch mở rộng hệ thống truyền thanh thông minh; trong lúc chờ, thông báo của xã được gửi qua Zalo OA và tin nhắn cho các hộ đã đăng ký.',
    publicBody: 'Xóm mới phía sau trường mầm non chưa có loa truyền thanh, bà con không nghe được thông báo của xã.',
  },
];

export const rejectReasons = [
  'Nội dung là khiếu nại, đề nghị công dân gửi đơn khiếu nại theo Luật Khiếu nại',
  'Nội dung không thuộc thẩm quyền của UBND xã, đã hướng dẫn công dân gửi đến cơ quan có thẩm quyền',
  'Nội dung không rõ ràng, không có thông tin để xác minh',
];

const channelWeights: [TicketChannel, number][] = [
  ['WEB', 40],
  ['ZALO', 30],
  ['COUNTER', 12],
  ['HOTLINE', 12],
  ['OPEN311', 6],
];

export type PlannedEvent = {
  at: Date;
  kind: TicketEventKind;
  fromStatus?: TicketStatus;
  toStatus?: TicketStatus;
  actor: 'citizen' | 'officer' | 'leader' | 'system';
  body?: string;
  public: boolean;
  /** As the workflow writes it (a rating's `{ rating }`). */
  data?: Record<string, unknown>;
};

export type PlannedTicket = {
  sample: FeedbackSample;
  channel: TicketChannel;
  severity: TicketSeverity;
  status: TicketStatus;
  receivedAt: Date;
  acceptDueAt: Date;
  acceptedAt: Date | null;
  dueAt: Date;
  extensionRequestedUntil: Date | null;
  extensionReason: string | null;
  extendedDueAt: Date | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  onTime: boolean | null;
  /** Working minutes from receipt to the first answer (frozen there, as the workflow does). */
  answerWorkingMinutes: number | null;
  answerState: 'SENT' | 'DRAFT' | 'PENDING' | null;
  rejectReason: string | null;
  rating: 'SATISFIED' | 'UNSATISFIED' | null;
  ratedAt: Date | null;
  publishable: boolean;
  publishedAt: Date | null;
  reopenCount: number;
  abuseAt: Date | null;
  /** At a residential group rather than the commune's own desk (routed or transferred there). */
  atGroup: boolean;
  assigned: boolean;
  events: PlannedEvent[];
};

const hours = (at: Date, h: number) => new Date(at.getTime() + h * 3_600_000);
const min = (a: Date, b: Date) => (a < b ? a : b);

/**
 * One ticket's life from its receipt up to `now`, as a commune works: most accepted within hours and answered well
 * before the deadline, a tenth late, a few extended (most then on time), refused with a reason, marked as abuse,
 * rated, reopened, published on "Hỏi đáp". What would happen after `now` has not happened yet: the ticket stays open
 * where its story stops (so old ones still open are the overdue ones).
 */
export function planTicket(rnd: Random, receivedAt: Date, now: Date, exceptions: Exceptions): PlannedTicket {
  const sample = rnd.pick(feedbackSamples);
  const channel = rnd.weighted(channelWeights);
  const severity = sample.severity ?? 'NORMAL';
  const settings = defaultFeedbackSettings;
  const acceptDueAt = deadlineFrom(receivedAt, settings.acceptWithin, exceptions);
  const dueAt = deadlineFrom(receivedAt, settings.deadlines[severity], exceptions);
  const deadlineHours = severity === 'URGENT' ? 4 : severity === 'COMPLEX' ? 150 : 75;
  const t: PlannedTicket = {
    sample,
    channel,
    severity,
    status: 'RECEIVED',
    receivedAt,
    acceptDueAt,
    acceptedAt: null,
    dueAt,
    extensionRequestedUntil: null,
    extensionReason: null,
    extendedDueAt: null,
    answeredAt: null,
    closedAt: null,
    onTime: null,
    answerWorkingMinutes: null,
    answerState: null,
    rejectReason: null,
    rating: null,
    ratedAt: null,
    publishable: rnd.next() < 0.65,
    publishedAt: null,
    reopenCount: 0,
    abuseAt: null,
    atGroup: rnd.next() < 0.2,
    assigned: false,
    events: [{ at: receivedAt, kind: 'CREATED', toStatus: 'RECEIVED', actor: 'citizen', public: true }],
  };
  const happened = (at: Date) => at.getTime() <= now.getTime();
  const move = (at: Date, to: TicketStatus, actor: PlannedEvent['actor'], body?: string) => {
    t.events.push({ at, kind: 'STATUS', fromStatus: t.status, toStatus: to, actor, body, public: true });
    t.status = to;
  };
  const roll = rnd.next();
  if (roll < 0.015) {
    t.abuseAt = hours(receivedAt, 2);
    if (happened(t.abuseAt))
      t.events.push({ at: t.abuseAt, kind: 'ABUSE', actor: 'leader', body: 'Nội dung quảng cáo', public: false });
    else t.abuseAt = null;
    return t;
  }
  const acceptedAt = addWorkingHours(receivedAt, 0.5 + rnd.next() * 5, exceptions);
  if (!happened(acceptedAt)) return t;
  if (roll < 0.07) {
    t.rejectReason = rnd.pick(rejectReasons);
    move(acceptedAt, 'REJECTED', 'officer', t.rejectReason);
    return t;
  }
  t.acceptedAt = acceptedAt;
  move(acceptedAt, 'ACCEPTED', 'officer');
  const assignedAt = hours(acceptedAt, 0.25);
  if (!happened(assignedAt)) return t;
  t.assigned = true;
  move(assignedAt, 'ASSIGNED', 'officer');
  // When the answer goes out: most within the deadline, a tenth after it, a few extended by a leader first.
  const late = roll > 0.9;
  const extended = roll > 0.85 && roll <= 0.9;
  let answeredAt = late
    ? addWorkingHours(dueAt, 2 + rnd.next() * 40, exceptions)
    : addWorkingHours(receivedAt, Math.max(1, deadlineHours * (0.1 + rnd.next() * 0.8)), exceptions);
  if (extended) {
    const requestedAt = addWorkingHours(receivedAt, deadlineHours * 0.5, exceptions);
    if (happened(requestedAt)) {
      t.extensionReason = 'Cần phối hợp với đơn vị điện lực, môi trường để xử lý';
      t.extensionRequestedUntil = addWorkingHours(dueAt, 40, exceptions);
      t.events.push({
        at: requestedAt,
        kind: 'EXTENSION_REQUESTED',
        actor: 'officer',
        body: t.extensionReason,
        public: false,
      });
      const decidedAt = hours(requestedAt, 3);
      if (happened(decidedAt)) {
        t.extendedDueAt = t.extensionRequestedUntil;
        t.extensionRequestedUntil = null;
        t.events.push({
          at: decidedAt,
          kind: 'EXTENSION_DECIDED',
          actor: 'leader',
          body: 'Đồng ý gia hạn',
          public: true,
        });
        answeredAt = addWorkingHours(dueAt, 4 + rnd.next() * (roll > 0.88 ? 50 : 30), exceptions);
      }
    }
  }
  // Never answered before it was taken in: at the earliest a while after the assignment.
  if (answeredAt.getTime() <= assignedAt.getTime())
    answeredAt = addWorkingHours(assignedAt, 0.5 + rnd.next(), exceptions);
  // A few cases are forgotten: still open long past the deadline (the overdue list).
  if (roll > 0.07 && roll < 0.08) return t;
  if (!happened(answeredAt)) {
    if (rnd.next() < 0.3) t.answerState = 'DRAFT';
    return t;
  }
  t.answeredAt = answeredAt;
  t.answerState = 'SENT';
  t.onTime = answeredAt.getTime() <= (t.extendedDueAt ?? dueAt).getTime();
  t.answerWorkingMinutes = workingMinutesBetween(receivedAt, answeredAt, exceptions);
  t.events.push({ at: answeredAt, kind: 'ANSWER_SENT', actor: 'officer', body: sample.answer, public: true });
  move(answeredAt, 'ANSWERED', 'officer');
  if (rnd.next() < 0.55) {
    const ratedAt = hours(answeredAt, 1 + rnd.next() * 48);
    if (happened(ratedAt)) {
      t.rating = rnd.next() < (t.onTime ? 0.85 : 0.45) ? 'SATISFIED' : 'UNSATISFIED';
      t.ratedAt = ratedAt;
      // As a citizen's rating is journalled: the choice in data, the comment (if any) as the text.
      t.events.push({
        at: ratedAt,
        kind: 'RATED',
        actor: 'citizen',
        body: t.rating === 'UNSATISFIED' ? 'Xử lý còn chậm' : undefined,
        data: { rating: t.rating },
        public: true,
      });
      // An unhappy citizen reopens now and then: the officer answers again (the first answer's timing stays).
      if (t.rating === 'UNSATISFIED' && rnd.next() < 0.3) {
        const reopenedAt = hours(ratedAt, 2);
        if (happened(reopenedAt)) {
          t.reopenCount = 1;
          t.events.push({
            at: reopenedAt,
            kind: 'CITIZEN_MESSAGE',
            actor: 'citizen',
            body: 'Vấn đề vẫn chưa được giải quyết, đề nghị xã kiểm tra lại.',
            public: true,
          });
          move(reopenedAt, 'ASSIGNED', 'citizen');
          const again = addWorkingHours(reopenedAt, 8 + rnd.next() * 16, exceptions);
          if (!happened(again)) return t;
          t.events.push({ at: again, kind: 'ANSWER_SENT', actor: 'officer', body: sample.answer, public: true });
          move(again, 'ANSWERED', 'officer');
        }
      }
    }
  }
  const closedAt = hours(answeredAt, 24 * 7);
  if (happened(closedAt) && t.status === 'ANSWERED') {
    t.closedAt = closedAt;
    move(closedAt, 'CLOSED', 'system');
  }
  if (t.publishable && rnd.next() < 0.6) {
    const publishedAt = min(hours(answeredAt, 20), now);
    t.publishedAt = publishedAt;
    t.events.push({ at: publishedAt, kind: 'PUBLISHED', actor: 'leader', public: false });
  }
  return t;
}
