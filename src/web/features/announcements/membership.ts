/** The channels a household's member can receive announcements through, in the member's order of preference. */
export type Channel = 'ZALO' | 'ZNS' | 'SMS' | 'EMAIL' | 'PUSH';

/** The member's token, kept on the device after joining: it opens the member page (`/m`) without an account. */
export const TOKEN_KEY = 'ketnoi.memberToken';
export const memberToken = () => localStorage.getItem(TOKEN_KEY) ?? '';
export const asMember = () => ({ 'x-member-token': memberToken() });
