import type { Partly } from './citizen-keys.js';
import type { citizensVi } from './citizens.vi.js';

/** Citizens' own accounts, in Japanese. */
export const citizensJa: Partly<typeof citizensVi> = {
  account: 'マイアカウント',
  signIn: 'ログイン',
  signUp: 'アカウントを作成',
  signOut: 'ログアウト',
  phone: '電話番号',
  password: 'パスワード',
  newPassword: 'パスワード（10文字以上）',
  sendCode: 'SMSで確認コードを送る',
  codeSent: '{{phone}}に6桁のコードを送りました',
  code: '確認コード（6桁）',
  create: 'アカウントを作成する',
  myDossiers: '自分の申請',
  noDossiers: '申請はまだありません',
  submittingAs: '申請するアカウント：{{name}}',
  or: 'または',
  hint: 'アカウントがあれば、申請のたびに情報を入力し直す必要がなく、自分の申請をすべて確認できます。',
};
