import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tinyPng } from '../../../../test/factories.js';
import { useWorld } from '../../../../test/world.js';
import { feedbackSettings, ticketEvents, ticketFiles, tickets } from '../../db/schema/index.js';
import { hasGps } from './feedback.photos.js';
import { answer, feedbackBody, jpegWithGps, publish } from './feedback.public.test-kit.js';

const env = useWorld({ PUBLIC_SUBMIT_PER_MINUTE: '1000' });
let ip = 10;
/** Each test its own client address, so the per-address daily limit is only met where a test means to. */
const nextIp = () => `198.51.100.${ip++}`;

async function form(code: string) {
  const res = await env.t.app.inject({ method: 'GET', url: `/api/public/communes/${code}/feedback/form` });
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function send(
  fields: Record<string, string | number>,
  options: { photos?: { name: string; content: Buffer }[]; ip?: string; headers?: Record<string, string> } = {},
) {
  const body = feedbackBody(fields, options.photos);
  return env.t.app.inject({
    method: 'POST',
    url: `/api/public/communes/${env.w.communeA.code}/feedback`,
    remoteAddress: options.ip ?? nextIp(),
    headers: { ...body.headers, ...options.headers },
    payload: body.payload,
  });
}

async function validFields(extra: Record<string, string | number> = {}) {
  const f = await form(env.w.communeA.code);
  const category = f.categories.find((c: { code: string }) => c.code === 'HA_TANG');
  return {
    categoryId: category.id,
    title: 'Đường ngõ 3 bị ngập',
    body: 'Sau mưa, đoạn đường đầu ngõ 3 thôn Đông ngập sâu, xe máy không đi được.',
    name: 'Trần Thị Bình',
    phone: '0912 345 678',
    publishable: '1',
    website: '',
    language: 'vi',
    ...extra,
  };
}

const ticketOf = async (code: string) =>
  (await env.t.database.db.select().from(tickets).where(eq(tickets.code, code)))[0]!;

describe('the ask form', () => {
  it('offers the categories in the reader language and the groups and alleys of the commune only', async () => {
    const f = await form(env.w.communeA.code);
    expect(f.commune.name).toBe('Xã An Hòa');
    expect(f.categories.map((c: { name: string }) => c.name)).toContain('Hạ tầng (đường, điện, nước)');
    const names = f.groups.map((g: { name: string }) => g.name);
    expect(names).toContain('Thôn Đông');
    expect(names).not.toContain('Tổ dân phố 1');
    const en = await env.t.app.inject({
      method: 'GET',
      url: `/api/public/communes/${env.w.communeA.code}/feedback/form?lang=en`,
    });
    expect(en.json().categories.map((c: { name: string }) => c.name)).toContain('Land');
    const ja = () =>
      env.t.app.inject({
        method: 'GET',
        url: `/api/public/communes/${env.w.communeA.code}/feedback/form?lang=ja`,
      });
    // The first categories come named in Japanese and Chinese too.
    const land = (await ja()).json().categories.find((c: { code: string }) => c.code === 'DAT_DAI');
    expect(land).toMatchObject({ name: '土地', vietnameseOnly: false });
    // One the commune named only in Vietnamese shows so, marked as Vietnamese.
    await env.t.database.raw("update feedback_categories set translations = '{}' where id = $1", [land.id]);
    expect((await ja()).json().categories.find((c: { id: number }) => c.id === land.id)).toMatchObject({
      name: 'Đất đai',
      vietnameseOnly: true,
    });
    await env.t.database.raw(
      `update feedback_categories set translations = '{"ja":{"name":"土地"},"zh":{"name":"土地"}}' where id = $1`,
      [land.id],
    );
  });
});

describe('sending a report', () => {
  it('files a WEB ticket with the phone normalised, and strips the photo GPS but keeps its orientation', async () => {
    const jpeg = jpegWithGps();
    expect(hasGps(jpeg)).toBe(true);
    const res = await send(await validFields({ locationUnitId: env.w.groupA1.id }), {
      photos: [
        { name: 'ngap.jpg', content: jpeg },
        { name: 'ngap.png', content: tinyPng },
      ],
    });
    expect(res.statusCode).toBe(201);
    const { code, token, statusUrl } = res.json();
    expect(code).toMatch(/^PAKN\.\d{8}\.\d{4}$/);
    expect(statusUrl).toBe(`/q/${token}`);
    const ticket = await ticketOf(code);
    expect(ticket.channel).toBe('WEB');
    expect(ticket.locationUnitId).toBe(env.w.groupA1.id);
    expect(ticket.publishable).toBe(true);
    expect(env.t.cipher.decrypt(ticket.senderPhoneEnc!)).toBe('+84912345678');
    const files = await env.t.database.db.select().from(ticketFiles).where(eq(ticketFiles.ticketId, ticket.id));
    expect(files.map((f) => f.mimeType).sort()).toEqual(['image/jpeg', 'image/png']);
    const stored = Buffer.from(files.find((f) => f.mimeType === 'image/jpeg')!.content);
    expect(hasGps(stored)).toBe(false);
    expect(stored.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(true); // orientation kept
    expect(stored.subarray(-11)).toEqual(jpeg.subarray(-11)); // the image data untouched
  });

  it('keeps the photo GPS when the sender shares the location', async () => {
    const res = await send(await validFields({ shareLocation: '1', lat: '21.03', lng: '105.85' }), {
      photos: [{ name: 'ngap.jpg', content: jpegWithGps() }],
    });
    expect(res.statusCode).toBe(201);
    const ticket = await ticketOf(res.json().code);
    expect(ticket.lat).toBeCloseTo(21.03);
    const [file] = await env.t.database.db.select().from(ticketFiles).where(eq(ticketFiles.ticketId, ticket.id));
    expect(hasGps(Buffer.from(file!.content))).toBe(true);
  });

  it('refuses a filled honeypot, a missing phone, a bad group, a non-photo and a fourth photo', async () => {
    const honeypot = await send(await validFields({ website: 'http://spam.example' }));
    expect(honeypot.statusCode).toBe(400);
    expect(honeypot.json().errors[0].field).toBe('website');

    const { phone: _phone, ...noPhone } = await validFields();
    const missing = await send(noPhone);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'phone', code: 'REQUIRED' })]);

    const badPhone = await send(await validFields({ phone: '12345' }));
    expect(badPhone.json().errors).toEqual([expect.objectContaining({ field: 'phone', code: 'PHONE' })]);

    const otherCommune = await send(await validFields({ locationUnitId: env.w.groupB1.id }));
    expect(otherCommune.statusCode).toBe(400);
    expect(otherCommune.json().errors[0]).toMatchObject({ field: 'locationUnitId', code: 'CHOICE' });

    const shortTitle = await send(await validFields({ title: 'a', body: '' }));
    expect(
      shortTitle
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body', 'title']);

    const pdf = await send(await validFields(), {
      photos: [{ name: 'x.jpg', content: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n') }],
    });
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().errors[0]).toMatchObject({ field: 'photos', code: 'FILE_TYPE' });

    const four = await send(await validFields(), {
      photos: [1, 2, 3, 4].map((n) => ({ name: `${n}.png`, content: tinyPng })),
    });
    expect(four.statusCode).toBe(413);

    const notMultipart = await env.t.app.inject({
      method: 'POST',
      url: `/api/public/communes/${env.w.communeA.code}/feedback`,
      payload: { title: 'x' },
    });
    expect(notMultipart.statusCode).toBe(400);
  });

  it('makes one ticket of a retried submit with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'retry-key-0001', cookie: 'ketnoi_client=client-abcdefghijklmnop' };
    const fields = await validFields({ phone: '0912 000 111' });
    const first = await send(fields, { headers });
    const again = await send(fields, { headers });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().code).toBe(first.json().code);
    const count = await env.t.database.db
      .select()
      .from(tickets)
      .where(eq(tickets.senderPhoneBidx, env.t.cipher.blindIndex('+84912000111', 'phone')));
    expect(count).toHaveLength(1);
  });

  it('answers 429 problem+json in the page language past the per-phone and per-address daily limits', async () => {
    await env.t.database.db
      .insert(feedbackSettings)
      .values({
        communeId: env.w.communeA.id,
        acceptWithin: { amount: 8, unit: 'WORKING_HOUR' },
        deadlines: {
          URGENT: { amount: 4, unit: 'WORKING_HOUR' },
          NORMAL: { amount: 10, unit: 'WORKING_DAY' },
          COMPLEX: { amount: 20, unit: 'WORKING_DAY' },
        },
        reopenDays: 7,
        dueSoonHours: 8,
        perPhonePerDay: 2,
        perAddressPerDay: 3,
      })
      .onConflictDoUpdate({ target: feedbackSettings.communeId, set: { perPhonePerDay: 2, perAddressPerDay: 3 } });
    try {
      const phone = { phone: '0987 654 321' };
      expect((await send(await validFields(phone))).statusCode).toBe(201);
      expect((await send(await validFields(phone))).statusCode).toBe(201);
      const third = await send(await validFields(phone));
      expect(third.statusCode).toBe(429);
      expect(third.headers['content-type']).toContain('application/problem+json');
      expect(third.json().detail).toContain('Mỗi số điện thoại');
      const english = await send(await validFields(phone), { headers: { 'accept-language': 'en' } });
      expect(english.json().detail).toContain('One phone number');

      const address = nextIp();
      for (const n of [1, 2, 3]) {
        expect((await send(await validFields({ phone: `090000000${n}` }), { ip: address })).statusCode).toBe(201);
      }
      const fourth = await send(await validFields({ phone: '0900000004' }), { ip: address });
      expect(fourth.statusCode).toBe(429);
      expect(fourth.json().code).toBe('RATE_LIMITED');
    } finally {
      await env.t.database.db.delete(feedbackSettings).where(eq(feedbackSettings.communeId, env.w.communeA.id));
    }
  });
});

