import type { campaignsVi } from './campaigns.vi.js';

/** Door-to-door campaigns, English, key for key. */
export const campaignsEn: typeof campaignsVi = {
  title: 'Door-to-door campaigns', new: 'Start a campaign', template: 'Kind', unit: 'Where', startsOn: 'Starts', deadline: 'Deadline',
  targetRate: 'Target (%)', start: 'Start', started: 'Started: {{targets}} targets in {{communes}} commune(s)', target: 'target {{rate}}%',
  top: 'All', progress: 'Done {{done}}/{{targets}} ({{rate}}%)', targets: 'Targets', done: 'Done', rate: 'Rate', direct: 'Directly under',
  assign: 'Hand households to team members', assigned: '{{count}} households handed out', mine: 'Households assigned to me',
  burndown: 'Burndown to the goal', burndownLabel: '{{left}} left of a goal of {{goal}}', goal: 'Done {{done}}/{{goal}} of the goal ({{targets}} targets)',
  pace: '{{needed}} a day needed over the {{days}} days left (so far {{soFar}} a day)', overdue: 'past the deadline with the goal not reached', daily: 'Day by day',
  leaderboard: 'Leaderboard', group: 'Residential group', team: 'Digital technology team', visits: 'Visits',
  left: 'Households left', letters: 'Print call letters (PDF)', remind: 'Send the households left a reminder', reminded: 'Reminder sent to {{count}} households', notVisited: 'Not visited yet',
  conflicts: 'Visits for the group head to review', apply: 'Record it anyway', dismiss: 'Dismiss',
  conflictReasons: { HOUSEHOLD_CHANGED: 'The household changed after the phone downloaded it', PERSON_CHANGED: "Someone else changed this person's record", NOT_ASSIGNED: 'The household was given to another member' },
  guide: { deadline: 'Deadline: {{date}}', ended: 'This campaign has ended.', steps: 'Steps' },
};
