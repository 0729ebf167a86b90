import { AppError } from './errors.js';

/**
 * Text messages through a generic HTTP gateway (most Vietnamese SMS brandname providers take this shape behind a
 * thin proxy): POST `SMS_GATEWAY_URL` with `{"to": "+84…", "text": "…"}` and `Authorization: Bearer SMS_GATEWAY_TOKEN`;
 * any 2xx means accepted. Without a gateway, development prints the message to the log; production refuses clearly.
 */
export type SmsSender = { send(to: string, text: string): Promise<void> };

export function createSmsSender(config: { sms: { url: string | undefined; token: string | undefined }; production: boolean }, log: (line: string) => void = console.log): SmsSender {
  return {
    async send(to, text) {
      if (!config.sms.url) {
        if (config.production) {
          throw new AppError('UNAVAILABLE', 503, { vi: 'Hệ thống chưa gửi được tin nhắn SMS; vui lòng liên hệ Bộ phận một cửa', en: 'Text messages cannot be sent yet; please contact the one-stop counter' });
        }
        log(`[sms] (no gateway configured; development only) to ${to}: ${text}`);
        return;
      }
      let res: Response;
      try {
        res = await fetch(config.sms.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(config.sms.token ? { authorization: `Bearer ${config.sms.token}` } : {}) },
          body: JSON.stringify({ to, text }),
          signal: AbortSignal.timeout(10_000),
        });
      } catch {
        res = new Response(null, { status: 599 });
      }
      if (!res.ok) {
        throw new AppError('UNAVAILABLE', 503, { vi: 'Chưa gửi được tin nhắn, vui lòng thử lại sau ít phút', en: 'The text message could not be sent; try again in a few minutes' });
      }
    },
  };
}
