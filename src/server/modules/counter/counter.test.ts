import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { ruleHolidays } from '../calendar/working-days.js';
import { slotsForDay, slotStarts } from './slots.js';

const env = useWorld({ PUBLIC_SUBMIT_PER_MINUTE: '1000' });
const holidays2026 = new Map(ruleHolidays(2026).map((h) => [h.day, 'HOLIDAY' as const]));
const base = {
  counterHours: '07:30-11:30,13:30-17:00',
  slotMinutes: 30,
  saturdayMorning: false,
  noAppointmentWeekdays: [] as number[],
};

describe('appointment slots', () => {
  it('cuts counter hours into slots that end within them', () => {
    expect(slotStarts('07:30-09:00,13:30-14:15', 30)).toEqual(['07:30', '08:00', '08:30', '13:30']);
  });

  it('offers none on holidays, weekends and no-appointment days; Saturday mornings when the commune opens then', () => {
    expect(slotsForDay('2026-03-10', base, holidays2026)).toHaveLength(15);
    expect(slotsForDay('2026-02-17', base, holidays2026)).toEqual([]);
    expect(slotsForDay('2026-03-14', base, holidays2026)).toEqual([]);
    expect(slotsForDay('2026-03-14', { ...base, saturdayMorning: true }, holidays2026)).toEqual([
      '07:30',
      '08:00',
      '08:30',
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
    ]);
    expect(slotsForDay('2026-03-11', { ...base, noAppointmentWeekdays: [3] }, holidays2026)).toEqual([]);
    expect(slotsForDay('2026-03-12', { ...base, closedDays: ['2026-03-12'] }, holidays2026)).toEqual([]);
    expect(slotsForDay('2026-03-13', { ...base, closedDays: ['2026-03-12'] }, holidays2026)).toHaveLength(15);
  });
});

