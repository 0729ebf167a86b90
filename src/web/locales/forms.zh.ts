import type { FormsMessages } from './forms.vi.js';
import type { Partly } from './citizen-keys.js';

/** The citizen forms' shared words in Simplified Chinese, key for key. */
export const formsZh: Partly<FormsMessages> = {
  errors: {
    REQUIRED: '请填写此项',
    PERSONAL_ID_LENGTH: '个人识别号码为12位数字',
    PERSONAL_ID_INVALID: '该个人识别号码不正确，请核对身份证',
    PHONE: '不是越南的电话号码，例如 0912 345 678',
    PHONE_LAST4: '请输入电话号码的后4位',
    EMAIL: '电子邮箱地址不正确，例如 name@gmail.com',
    CONFIRM_CODE: '验证码为6位数字',
    DATE: '日期不正确',
    TOO_SHORT: '至少{{min}}个字符',
    TOO_LONG: '最多{{max}}个字符',
    CHOICE: '请从列表中选择一项',
    FORMAT: '格式不正确',
    INVALID: '该值不正确',
  },
  missing: '尚缺：{{list}}',
  fixMarked: '请修改下方标出的项目',
  draftKept: '您填写的内容会保存在本设备上，直到关闭浏览器。',
  clearDraft: '清除已填写的内容',
  largerText: '放大字体',
  skipToContent: '跳到正文',
  citizenNav: '居民页面',
};
