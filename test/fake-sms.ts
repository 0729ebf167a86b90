import { useLocalServer } from './local-server.js';

/**
 * A local SMS gateway speaking the documented shape (POST {to, text} as JSON, bearer token): it keeps what it is sent,
 * so a test can read the code a phone would get. Call before useWorld/useServedApp and pass `overrides` to it: the
 * gateway's address is filled in before the app is built.
 */
export function useFakeSms() {
  const messages: { to: string; text: string; reference?: string; auth: string | undefined }[] = [];
  /** Statuses to answer the next requests with (e.g. [500, 400]); the message is not kept when it is refused. */
  const failures: number[] = [];
  const overrides: Record<string, string> = {};
  /** Runs before the gateway answers: a test can deliver a report for the message while its batch is still out. */
  const hooks: { beforeAnswer?: (message: { to: string; text: string; reference?: string }) => Promise<unknown> } = {};
  useLocalServer(
    (req, raw, res) => {
      const failure = failures.shift();
      if (failure) return void res.writeHead(failure).end('{}');
      const message = JSON.parse(raw.toString()) as { to: string; text: string; reference?: string };
      messages.push({ ...message, auth: req.headers.authorization });
      const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":true}');
      if (!hooks.beforeAnswer) return void answer();
      hooks.beforeAnswer(message).then(answer, () => res.writeHead(500).end('{}'));
    },
    (base) => (overrides.SMS_GATEWAY_URL = `${base}/sms`),
  );
  /** The 6-digit code last sent to a number. */
  const codeSentTo = (phone: string) =>
    messages
      .filter((m) => m.to === phone)
      .at(-1)!
      .text.match(/(\d{6})/)![1]!;
  return { messages, overrides, codeSentTo, failures, hooks };
}
