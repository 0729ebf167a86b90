import { createHash } from 'node:crypto';
import { useLocalServer } from './local-server.js';

/**
 * A local stand-in for Zalo's documented endpoints (DOMAIN.md §9): token refresh with rotating refresh tokens
 * (`/v4/oa/access_token`), OA v3 consultation messages (`/v3.0/oa/message/cs`) and ZNS template messages
 * (`/message/template`). It checks the headers and bodies the real API expects and answers in its shapes.
 */
export function useFakeZalo() {
  const state = {
    refresh: 'refresh-0',
    access: '',
    refreshes: 0,
    /** Follower ids the OA cannot message (not following, or outside the 48-hour window). */
    refused: new Set<string>(),
    oa: [] as { userId: string; text: string }[],
    zns: [] as { phone: string; templateId: string; data: Record<string, string>; trackingId: string }[],
  };
  const overrides: Record<string, string> = {
    ZALO_APP_ID: '1234567890',
    ZALO_APP_SECRET: 'app-secret',
    ZALO_OA_ID: '99887766',
    ZALO_OA_SECRET: 'oa-secret-key',
    ZALO_REFRESH_TOKEN: 'refresh-0',
    ZALO_ZNS_TEMPLATE_ID: '246810',
    ZALO_ZNS_OTP_TEMPLATE_ID: '135790',
  };
  useLocalServer(
    (req, raw, res) => {
      const body = raw.toString();
      const json = (status: number, value: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (req.url === '/v4/oa/access_token') {
        const form = new URLSearchParams(body);
        if (
          req.headers.secret_key !== 'app-secret' ||
          form.get('app_id') !== '1234567890' ||
          form.get('grant_type') !== 'refresh_token'
        )
          return json(200, { error: -14002, error_name: 'Invalid app' });
        if (form.get('refresh_token') !== state.refresh)
          return json(200, { error: -14014, error_name: 'Invalid refresh token' });
        state.refreshes += 1;
        state.access = `access-${state.refreshes}`;
        state.refresh = `refresh-${state.refreshes}`;
        return json(200, { access_token: state.access, refresh_token: state.refresh, expires_in: '90000' });
      }
      if (req.headers.access_token !== state.access || !state.access)
        return json(200, { error: -216, message: 'Access token is invalid' });
      const payload = JSON.parse(body) as Record<string, unknown>;
      if (req.url === '/v3.0/oa/message/cs') {
        const userId = (payload.recipient as { user_id: string }).user_id;
        if (state.refused.has(userId))
          return json(200, { error: -213, message: 'User has not followed the OA or has not interacted in 48 hours' });
        state.oa.push({ userId, text: (payload.message as { text: string }).text });
        return json(200, {
          error: 0,
          message: 'Success',
          data: { message_id: `oa-msg-${state.oa.length}`, user_id: userId },
        });
      }
      if (req.url === '/message/template') {
        state.zns.push({
          phone: String(payload.phone),
          templateId: String(payload.template_id),
          data: payload.template_data as Record<string, string>,
          trackingId: String(payload.tracking_id ?? ''),
        });
        return json(200, {
          error: 0,
          message: 'Success',
          data: { msg_id: `zns-${state.zns.length}`, sent_time: String(Date.now()) },
        });
      }
      json(404, { error: 404, message: 'Not found' });
    },
    (base) => Object.assign(overrides, { ZALO_API_URL: base, ZALO_OAUTH_URL: base, ZALO_ZNS_URL: base }),
  );
  /** Signs a webhook body as Zalo does: mac = sha256(app_id + body + timestamp + OA secret). */
  const sign = (raw: string, timestamp: string) =>
    `mac=${createHash('sha256').update(`1234567890${raw}${timestamp}oa-secret-key`).digest('hex')}`;
  return { state, overrides, sign };
}