describe('the status page', () => {
  async function submitted(phone: string) {
    const res = await send(await validFields({ phone }));
    const { code, token } = res.json();
    return { token, ticket: await ticketOf(code) };
  }
  const view = (token: string) => env.t.app.inject({ method: 'GET', url: `/api/public/feedback/${token}` });

  it('shows the status, deadline and public journal, never an internal note', async () => {
    const { token, ticket } = await submitted('0911 111 001');
    await env.t.database.db.insert(ticketEvents).values({
      ticketId: ticket.id,
      kind: 'NOTE',
      actorKind: 'STAFF',
      body: 'Ghi chú nội bộ: người này hay gửi',
      public: false,
    });
    const res = await view(token);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ code: ticket.code, status: 'RECEIVED', canRate: false, canReopen: false });
    expect(page.canMessage).toBe(true);
    expect(page.events.map((e: { kind: string }) => e.kind)).toEqual(['CREATED']);
    expect(res.body).not.toContain('Ghi chú nội bộ');
    expect(res.body).not.toContain('912345678');
    expect((await view('x'.repeat(32))).statusCode).toBe(404);
  });

  it('takes a message, then a rating once the answer is sent, once', async () => {
    const { token, ticket } = await submitted('0911 111 002');
    const post = (path: string, payload: object) =>
      env.t.app.inject({ method: 'POST', url: `/api/public/feedback/${token}/${path}`, payload });
    expect((await post('rating', { rating: 'SATISFIED' })).statusCode).toBe(409);
    expect((await post('messages', { body: 'Thêm: nước ngập cả sân nhà văn hóa.' })).statusCode).toBe(200);
    await answer(env.t, ticket.id);
    const answered = (await view(token)).json();
    expect(answered.answer).toContain('Xã đã cho sửa');
    expect(answered.answerLinks).toHaveLength(1);
    expect(answered.canRate).toBe(true);
    expect(answered.events.map((e: { kind: string }) => e.kind)).toContain('CITIZEN_MESSAGE');
    expect((await post('rating', { rating: 'UNSATISFIED', comment: 'Chưa sửa xong' })).statusCode).toBe(200);
    expect((await post('rating', { rating: 'SATISFIED' })).statusCode).toBe(409);
    const rated = await ticketOf(ticket.code);
    expect(rated).toMatchObject({ rating: 'UNSATISFIED', ratingComment: 'Chưa sửa xong' });
    expect((await post('rating', { rating: 'MAYBE' })).statusCode).toBe(400);
  });

  it('reopens within the window with a reason, back to the officer, and not after it', async () => {
    const { token, ticket } = await submitted('0911 111 003');
    await env.t.database.db
      .update(tickets)
      .set({ assigneeId: env.w.accounts.leaderA.id })
      .where(eq(tickets.id, ticket.id));
    await answer(env.t, ticket.id, 2);
    const reopen = (t: string) =>
      env.t.app.inject({
        method: 'POST',
        url: `/api/public/feedback/${t}/reopen`,
        payload: { reason: 'Đường vẫn còn ngập sau trận mưa hôm qua.' },
      });
    expect((await reopen(token)).statusCode).toBe(200);
    const reopened = await ticketOf(ticket.code);
    expect(reopened).toMatchObject({ status: 'ASSIGNED', reopenCount: 1, answerState: null });
    expect(reopened.assigneeId).toBe(env.w.accounts.leaderA.id);
    const events = await env.t.database.db
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, ticket.id), eq(ticketEvents.kind, 'CITIZEN_MESSAGE')));
    expect(events[0]!.body).toContain('vẫn còn ngập');
    expect((await reopen(token)).statusCode).toBe(409); // not answered any more

    const late = await submitted('0911 111 004');
    await answer(env.t, late.ticket.id, 8); // the default window is 7 days
    expect((await view(late.token)).json().canReopen).toBe(false);
    expect((await reopen(late.token)).statusCode).toBe(409);
  });
});

