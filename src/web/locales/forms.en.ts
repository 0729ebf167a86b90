import { type FieldCode, fieldMessages } from '../../shared/field-errors.js';
import type { FormsMessages } from './forms.vi.js';

/** The citizen forms' shared words in English, key for key. */
export const formsEn: FormsMessages = {
  errors: Object.fromEntries(Object.entries(fieldMessages).map(([code, m]) => [code, m.en])) as Record<
    FieldCode,
    string
  >,
  missing: 'Still missing: {{list}}',
  fixMarked: 'Please correct the items marked below',
  draftKept: 'What you typed is kept on this device until the browser is closed.',
  clearDraft: 'Clear what I typed',
  largerText: 'Larger text',
  skipToContent: 'Skip to the main content',
  citizenNav: 'Pages for residents',
};
