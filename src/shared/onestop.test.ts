import { describe, expect, it } from 'vitest';
import {
  actionAllowed,
  allowedActions,
  dossierActions,
  dossierStatuses,
  nationalStatusCode,
  workflow,
} from './onestop.js';

const state = (status: (typeof dossierStatuses)[number], awaitingApproval = false, requiresApproval = true) => ({
  status,
  awaitingApproval,
  requiresApproval,
});

describe('the workflow table', () => {
  it('uses the 10 national statuses with their DVCQG codes', () => {
    expect(dossierStatuses).toHaveLength(10);
    expect(Object.values(nationalStatusCode).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('leads every action to a known status, from known statuses', () => {
    for (const action of dossierActions) {
      const rule = workflow[action];
      for (const from of rule.from) expect(dossierStatuses).toContain(from);
      if (rule.to) expect(dossierStatuses).toContain(rule.to);
    }
  });

  it('lets a new dossier be received, refused or sent back for papers, and nothing closed be acted on', () => {
    expect(allowedActions(state('NEW'), ['officer']).sort()).toEqual(
      ['RECEIVE', 'REFUSE', 'REQUEST_SUPPLEMENT', 'WITHDRAW'].sort(),
    );
    for (const closed of ['REFUSED', 'WITHDRAWN', 'STOPPED', 'RETURNED'] as const) {
      expect(allowedActions(state(closed), ['officer', 'leader', 'applicant'])).toEqual([]);
    }
  });

  it('keeps approval with the leader, and the officer resolves only what needs no signature', () => {
    expect(actionAllowed('SEND_FOR_APPROVAL', state('PROCESSING'), 'officer')).toBe(true);
    expect(actionAllowed('APPROVE', state('PROCESSING', true), 'officer')).toBe(false);
    expect(actionAllowed('APPROVE', state('PROCESSING', true), 'leader')).toBe(true);
    expect(actionAllowed('APPROVE', state('PROCESSING', false), 'leader')).toBe(false);
    expect(actionAllowed('RESOLVE', state('PROCESSING'), 'officer')).toBe(false);
    expect(actionAllowed('RESOLVE', state('PROCESSING', false, false), 'officer')).toBe(true);
    expect(actionAllowed('SEND_FOR_APPROVAL', state('PROCESSING', false, false), 'officer')).toBe(false);
    // While it waits for the leader, the officer cannot move it elsewhere.
    expect(actionAllowed('REQUEST_SUPPLEMENT', state('PROCESSING', true), 'officer')).toBe(false);
  });

  it('gives the applicant only withdrawing and providing papers', () => {
    const applicantCan = new Set(dossierStatuses.flatMap((s) => allowedActions(state(s), ['applicant'])));
    expect([...applicantCan].sort()).toEqual(['SUPPLEMENT', 'WITHDRAW']);
    expect(actionAllowed('WITHDRAW', state('RESOLVED'), 'applicant')).toBe(false);
  });

  it('asks for a reason wherever a form explains a refusal, a request or a stop', () => {
    for (const action of ['REFUSE', 'REQUEST_SUPPLEMENT', 'STOP', 'APOLOGIZE'] as const)
      expect(workflow[action]).toMatchObject({ reasonRequired: true });
    expect(workflow.RECEIVE.form).toBe('MAU_01');
    expect(workflow.APOLOGIZE.form).toBe('MAU_04');
  });
});
