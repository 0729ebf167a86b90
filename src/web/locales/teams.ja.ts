import type { Partly } from './citizen-keys.js';
import type { teamsVi } from './teams.vi.js';

/** The digital teams' support points on the commune's page, in Japanese. */
export const teamsJa: Partly<typeof teamsVi> = { pointsPublic: 'デジタル支援チームがお手伝いする場所' };
