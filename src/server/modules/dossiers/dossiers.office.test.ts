import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { defaultSettings } from './dossiers.clock.js';

const env = useWorld();

describe('GET /api/public/communes/:code/office', () => {
  it("200: the commune's name and default hours before its leader saves an address or phone", async () => {
    const res = await env.t.app.inject({ method: 'GET', url: `/api/public/communes/${env.w.communeA.code}/office` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      code: env.w.communeA.code,
      name: 'Xã An Hòa',
      address: null,
      phone: null,
      counterHours: '07:30-11:30,13:30-17:00',
      saturdayMorning: false,
    });
  });

  it('200: the address, phone and hours the leader saved in the counter settings, for anyone, no login', async () => {
    const saved = await env.w.agents.leaderA.put(`/api/onestop/settings/${env.w.communeA.id}`, {
      ...defaultSettings,
      saturdayMorning: true,
      counterHours: '07:00-11:00,13:30-16:30',
      officeAddress: '  Số 5 đường Trần Phú, xã An Hòa ',
      officePhone: '0225 3812 345',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const office = (
      await env.t.app.inject({ method: 'GET', url: `/api/public/communes/${env.w.communeA.code}/office` })
    ).json();
    expect(office).toMatchObject({
      address: 'Số 5 đường Trần Phú, xã An Hòa',
      phone: '0225 3812 345',
      counterHours: '07:00-11:00,13:30-16:30',
      saturdayMorning: true,
    });
  });

  it('400 on a phone that is not one, 404 for an unknown commune code', async () => {
    const bad = await env.w.agents.leaderA.put(`/api/onestop/settings/${env.w.communeA.id}`, {
      ...defaultSettings,
      officePhone: 'gọi tôi',
    });
    expect(bad.statusCode).toBe(400);
    expect((await env.t.app.inject({ method: 'GET', url: '/api/public/communes/99999/office' })).statusCode).toBe(404);
  });
});