describe('booking, check-in and queue numbers', () => {
  it('books up to the slot’s capacity under concurrency, gives the place back on cancel, numbers the queue', async () => {
    await env.w.agents.leaderA.put(`/api/onestop/settings/${env.w.communeA.id}`, {
      codePattern: '{unit}-{yymmdd}-{seq4}',
      sameDayCutoff: '15:00',
      saturdayMorning: false,
      bankBin: null,
      bankAccount: null,
      bankAccountName: null,
      cashlessWeekdays: [],
      counterHours: '07:30-11:30,13:30-17:00',
      slotMinutes: 30,
      slotCapacity: 3,
      noAppointmentWeekdays: [],
    });
    const slots = (
      await env.t.app.inject({ method: 'GET', url: `/api/public/appointments/slots?unitCode=${env.w.communeA.code}` })
    ).json().items;
    expect(slots.length).toBeGreaterThan(0);
    const slot = slots.at(-1);
    expect(slot).toMatchObject({ capacity: 3, booked: 0, available: 3 });
    const booking = (i: number) =>
      env.t.app.inject({
        method: 'POST',
        url: '/api/public/appointments',
        payload: {
          unitCode: env.w.communeA.code,
          day: slot.day,
          start: slot.start,
          fullName: `Người Hẹn ${i}`,
          phone: `091200000${i}`,
          procedureCode: '1.004222',
        },
      });
    const results = await Promise.all([1, 2, 3, 4, 5].map(booking));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 409, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().detail).toContain('kín chỗ');

    const token = results.find((r) => r.statusCode === 201)!.json().token;
    expect(
      (await env.t.app.inject({ method: 'POST', url: `/api/public/appointments/${token}/cancel` })).statusCode,
    ).toBe(204);
    expect((await booking(6)).statusCode).toBe(201);
    expect(
      (await env.t.app.inject({ method: 'POST', url: `/api/public/appointments/${token}/cancel` })).statusCode,
    ).toBe(409);

    const day = (await env.w.agents.onestopA.get(`/api/appointments?unit=${env.w.communeA.id}&day=${slot.day}`)).json()
      .items;
    const booked = day.filter((a: { status: string }) => a.status === 'BOOKED');
    expect(booked).toHaveLength(3);
    expect(booked[0].phone).toMatch(/^\+8491200000\d$/);
    const first = await env.w.agents.onestopA.post(`/api/appointments/${booked[0].id}/check-in`);
    const walkIn = await env.w.agents.onestopA.post('/api/queue-numbers', { unitId: env.w.communeA.id });
    const second = await env.w.agents.onestopA.post(`/api/appointments/${booked[1].id}/check-in`);
    expect([first.json().queueNumber, walkIn.json().queueNumber, second.json().queueNumber]).toEqual([1, 2, 3]);
    expect((await env.w.agents.onestopA.post(`/api/appointments/${booked[0].id}/check-in`)).statusCode).toBe(409);
  });

  it('closes the counter on the days the commune sets', async () => {
    const slots = (
      await env.t.app.inject({ method: 'GET', url: `/api/public/appointments/slots?unitCode=${env.w.communeB.code}` })
    ).json().items as { day: string }[];
    const day = slots.at(-1)!.day;
    const saved = await env.w.agents.leaderB.put(`/api/onestop/settings/${env.w.communeB.id}`, {
      codePattern: '{unit}-{yymmdd}-{seq4}',
      sameDayCutoff: '15:00',
      saturdayMorning: false,
      bankBin: null,
      bankAccount: null,
      bankAccountName: null,
      cashlessWeekdays: [],
      closedDays: [day],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().closedDays).toEqual([day]);
    expect((await env.w.agents.leaderB.get(`/api/onestop/settings/${env.w.communeB.id}`)).json().closedDays).toEqual([
      day,
    ]);
    const after = (
      await env.t.app.inject({ method: 'GET', url: `/api/public/appointments/slots?unitCode=${env.w.communeB.code}` })
    ).json().items as { day: string }[];
    expect(after.some((s) => s.day === day)).toBe(false);
    expect(after.length).toBeGreaterThan(0);
  });

  it('refuses a slot the counter does not offer', async () => {
    const res = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/appointments',
      payload: {
        unitCode: env.w.communeA.code,
        day: '2026-02-17',
        start: '08:00',
        fullName: 'Người Hẹn',
        phone: '0912000000',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].code).toBe('NO_SUCH_SLOT');
  });
});

describe('the post', () => {
  it('tracks a result sent by post, forward only, with unique tracking numbers', async () => {
    const d = await env.w.f.dossier(env.w.communeA);
    const sent = await env.w.agents.onestopA.post(`/api/dossiers/${d.id}/shipments`, {
      direction: 'OUT',
      trackingNumber: 'EL123456789VN',
      address: 'Số 7, ngõ 3, thôn Đông',
      feeAmount: 25000,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ status: 'CREATED', carrier: 'VNPost' });
    const again = await env.w.agents.onestopA.post(`/api/dossiers/${d.id}/shipments`, {
      direction: 'OUT',
      trackingNumber: 'EL123456789VN',
    });
    expect(again.statusCode).toBe(409);
    const moving = await env.w.agents.onestopA.patch(`/api/dossiers/${d.id}/shipments/${sent.json().id}`, {
      status: 'IN_TRANSIT',
    });
    expect(moving.json().status).toBe('IN_TRANSIT');
    expect(
      (
        await env.w.agents.onestopA.patch(`/api/dossiers/${d.id}/shipments/${sent.json().id}`, { status: 'DELIVERED' })
      ).json().status,
    ).toBe('DELIVERED');
    expect(
      (await env.w.agents.onestopA.patch(`/api/dossiers/${d.id}/shipments/${sent.json().id}`, { status: 'IN_TRANSIT' }))
        .statusCode,
    ).toBe(409);
    expect((await env.w.agents.onestopA.get(`/api/dossiers/${d.id}/shipments`)).json().items).toHaveLength(1);
  });
});
