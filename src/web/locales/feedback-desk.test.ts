import { describe, expect, it } from 'vitest';
import {
  answerStates,
  staffTicketActions,
  ticketChannels,
  ticketEventKinds,
  ticketRatings,
  ticketSeverities,
  ticketStatuses,
} from '../../shared/feedback.js';
import { feedbackDeskEn } from './feedback-desk.en.js';
import { feedbackDeskVi } from './feedback-desk.vi.js';

/** The screens' buttons, drawn by the panels (the answer, the publication and notes have panels of their own). */
const drawnAsButtons = staffTicketActions.filter((a) => !['answer', 'publish', 'unpublish', 'note'].includes(a));

describe('the feedback console words', () => {
  for (const [lang, words] of [
    ['vi', feedbackDeskVi],
    ['en', feedbackDeskEn],
  ] as const)
    it(`name every status, severity, channel, answer state, rating, journal entry and action (${lang})`, () => {
      const missing = [
        ...ticketStatuses.filter((s) => !words.status[s]?.trim()).map((s) => `status.${s}`),
        ...ticketSeverities.filter((s) => !words.severities[s]?.trim()).map((s) => `severities.${s}`),
        ...ticketChannels.filter((c) => !words.channels[c]?.trim()).map((c) => `channels.${c}`),
        ...answerStates.filter((a) => !words.answerState[a]?.trim()).map((a) => `answerState.${a}`),
        ...ticketRatings.filter((r) => !words.ratings[r]?.trim()).map((r) => `ratings.${r}`),
        ...ticketEventKinds.filter((k) => !(words.event as Record<string, string>)[k]?.trim()).map((k) => `event.${k}`),
        ...drawnAsButtons
          .filter((a) => !(words.actions as Record<string, string>)[a]?.trim())
          .map((a) => `actions.${a}`),
      ];
      expect(missing).toEqual([]);
    });
});
