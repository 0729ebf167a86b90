import type { teamsVi } from './teams.vi.js';

/** Digital-technology teams, the duty roster and support points, English, key for key. */
export const teamsEn: typeof teamsVi = {
  title: 'Community digital technology teams', decision: 'Decision', fullName: 'Full name', role: 'Role', phone: 'Phone',
  skills: 'Skills (comma separated)', addMember: 'Add a member', new: 'Set up a team', unit: 'Residential group or commune', name: 'Team name',
  create: 'Set up', duty: 'One-stop counter duty (next 7 days)', day: 'Day', shift: 'Shift', member: 'On duty', addDuty: 'Add to the roster',
  points: 'Support points', pointsPublic: 'Where the digital teams help you', pointName: 'Name', address: 'Address', hours: 'Hours',
  services: 'What they help with', addPoint: 'Add a support point',
  role_: { HEAD: 'Head', DEPUTY: 'Deputy', MEMBER: 'Member' },
  shift_: { MORNING: 'Morning', AFTERNOON: 'Afternoon', EVENING: 'Evening' },
};
