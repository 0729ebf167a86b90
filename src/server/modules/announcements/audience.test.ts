import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';

const env = useWorld();
const size = (agent: 'leaderA' | 'headA1' | 'leaderB', body: Record<string, unknown>) =>
  env.w.agents[agent].post('/api/announcements/audience', body);

describe('audience resolution', () => {
  it('counts households once and people per group, by units and attributes', async () => {
    const { w } = env;
    // Commune A: hA1 (An 1978 male L?, Bình 1980 female) in alley of group A1, hA2 boarding house (Cường 2001) in A2.
    const all = (await size('leaderA', { unitIds: [w.communeA.id] })).json();
    expect(all).toMatchObject({ households: 2, people: 3 });
    expect(all.groups.map((g: { name: string; households: number }) => [g.name, g.households])).toEqual([
      ['Thôn Đông', 1],
      ['Thôn Tây', 1],
    ]);

    expect((await size('leaderA', { unitIds: [w.communeA.id], ageMin: 40 })).json()).toMatchObject({
      households: 1,
      people: 2,
    });
    expect((await size('leaderA', { unitIds: [w.communeA.id], genders: ['FEMALE'] })).json()).toMatchObject({
      households: 1,
      people: 1,
    });
    expect(
      (await size('leaderA', { unitIds: [w.communeA.id], householdKinds: ['BOARDING_HOUSE'] })).json(),
    ).toMatchObject({ households: 1, people: 1 });
    expect((await size('leaderA', { unitIds: [w.communeA.id], ageMin: 18, ageMax: 30 })).json()).toMatchObject({
      households: 1,
      people: 1,
    });
    expect((await size('leaderA', { unitIds: [w.groupA1.id, w.alleyA1.id] })).json()).toMatchObject({
      households: 1,
      people: 2,
    });

    await env.t.database.raw(`update residents set tags = array['nguoi-cao-tuoi'] where id = $1`, [w.residents.an.id]);
    expect(
      (await size('leaderA', { unitIds: [w.communeA.id], tags: ['nguoi-cao-tuoi', 'khac'] })).json(),
    ).toMatchObject({ households: 1, people: 1 });
  });

  it('keeps a group head inside their group and another commune out', async () => {
    const { w } = env;
    expect((await size('headA1', { unitIds: [w.groupA1.id] })).json()).toMatchObject({ households: 1 });
    expect((await size('headA1', { unitIds: [w.groupA2.id] })).statusCode).toBe(404);
    expect((await size('headA1', { unitIds: [w.communeA.id] })).statusCode).toBe(404);
    expect((await size('leaderB', { unitIds: [w.communeA.id] })).statusCode).toBe(404);
    expect((await size('leaderA', { unitIds: [w.communeA.id], ageMin: 50, ageMax: 40 })).statusCode).toBe(400);
  });
});
