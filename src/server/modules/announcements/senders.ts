import { type CitizenLanguage, isCitizenLanguage } from '../../../shared/languages.js';
import nodemailer, { type Transporter } from 'nodemailer';
import webpush from 'web-push';
import type { Config } from '../../config.js';
import { createSmsSender, SmsRefused } from '../../lib/sms.js';

export const CHANNELS = ['ZALO', 'ZNS', 'SMS', 'EMAIL', 'PUSH'] as const;
export type Channel = (typeof CHANNELS)[number];

/** One message as a channel sends it: the address decrypted, the text in the recipient's language, links to read it. */
export type Outgoing = {
  to: string;
  title: string;
  text: string;
  html: string;
  /** The announcement's page for this household (opening it counts as read). */
  link: string;
  /** The SMS channel's own short wording (a reminder's), sent with the link instead of the title and body cut down. */
  sms?: string;
  /** One-click unsubscribe from this channel, where the recipient joined one. */
  unsubscribe?: string;
  /** Stable per delivery: a provider that sees it twice (a resend after a crash) keeps one. */
  reference: string;
  /** The member's language, for the fixed words around the text (an email's footer). */
  language?: string;
};

/** An email's footer in the member's language: the link to the whole text, and the way out of this channel. */
const emailFooter: Record<CitizenLanguage, { more: string; stopText: string; stop: string }> = {
  vi: { more: 'Xem đầy đủ', stopText: 'Ngừng nhận thông báo qua email', stop: 'Ngừng nhận qua email' },
  en: { more: 'Read it in full', stopText: 'Stop these emails', stop: 'Stop these emails' },
  ja: { more: '全文を読む', stopText: 'メールでの受信を停止する', stop: 'メールでの受信を停止' },
  zh: { more: '查看全文', stopText: '停止通过电子邮件接收通知', stop: '停止邮件接收' },
};
export type SendResult = { providerRef?: string };
/** A notification shows a few lines; the page behind its link has the rest. */
export const PUSH_BODY_MAX = 300;

/**
 * The provider refused this message for good (unknown number, unsubscribed endpoint): the next channel is tried.
 * `addressGone` says the address itself will never work again (a dropped push subscription): the channel is switched
 * off.
 */
export class Refused extends Error {
  constructor(
    message: string,
    readonly addressGone = false,
  ) {
    super(message);
  }
}

export type ChannelSender = {
  readonly channel: Channel;
  readonly configured: boolean;
  send(message: Outgoing): Promise<SendResult>;
};

/** SMS keeps to one or two segments: the title, the first words, and the link to the whole text. */
export function smsText(m: Pick<Outgoing, 'title' | 'text' | 'link'>, limit = 300): string {
  const tail = `\n${m.link}`;
  const body = `${m.title}\n${m.text}`;
  return body.length + tail.length <= limit
    ? body + tail
    : `${body.slice(0, limit - tail.length - 1).trimEnd()}…${tail}`;
}

/** What an SMS says: the announcement's own SMS wording and the link when it has one, else the title and body cut. */
export function smsOf(m: Pick<Outgoing, 'title' | 'text' | 'link' | 'sms'>): string {
  return m.sms ? `${m.sms}\n${m.link}` : smsText(m);
}

export function smsChannel(config: Config, log: (line: string) => void): ChannelSender {
  const sms = createSmsSender(config, log);
  return {
    channel: 'SMS',
    configured: sms.configured,
    async send(m) {
      try {
        await sms.send(m.to, smsOf(m), m.reference);
        return {};
      } catch (error) {
        if (error instanceof SmsRefused) throw new Refused(error.message);
        throw error;
      }
    },
  };
}

/** Email over SMTP (nodemailer), with a List-Unsubscribe header so mail clients offer the one-click way out. */
export function emailChannel(config: Config): ChannelSender {
  let transporter: Transporter | undefined;
  return {
    channel: 'EMAIL',
    configured: !!config.smtpUrl,
    async send(m) {
      transporter ??= nodemailer.createTransport(config.smtpUrl!);
      const words = emailFooter[isCitizenLanguage(m.language) ? m.language : 'vi'];
      const unsubscribeText = m.unsubscribe ? `\n${words.stopText}: ${m.unsubscribe}` : '';
      const unsubscribeHtml = m.unsubscribe ? ` · <a href="${m.unsubscribe}">${words.stop}</a>` : '';
      const footer = `\n\n${words.more}: ${m.link}${unsubscribeText}`;
      try {
        const info = await transporter.sendMail({
          from: config.mailFrom,
          to: m.to,
          subject: m.title,
          text: m.text + footer,
          html: `${m.html}<hr><p><a href="${m.link}">${words.more}</a>${unsubscribeHtml}</p>`,
          messageId: `<${m.reference}@ketnoi>`,
          headers: m.unsubscribe
            ? { 'List-Unsubscribe': `<${m.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
            : {},
        });
        return { providerRef: info.messageId };
      } catch (error) {
        // A 5xx reply refuses the address for good (no such mailbox); anything else (4xx, network) is worth a retry.
        const code = (error as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500) throw new Refused(`SMTP ${code}`);
        throw error;
      }
    },
  };
}

/**
 * Web push (VAPID, RFC 8291 payload encryption): web-push encrypts and signs the request, which is then posted with
 * fetch (one HTTP client for every provider, with the same timeout). The address is the subscription's JSON.
 */
export function pushChannel(config: Config): ChannelSender {
  return {
    channel: 'PUSH',
    configured: !!config.vapid,
    async send(m) {
      const v = config.vapid!;
      const request = webpush.generateRequestDetails(
        JSON.parse(m.to) as webpush.PushSubscription,
        JSON.stringify({ title: m.title, body: m.text.slice(0, PUSH_BODY_MAX), url: m.link, tag: m.reference }),
        {
          vapidDetails: { subject: v.subject, publicKey: v.publicKey, privateKey: v.privateKey },
          TTL: 24 * 3600,
        },
      );
      const res = await fetch(request.endpoint, {
        method: 'POST',
        headers: request.headers as Record<string, string>,
        body: request.body ? new Uint8Array(request.body) : null,
        signal: AbortSignal.timeout(10_000),
      });
      // 404/410: the browser dropped the subscription and it will never work again; 400/413 will not get better either.
      if ([400, 404, 410, 413].includes(res.status))
        throw new Refused(`push endpoint ${res.status}`, res.status === 404 || res.status === 410);
      if (!res.ok) throw new Error(`push service ${res.status}`);
      return { providerRef: res.headers.get('location') ?? undefined };
    },
  };
}
