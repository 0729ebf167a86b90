import type { fieldVi } from './field.vi.js';

/** The field app (door-to-door visits, offline), in English. */
export const fieldEn: typeof fieldVi = {
  title: 'Door to door', online: 'Online', offline: 'Offline — you can still record', waiting: '{{count}} visits waiting to be sent', allSent: 'Everything is sent',
  sending: 'Sending…', sendNow: 'Send now', signedOut: 'Your session has ended; sign in again to send',
  intro: 'Take the household list onto the phone while online; going door to door needs no network, and the phone sends when it has a signal.',
  deadline: 'Due {{date}}', open: 'Open ({{count}} households)', refresh: 'Download again', download: 'Take onto this phone', downloadedAt: 'Downloaded {{at}}',
  none: 'No campaign is running.', noneOffline: 'No campaign is on this phone yet. Open this again when online.',
  left: '{{left}} of {{total}} households left', showAll: 'Show finished households too', bestTimeWas: 'Best time: {{time}}', notDownloaded: 'This campaign is not on this phone.', back: 'Back',
  pendingTitle: 'Not sent yet', notSentYet: 'Saved on this phone; it will be sent when online', discard: 'Drop this visit', conflict: 'Waiting for the group head',
  notYours: 'This household is not on your list.', chooseOutcome: 'Choose how the visit went', badPhone: "{{name}}'s phone number is not right",
  outcome: 'Outcome', bestTime: 'When to come back', bestTimeHint: 'e.g. after 7 pm, Sunday', alreadyDone: 'done',
  personOutcome: "This person's outcome", sameAsVisit: 'Same as the visit', vneidLevel: 'Electronic ID (VNeID)', phone: 'New phone number', phoneNow: 'now {{tail}}',
  lastSync: 'Last sent {{at}}', note: 'Note', save: 'Save the visit', cancel: 'Cancel',
  levels: { NONE: 'None', L1: 'Level 1', L2: 'Level 2' },
  outcomes: {
    DONE: 'Done', VNEID_L2_ACTIVATED: 'Level 2 activated', NEEDS_POLICE_VISIT: 'Needs the police office', NO_SMARTPHONE: 'No smartphone',
    NOT_HOME: 'Not home', REFUSED: 'Refused', MOVED: 'Moved away',
  },
};
