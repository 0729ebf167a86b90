import type { channelsVi } from './channels.vi.js';

/** Group channels, member page and loudspeaker strings, English, key for key. */
export const channelsEn: typeof channelsVi = {
  channel_: { ZALO: 'Zalo', ZNS: 'Zalo message to my phone number', SMS: 'Text message (SMS)', EMAIL: 'Email', PUSH: 'Notifications on this phone' },
  join: {
    sendCodeZalo: 'Get the code on Zalo',
    title: 'Join the {{group}} channel', intro: '{{commune}}. Get announcements from your group and ward the way you are used to.',
    phone: 'Phone number', sendCode: 'Send a code', codeSent: 'A 6-digit code was sent to {{phone}}', code: 'Code',
    personalId: "Personal ID number of someone in your household — only needed if this phone is not on the group's list",
    channels: 'Receive announcements by (in order of preference)', email: 'Email address', language: 'Language', submit: 'Join',
    done: 'You have joined. Household: {{address}}', zaloStep: "To receive them on Zalo: follow the ward's Official Account and send it the code {{code}}",
    manage: 'See announcements and change how you get them', pushDenied: 'The browser has not allowed notifications',
  },
  member: {
    title: '{{group}} channel', channels: 'How you get announcements', on: 'On', off: 'Off', turnOff: 'Turn off', turnOn: 'Turn back on',
    waitingZalo: 'Waiting for Zalo: send the code {{code}} to the Official Account', announcements: 'Announcements to your household', unread: 'Unread',
    leave: 'Leave the channel', left: "You have left the group's channel.", notJoined: "This phone has not joined a channel. Scan your group's QR code to join.",
  },
  open: { attachments: 'Attachments', confirm: 'Confirm my household received it', confirmed: 'Confirmed. Thank you!', english: 'Read in English', vietnamese: 'Read in Vietnamese' },
  groups: {
    title: 'Group channels', rate: 'Households joined', households: 'Households', members: 'Joined', poster: 'Print the QR poster',
    staff: 'Staff groups', newStaff: 'Create a group', staffName: 'Group name', kind: 'Kind', addMember: 'Add a person', fullName: 'Full name', role: 'Position', phone: 'Phone', email: 'Email',
    kind_: { GROUP_HEADS: 'Village and group heads', PARTY_CELLS: 'Party cell secretaries', ASSOCIATION: 'Associations', OTHER: 'Other' },
  },
  extra: {
    tags: 'Resident tags (comma separated)',
    notReached: 'Households no message reached (for the digital team to visit)', download: 'Download the list (Excel)',
    perPerson: 'Personal content (one message per person instead of one per household)',
    gender: 'Gender', vneid: 'Electronic ID level (VNeID)', anyone: 'Anyone', scheduledAt: 'Send at', expiresAt: 'Expires at', english: 'English version (optional)',
    englishTitle: 'English title', englishBody: 'English text', staffGroups: 'Also send to staff groups', cancel: 'Cancel', scheduled: 'Scheduled for {{at}}',
    overTime: 'Reach over time', bulletin: 'Loudspeaker bulletin (PDF)', audio: 'Spoken audio file', broadcasts: 'Loudspeaker schedule', airAt: 'Air time', addBroadcast: 'Add a broadcast',
    attach: 'Attach a file (PDF, image)', attached: 'Attached {{name}}',
  },
  templates: {
    title: 'Message templates', pick: 'Choose a template', preview: 'Preview on each channel', missing: 'Missing: {{names}}', segments: '{{count}} message(s) ({{encoding}})',
    tooLong: 'too long, will be cut', use: 'Use this text', new: 'New template', name: 'Template name', save: 'Save template',
  },
};
