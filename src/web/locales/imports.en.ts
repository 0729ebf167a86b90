import type { importsVi } from './imports.vi.js';

/** Importing households and residents from a spreadsheet, in English, key for key. */
export const importsEn: typeof importsVi = {
  title: 'Import households and residents',
  step1: '1. Download the template and fill in the list',
  step2: '2. Choose the unit and the file (.xlsx or .csv)',
  step3: '3. Check and import',
  templateXlsx: 'Download Excel template',
  templateCsv: 'Download CSV template',
  unit: 'Import into unit',
  file: 'List file',
  upload: 'Upload and check',
  uploading: 'Uploading…',
  checking: 'Checking… {{done}} rows',
  importing: 'Importing… {{done}}/{{total}} rows',
  clean: 'The file is clean: {{rows}} rows, {{households}} households. Nothing has been written yet.',
  hasErrors:
    'The file has {{count}} errors. Nothing has been written yet. Fix the file and upload it again, or skip the bad rows.',
  row: 'Row',
  column: 'Column',
  reason: 'Problem',
  commit: 'Import into the registry',
  commitSkipping: 'Skip {{count}} bad rows and import the rest',
  done: 'Import finished',
  failed: 'Import failed: {{reason}}',
  summary:
    'Created {{householdsCreated}} households and {{residentsCreated}} people; updated {{residentsUpdated}}; moved {{residentsMoved}}; unchanged {{residentsUnchanged}}.',
  again: 'Import another file',
  cancel: 'Cancel this import',
  cancelled: 'Import cancelled. The uploaded file has been deleted from the server.',
  expired: 'This import waited too long without being confirmed, so its file was deleted. Upload the file again.',
  moreErrors: 'Showing the first {{shown}} of {{count}} errors.',
};
