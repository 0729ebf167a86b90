import type { Partly } from './citizen-keys.js';
import type { teamsVi } from './teams.vi.js';

/** The digital teams' support points on the commune's page, in Simplified Chinese. */
export const teamsZh: Partly<typeof teamsVi> = { pointsPublic: '数字技术小组为您提供帮助的地点' };
