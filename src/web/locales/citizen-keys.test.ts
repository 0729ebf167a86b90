import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CITIZEN_KEYS } from './citizen-keys.js';
import { en } from './en.js';
import { ja } from './ja.js';
import { vi } from './vi.js';
import { zh } from './zh.js';

type Tree = { [key: string]: Tree | string };
const at = (tree: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, k) => (node as Tree | undefined)?.[k], tree);
function leaves(node: unknown, path: string, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(path);
  else if (node && typeof node === 'object')
    for (const k of Object.keys(node)) leaves((node as Tree)[k], `${path}.${k}`, out);
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const citizenLeaves = CITIZEN_KEYS.flatMap((k) => leaves(at(vi, k), k));
const covered = (key: string) => CITIZEN_KEYS.some((k) => key === k || key.startsWith(`${k}.`));

describe('locale bundles (Vietnamese is the reference)', () => {
  it('every citizen key exists in Vietnamese', () => {
    expect(CITIZEN_KEYS.filter((k) => at(vi, k) === undefined)).toEqual([]);
  });

  it('English has every Vietnamese key, with the same placeholders', () => {
    const all = leaves(vi, '').map((k) => k.slice(1));
    expect(all.filter((k) => typeof at(en, k) !== 'string' || !(at(en, k) as string).trim())).toEqual([]);
    expect(
      all.filter((k) => placeholders(at(vi, k) as string).join() !== placeholders(at(en, k) as string).join()),
    ).toEqual([]);
  });

  for (const [lang, bundle] of [
    ['ja', ja],
    ['zh', zh],
  ] as const) {
    it(`${lang} has every citizen key, with the same placeholders`, () => {
      const missing = citizenLeaves.filter(
        (k) => typeof at(bundle, k) !== 'string' || !(at(bundle, k) as string).trim(),
      );
      expect(missing).toEqual([]);
      const differ = citizenLeaves.filter(
        (k) => placeholders(at(vi, k) as string).join() !== placeholders(at(bundle, k) as string).join(),
      );
      expect(differ).toEqual([]);
    });

    it(`${lang} carries no key outside the citizen pages (the console stays Vietnamese and English)`, () => {
      expect(
        leaves(bundle, '')
          .map((k) => k.slice(1))
          .filter((k) => !covered(k)),
      ).toEqual([]);
    });
  }
});

/** The citizen pages' components, and every component they import. */
const CITIZEN_PAGES = [
  'routes/PublicShell.tsx',
  'features/procedures/ProcedureCatalog.tsx',
  'features/procedures/ProcedurePage.tsx',
  'features/dossiers/SubmitForm.tsx',
  'features/dossiers/StatusPage.tsx',
  'features/dossiers/LookupPage.tsx',
  'features/counter/BookAppointment.tsx',
  'features/citizens/CitizenAccount.tsx',
  'features/announcements/CommuneFeed.tsx',
  'features/announcements/JoinGroupPage.tsx',
  'features/announcements/MemberPage.tsx',
  'features/announcements/OpenAnnouncementPage.tsx',
  'features/campaigns/CampaignGuide.tsx',
  'features/feedback/public/AskPage.tsx',
  'features/feedback/public/TicketStatusPage.tsx',
  'features/feedback/public/QaPage.tsx',
  'features/scorecards/public/ScorecardPublicPage.tsx',
];

function citizenSources() {
  const web = join(import.meta.dirname, '..');
  const seen = new Set<string>();
  const queue = CITIZEN_PAGES.map((p) => join(web, p));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)\.js'/g)) {
      const base = normalize(join(dirname(file), m[1]!));
      if (!base.startsWith(web) || base.includes('/locales/')) continue;
      for (const ext of ['.tsx', '.ts']) if (existsSync(base + ext)) queue.push(base + ext);
    }
  }
  return [...seen].map((file) => readFileSync(file, 'utf8'));
}

describe('citizen pages', () => {
  it('read only keys listed in CITIZEN_KEYS, so Japanese and Chinese cannot miss one', () => {
    const sources = citizenSources();
    const literal = sources.flatMap((s) => [...s.matchAll(/\bt\(\s*'([^']+)'/g)].map((m) => m[1]!));
    const built = sources.flatMap((s) =>
      [...s.matchAll(/\bt\(\s*`([^`$]+)\$\{/g)].map((m) => m[1]!.replace(/\.$/, '')),
    );
    expect(literal.length).toBeGreaterThan(100);
    expect([...new Set([...literal, ...built])].filter((k) => !covered(k))).toEqual([]);
  });
});
