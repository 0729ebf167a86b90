import { AppError } from './errors.js';

/**
 * Text messages through a generic HTTP gateway (most Vietnamese SMS brandname providers take this shape behind a
 * thin proxy): POST `SMS_GATEWAY_URL` with `{"to": "+84…", "text": "…", "reference": "…"}` and
 * `Authorization: Bearer SMS_GATEWAY_TOKEN`; any 2xx means accepted, 4xx a permanent refusal (bad number), 5xx a
 * temporary one. The gateway must accept a repeated `reference` without sending twice. Without a gateway, development
 * prints the message to the log; production refuses clearly.
 */
export type SmsSender = {
  readonly configured: boolean;
  send(to: string, text: string, reference?: string): Promise<void>;
};

export function createSmsSender(
  config: { sms: { url: string | undefined; token: string | undefined }; production: boolean },
  log: (line: string) => void = console.log,
): SmsSender {
  return {
    configured: !!config.sms.url,
    async send(to, text, reference) {
      if (!config.sms.url) {
        if (config.production) {
          throw new AppError('UNAVAILABLE', 503, {
            vi: 'Hệ thống chưa gửi được tin nhắn SMS; vui lòng liên hệ Bộ phận một cửa',
            en: 'Text messages cannot be sent yet; please contact the one-stop counter',
          });
        }
        log(`[sms] (no gateway configured; development only) to ${to}: ${text}`);
        return;
      }
      let res: Response;
      try {
        res = await fetch(config.sms.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(config.sms.token ? { authorization: `Bearer ${config.sms.token}` } : {}),
          },
          // `reference` lets the gateway drop a message it has already taken (a retry after a crash).
          body: JSON.stringify({ to, text, ...(reference ? { reference } : {}) }),
          signal: AbortSignal.timeout(10_000),
        });
      } catch {
        res = new Response(null, { status: 599 });
      }
      if (res.status >= 400 && res.status < 500) throw new SmsRefused(res.status);
      if (!res.ok) {
        throw new AppError('UNAVAILABLE', 503, {
          vi: 'Chưa gửi được tin nhắn, vui lòng thử lại sau ít phút',
          en: 'The text message could not be sent; try again in a few minutes',
        });
      }
    },
  };
}

/** The gateway refused the message for good (a malformed or unknown number): retrying will not help. */
export class SmsRefused extends Error {
  constructor(readonly status: number) {
    super(`SMS refused by the gateway (${status})`);
  }
}
