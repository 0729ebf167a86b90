import type { CitizenLanguage } from '../../../shared/languages.js';

/** What a citizen is told about their question: its receipt, the answer, a refusal, a new deadline, a message kept. */
export type NotifyKind = 'RECEIVED' | 'ANSWERED' | 'REJECTED' | 'EXTENDED' | 'APPENDED';
/** The words told: a RECEIVED job after the citizen reopened the question is told as a reopening. */
type NoticeWords = NotifyKind | 'REOPENED' | 'APPENDED_ANSWERED';

export type NoticeFacts = {
  code: string;
  commune: string;
  /** The answer or the reason as the officer wrote it (never translated). */
  text: string | null;
  /** dd/MM/yyyy (vi, en) or yyyy年M月d日 (ja, zh): the deadline in force. */
  due: string | null;
};

/** "2026-12-02" → 02/12/2026 (Vietnamese and English) or 2026年12月2日 (Japanese and Chinese). */
export const noticeDay = (lang: CitizenLanguage, iso: string) =>
  lang === 'ja' || lang === 'zh'
    ? `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`
    : `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

type Words = Record<NoticeWords, (f: NoticeFacts) => { title: string; text: string }>;

/**
 * The fixed words of each notice in the citizen's language (the officer's own text stays as written); the status
 * link is added by the channel (the Zalo message's last line, the SMS's tail, the email's footer).
 */
const words: Record<CitizenLanguage, Words> = {
  vi: {
    RECEIVED: (f) => ({
      title: `${f.commune} đã nhận phản ánh, kiến nghị ${f.code}`,
      text:
        `Cảm ơn ông/bà đã gửi phản ánh, kiến nghị. Mã tra cứu: ${f.code}.` +
        (f.due ? ` Hạn trả lời: ${f.due}.` : '') +
        ' Ông/bà có thể theo dõi và nhắn thêm thông tin tại đường dẫn dưới đây.',
    }),
    ANSWERED: (f) => ({ title: `Trả lời phản ánh, kiến nghị ${f.code}`, text: f.text ?? '' }),
    REJECTED: (f) => ({
      title: `Phản ánh, kiến nghị ${f.code} không được tiếp nhận`,
      text: f.text ? `Lý do: ${f.text}` : '',
    }),
    EXTENDED: (f) => ({
      title: `Gia hạn trả lời phản ánh, kiến nghị ${f.code}`,
      text: `Thời hạn trả lời được gia hạn đến ngày ${f.due ?? ''}.${f.text ? ` Lý do: ${f.text}` : ''}`,
    }),
    REOPENED: (f) => ({
      title: `Phản ánh, kiến nghị ${f.code} đã được mở lại`,
      text: `Cán bộ sẽ xem xét lại và trả lời ông/bà.${f.due ? ` Hạn trả lời: ${f.due}.` : ''}`,
    }),
    APPENDED: (f) => ({
      title: `Đã nhận thêm thông tin cho phản ánh ${f.code}`,
      text: 'Nội dung ông/bà vừa gửi đã được chuyển tới cán bộ đang xử lý.',
    }),
    APPENDED_ANSWERED: (f) => ({
      title: `Đã ghi tin nhắn vào phản ánh ${f.code} (đã được trả lời)`,
      text:
        'Tin nhắn đã được chuyển tới cán bộ đã trả lời. Nếu câu trả lời chưa giải quyết được việc của ông/bà, xin mở lại' +
        ' phản ánh tại đường dẫn dưới đây. Nếu là việc khác, xin nhắn lại, bắt đầu bằng "Mới:".',
    }),
  },
  en: {
    RECEIVED: (f) => ({
      title: `${f.commune} has received your question ${f.code}`,
      text:
        `Thank you for writing to us. Your reference: ${f.code}.` +
        (f.due ? ` Answer due by ${f.due}.` : '') +
        ' Follow it and add details at the link below.',
    }),
    ANSWERED: (f) => ({ title: `Answer to your question ${f.code}`, text: f.text ?? '' }),
    REJECTED: (f) => ({ title: `Your question ${f.code} was not accepted`, text: f.text ? `Reason: ${f.text}` : '' }),
    EXTENDED: (f) => ({
      title: `More time to answer your question ${f.code}`,
      text: `The answer is now due by ${f.due ?? ''}.${f.text ? ` Reason: ${f.text}` : ''}`,
    }),
    REOPENED: (f) => ({
      title: `Your question ${f.code} has been reopened`,
      text: `An officer will look at it again and answer you.${f.due ? ` Answer due by ${f.due}.` : ''}`,
    }),
    APPENDED: (f) => ({
      title: `Your message about ${f.code} was received`,
      text: 'It has been passed to the officer handling your question.',
    }),
    APPENDED_ANSWERED: (f) => ({
      title: `Your message was added to ${f.code}, which has been answered`,
      text:
        'It has been passed to the officer who answered. If the answer did not settle the matter, reopen the question' +
        ' at the link below. For something else, write again starting with "New:".',
    }),
  },
  ja: {
    RECEIVED: (f) => ({
      title: `${f.commune}はご意見・ご要望（${f.code}）を受け付けました`,
      text:
        `お問い合わせありがとうございます。受付番号：${f.code}。` +
        (f.due ? `回答期限：${f.due}。` : '') +
        '下のリンクから状況の確認と追加の連絡ができます。',
    }),
    ANSWERED: (f) => ({ title: `ご意見・ご要望（${f.code}）への回答`, text: f.text ?? '' }),
    REJECTED: (f) => ({
      title: `ご意見・ご要望（${f.code}）は受け付けられませんでした`,
      text: f.text ? `理由：${f.text}` : '',
    }),
    EXTENDED: (f) => ({
      title: `ご意見・ご要望（${f.code}）の回答期限の延長`,
      text: `回答期限は${f.due ?? ''}まで延長されました。${f.text ? `理由：${f.text}` : ''}`,
    }),
    REOPENED: (f) => ({
      title: `ご意見・ご要望（${f.code}）を再度受け付けました`,
      text: `担当職員が改めて確認し、回答します。${f.due ? `回答期限：${f.due}。` : ''}`,
    }),
    APPENDED: (f) => ({
      title: `ご意見・ご要望（${f.code}）への追加の連絡を受け付けました`,
      text: '担当職員に伝えました。',
    }),
    APPENDED_ANSWERED: (f) => ({
      title: `回答済みのご意見・ご要望（${f.code}）にメッセージを追加しました`,
      text:
        '回答した職員に伝えました。回答で解決しなかった場合は、下のリンクから再度お申し出ください。' +
        '別のご用件は「New:」で始めてお送りください。',
    }),
  },
  zh: {
    RECEIVED: (f) => ({
      title: `${f.commune}已收到您的意见建议（${f.code}）`,
      text:
        `感谢您的来信。查询编号：${f.code}。` +
        (f.due ? `答复期限：${f.due}。` : '') +
        '您可通过下方链接查看进度并补充信息。',
    }),
    ANSWERED: (f) => ({ title: `对您的意见建议（${f.code}）的答复`, text: f.text ?? '' }),
    REJECTED: (f) => ({ title: `您的意见建议（${f.code}）未被受理`, text: f.text ? `原因：${f.text}` : '' }),
    EXTENDED: (f) => ({
      title: `您的意见建议（${f.code}）答复期限延长`,
      text: `答复期限已延长至${f.due ?? ''}。${f.text ? `原因：${f.text}` : ''}`,
    }),
    REOPENED: (f) => ({
      title: `您的意见建议（${f.code}）已重新受理`,
      text: `工作人员将重新处理并答复您。${f.due ? `答复期限：${f.due}。` : ''}`,
    }),
    APPENDED: (f) => ({ title: `已收到您对（${f.code}）的补充信息`, text: '已转交负责处理的工作人员。' }),
    APPENDED_ANSWERED: (f) => ({
      title: `您的留言已添加到已答复的意见建议（${f.code}）`,
      text: '已转交作出答复的工作人员。如答复未能解决问题，请通过下方链接重新提出。如为其他事项，请以“New:”开头重新发送。',
    }),
  },
};

/** A notice's title and text in the citizen's language. */
export function noticeText(lang: CitizenLanguage, kind: NoticeWords, facts: NoticeFacts) {
  return words[lang][kind](facts);
}

/** The label before the status link in an email, per language. */
export const followWords: Record<CitizenLanguage, string> = {
  vi: 'Theo dõi và đánh giá',
  en: 'Follow and rate',
  ja: '状況の確認・評価',
  zh: '查看进度和评价',
};