describe('a duplicate merged into another report', () => {
  it('shows the code it joined and that report answer, and takes no rating, reopening or message of its own', async () => {
    const first = (await send(await validFields({ phone: '0911 222 001' }))).json();
    const dup = (await send(await validFields({ phone: '0911 222 002' }))).json();
    const target = await ticketOf(first.code);
    await env.t.database.db.update(tickets).set({ mergedIntoId: target.id }).where(eq(tickets.code, dup.code));
    await answer(env.t, target.id);
    const page = (await env.t.app.inject({ method: 'GET', url: `/api/public/feedback/${dup.token}` })).json();
    expect(page).toMatchObject({ mergedInto: first.code, canRate: false, canReopen: false, canMessage: false });
    expect(page.answer).toContain('Xã đã cho sửa');
    const message = await env.t.app.inject({
      method: 'POST',
      url: `/api/public/feedback/${dup.token}/messages`,
      payload: { body: 'Còn nữa' },
    });
    expect(message.statusCode).toBe(409);
  });

  it('draws the status link as a QR code, only for a link that exists', async () => {
    const { token } = (await send(await validFields({ phone: '0911 222 003' }))).json();
    const qr = await env.t.app.inject({ method: 'GET', url: `/api/public/feedback/${token}/qr` });
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');
    const none = await env.t.app.inject({ method: 'GET', url: `/api/public/feedback/${'y'.repeat(32)}/qr` });
    expect(none.statusCode).toBe(404);
  });
});

