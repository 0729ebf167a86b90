import type { CitizenLanguage } from '../../../shared/languages.js';

/** What a status email says, filled in by `statusMail`; the commune's own text (the officer's reason) stays as typed. */
export type StatusMailFacts = {
  code: string;
  name: string;
  procedure: string;
  status: string;
  reason: string | null;
  /** The due date, local, when the dossier is still open; null otherwise. */
  due: { day: string; time: string } | null;
  link: string;
};

type Phrases = {
  status: Record<string, string>;
  subject: (code: string, status: string) => string;
  greeting: (name: string) => string;
  line: (code: string, procedure: string, status: string) => string;
  reason: (text: string) => string;
  due: (day: string, time: string) => string;
  follow: (link: string) => string;
  footer: string;
};

/** "2026-12-02" → 02/12/2026 (Vietnamese and English) or 2026年12月2日 (Japanese and Chinese). */
const dayFor = (lang: CitizenLanguage, iso: string) =>
  lang === 'ja' || lang === 'zh'
    ? `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`
    : `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * The fixed phrases of the applicant's status email in each citizen language, written as each language's public
 * offices write to residents. Keys are dossier statuses.
 */
const phrases: Record<CitizenLanguage, Phrases> = {
  vi: {
    status: {
      NEW: 'đã được gửi, chờ cán bộ tiếp nhận',
      RECEIVED: 'đã được tiếp nhận',
      REFUSED: 'không được tiếp nhận',
      PROCESSING: 'đang được xử lý',
      SUPPLEMENT_REQUESTED: 'cần bổ sung giấy tờ',
      PAYMENT_REQUESTED: 'chờ nộp phí, lệ phí',
      WITHDRAWN: 'đã được rút',
      STOPPED: 'đã dừng xử lý',
      RESOLVED: 'đã có kết quả',
      RETURNED: 'đã được trả kết quả',
    },
    subject: (code, status) => `Hồ sơ ${code} ${status}`,
    greeting: (name) => `Kính gửi ông/bà ${name},`,
    line: (code, procedure, status) => `Hồ sơ ${code} (${procedure}) ${status}.`,
    reason: (text) => `Nội dung: ${text}`,
    due: (day, time) => `Ngày hẹn trả kết quả: ${time} ${day}.`,
    follow: (link) => `Theo dõi hồ sơ: ${link}`,
    footer: 'Bộ phận một cửa — thư gửi tự động, xin đừng trả lời thư này.',
  },
  en: {
    status: {
      NEW: 'has been sent and awaits an officer',
      RECEIVED: 'has been received',
      REFUSED: 'was not accepted',
      PROCESSING: 'is being processed',
      SUPPLEMENT_REQUESTED: 'needs more papers',
      PAYMENT_REQUESTED: 'awaits the fee',
      WITHDRAWN: 'has been withdrawn',
      STOPPED: 'is no longer being processed',
      RESOLVED: 'has a result',
      RETURNED: 'has been returned with its result',
    },
    subject: (code, status) => `Dossier ${code} ${status}`,
    greeting: (name) => `Dear ${name},`,
    line: (code, procedure, status) => `Dossier ${code} (${procedure}) ${status}.`,
    reason: (text) => `Details (in Vietnamese): ${text}`,
    due: (day, time) => `Result due: ${day} at ${time}.`,
    follow: (link) => `Follow the dossier: ${link}`,
    footer: 'One-stop counter — an automatic message, please do not reply.',
  },
  ja: {
    status: {
      NEW: 'を送信しました。担当者の受付をお待ちください',
      RECEIVED: 'を受け付けました',
      REFUSED: 'は受付できませんでした',
      PROCESSING: 'を処理しています',
      SUPPLEMENT_REQUESTED: 'について書類の追加が必要です',
      PAYMENT_REQUESTED: 'について手数料のお支払いをお待ちしています',
      WITHDRAWN: 'は取り下げられました',
      STOPPED: 'の処理を中止しました',
      RESOLVED: 'の結果が出ました',
      RETURNED: 'の結果を交付しました',
    },
    subject: (code, status) => `申請${code}${status}`,
    greeting: (name) => `${name} 様`,
    line: (code, procedure, status) => `申請${code}（${procedure}）${status}。`,
    reason: (text) => `内容（ベトナム語）：${text}`,
    due: (day, time) => `結果の交付予定日：${day} ${time}`,
    follow: (link) => `申請の進み具合：${link}`,
    footer: 'ワンストップ窓口 — このメールは自動送信です。返信しないでください。',
  },
  zh: {
    status: {
      NEW: '已提交，等待工作人员受理',
      RECEIVED: '已受理',
      REFUSED: '不予受理',
      PROCESSING: '正在办理',
      SUPPLEMENT_REQUESTED: '需要补充材料',
      PAYMENT_REQUESTED: '等待缴费',
      WITHDRAWN: '已撤回',
      STOPPED: '已终止办理',
      RESOLVED: '已出结果',
      RETURNED: '结果已发放',
    },
    subject: (code, status) => `申请${code}${status}`,
    greeting: (name) => `尊敬的${name}：`,
    line: (code, procedure, status) => `您的申请${code}（${procedure}）${status}。`,
    reason: (text) => `说明（越南语）：${text}`,
    due: (day, time) => `预计发放结果时间：${day} ${time}。`,
    follow: (link) => `查看办理进度：${link}`,
    footer: '一站式服务窗口 — 本邮件为系统自动发送，请勿回复。',
  },
};

/** The applicant's status email in the language they submitted in. */
export function statusMail(lang: CitizenLanguage, f: StatusMailFacts): { subject: string; text: string } {
  const p = phrases[lang];
  const status = p.status[f.status] ?? f.status;
  return {
    subject: p.subject(f.code, status),
    text: [
      p.greeting(f.name),
      '',
      p.line(f.code, f.procedure, status) + (f.reason ? `\n${p.reason(f.reason)}` : ''),
      f.due ? p.due(dayFor(lang, f.due.day), f.due.time) : '',
      '',
      p.follow(f.link),
      '',
      p.footer,
    ]
      .filter((line, i, all) => line !== '' || all[i - 1] !== '')
      .join('\n'),
  };
}

/** Every status each language words, for the test that no language misses one. */
export const mailPhrases = phrases;
