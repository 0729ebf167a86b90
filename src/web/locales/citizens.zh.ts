import type { Partly } from './citizen-keys.js';
import type { citizensVi } from './citizens.vi.js';

/** Citizens' own accounts, in Simplified Chinese. */
export const citizensZh: Partly<typeof citizensVi> = {
  account: '我的账户',
  signIn: '登录',
  signUp: '注册账户',
  signOut: '退出登录',
  phone: '电话号码',
  password: '密码',
  newPassword: '密码（至少10个字符）',
  sendCode: '通过短信发送验证码',
  codeSent: '已向{{phone}}发送6位验证码',
  code: '验证码（6位）',
  create: '创建账户',
  myDossiers: '我的申请',
  noDossiers: '暂无申请',
  submittingAs: '提交账户：{{name}}',
  or: '或',
  hint: '有了账户，每次申请无需重新填写个人信息，还能查看自己的全部申请。',
};
