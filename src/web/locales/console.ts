import i18next from 'i18next';
import { consoleEn } from './console.en.js';
import { consoleVi } from './console.vi.js';

// Imported by the console's chunk: its words join the ones the citizens' bundle already loaded.
i18next.addResourceBundle('vi', 'translation', consoleVi, true, true);
i18next.addResourceBundle('en', 'translation', consoleEn, true, true);