describe('Hỏi đáp', () => {
  it('lists published answers only, found with or without accents, by category and group; public files only', async () => {
    const f = await form(env.w.communeA.code);
    const land = f.categories.find((c: { code: string }) => c.code === 'DAT_DAI').id;
    const made = async (extra: Record<string, string | number>, photos: { name: string; content: Buffer }[] = []) =>
      ticketOf((await send(await validFields(extra), { photos })).json().code);
    const published = await made({ categoryId: land, locationUnitId: env.w.alleyA1.id }, [
      // An upload's own name may carry a person's name and phone: it never reaches the public side.
      { name: 'cccd-tran-thi-binh-0912345678.png', content: tinyPng },
      { name: 'b.png', content: tinyPng },
    ]);
    await publish(env.t, published.id, {
      publicTitle: 'Cấp giấy chứng nhận quyền sử dụng đất',
      publicBody: 'Gia đình *** hỏi thủ tục cấp sổ đỏ lần đầu.',
      publicAnswer: 'Nộp hồ sơ tại bộ phận một cửa của xã.',
    });
    const [first] = await env.t.database.db.select().from(ticketFiles).where(eq(ticketFiles.ticketId, published.id));
    await env.t.database.db.update(ticketFiles).set({ public: true }).where(eq(ticketFiles.id, first!.id));
    const hidden = await made({ title: 'Cấp giấy chứng nhận cho hàng xóm', categoryId: land });
    await answer(env.t, hidden.id);

    const qa = (query: string) =>
      env.t.app.inject({ method: 'GET', url: `/api/public/communes/${env.w.communeA.code}/qa?${query}` });
    for (const q of ['giấy chứng nhận', 'giay chung nhan', 'SỔ ĐỎ', 'so do']) {
      const page = (await qa(`q=${encodeURIComponent(q)}`)).json();
      expect(
        page.items.map((i: { id: number }) => i.id),
        q,
      ).toEqual([published.id]);
    }
    expect((await qa('q=hang%20xom')).json().items).toEqual([]);
    const page = (await qa('')).json();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ title: 'Cấp giấy chứng nhận quyền sử dụng đất', category: 'Đất đai' });
    expect(JSON.stringify(page)).not.toContain('Trần Thị Bình');
    expect(JSON.stringify(page)).not.toContain('ngõ 3 thôn Đông ngập');
    expect(page.items[0].files).toEqual([{ id: first!.id, fileName: `anh-${first!.id}.png`, mimeType: 'image/png' }]);
    expect(JSON.stringify(page)).not.toMatch(/tran-thi-binh|0912345678/);
    expect((await qa(`categoryId=${land}&unitId=${env.w.groupA1.id}`)).json().total).toBe(1);
    expect((await qa(`unitId=${env.w.groupA2.id}`)).json().total).toBe(0);
    expect((await qa(`unitId=${env.w.groupB1.id}`)).json().total).toBe(0);

    const one = await env.t.app.inject({
      method: 'GET',
      url: `/api/public/communes/${env.w.communeA.code}/qa/${published.id}`,
    });
    expect(one.json().answer).toBe('Nộp hồ sơ tại bộ phận một cửa của xã.');
    const unpublished = await env.t.app.inject({
      method: 'GET',
      url: `/api/public/communes/${env.w.communeA.code}/qa/${hidden.id}`,
    });
    expect(unpublished.statusCode).toBe(404);
    const elsewhere = await env.t.app.inject({
      method: 'GET',
      url: `/api/public/communes/${env.w.communeB.code}/qa/${published.id}`,
    });
    expect(elsewhere.statusCode).toBe(404);

    const files = await env.t.database.db.select().from(ticketFiles).where(eq(ticketFiles.ticketId, published.id));
    const file = (id: number) => env.t.app.inject({ method: 'GET', url: `/api/public/feedback/files/${id}` });
    const shown = await file(first!.id);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-disposition']).toContain(`anh-${first!.id}.png`);
    expect(shown.headers['content-disposition']).not.toMatch(/tran-thi-binh|0912345678/);
    expect((await file(files.find((x) => x.id !== first!.id)!.id)).statusCode).toBe(404);
  });
});
