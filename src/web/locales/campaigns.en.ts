import type { campaignsVi } from './campaigns.vi.js';

/** Door-to-door campaigns, English, key for key. */
export const campaignsEn: typeof campaignsVi = {
  title: 'Door-to-door campaigns', new: 'Start a campaign', template: 'Kind', unit: 'Where', startsOn: 'Starts', deadline: 'Deadline',
  targetRate: 'Target (%)', start: 'Start', started: 'Started: {{targets}} targets in {{communes}} commune(s)', target: 'target {{rate}}%',
  top: 'All', progress: 'Done {{done}}/{{targets}} ({{rate}}%)', targets: 'Targets', done: 'Done', rate: 'Rate', direct: 'Directly under',
  assign: 'Hand households to team members', assigned: '{{count}} households handed out', mine: 'Households assigned to me',
};
