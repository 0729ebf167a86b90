import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { applicantCookie, dossierKit } from './dossiers.test-kit.js';

// The papers an officer asks for: the proven applicant sees each paper of the procedure and whether the dossier
// holds it, and provides each file tied to the paper it is, as a submission does.

const env = useWorld({ PUBLIC_SUBMIT_PER_MINUTE: '1000' });
const { submitOnline, act, uploadPaper } = dossierKit(env);
const url = (token: string, rest = '') => `/api/public/dossiers/${token}${rest}`;
// 1.004873 (marital-status certificate): paper 0 the declaration (required), paper 1 the ID paper (optional).
const ID_PAPER = 1;

async function waitingForPapers() {
  const made = await submitOnline();
  await act('onestopA', made.id, { action: 'RECEIVE', version: 1 });
  await act('onestopA', made.id, { action: 'REQUEST_SUPPLEMENT', version: 2, reason: 'Bổ sung CCCD' });
  return { ...made, ...(await applicantCookie(env, made)) };
}

const supplement = (made: { token: string; cookie: string }, uploads: object[]) =>
  env.t.app.inject({
    method: 'POST',
    url: url(made.token, '/actions'),
    payload: { action: 'SUPPLEMENT', uploads },
    headers: { cookie: made.cookie },
  });

const filesOf = (ids: number[]) =>
  env.t.database.raw<{ id: number; dossier_id: number | null; paper: number | null }>(
    'select id, dossier_id, paper from dossier_files where id = any($1) order by id',
    [ids],
  );
const stateOf = async (id: number) => {
  const [row] = await env.t.database.raw<{ status: string; version: number; events: number; audits: number }>(
    `select status, version,
       (select count(*)::int from dossier_events where dossier_id = d.id) as events,
       (select count(*)::int from audit_log where entity_type = 'dossier' and entity_id = d.id::text
          and action = 'dossier.supplement') as audits
     from dossiers d where id = $1`,
    [id],
  );
  return row!;
};

describe('the papers on the status page', () => {
  it('go to the proven applicant with what the dossier holds of each; a link holder gets none', async () => {
    const made = await waitingForPapers();
    const anyone = await env.t.app.inject({ method: 'GET', url: url(made.token) });
    expect(anyone.statusCode).toBe(200);
    expect(anyone.json().papers).toBeNull();

    const page = await env.t.app.inject({ method: 'GET', url: url(made.token), headers: { cookie: made.cookie } });
    expect(page.statusCode, page.body).toBe(200);
    const papers = page.json().papers as { paper: number; required: boolean; held: boolean; nameEn: string }[];
    const procedure = (await env.t.app.inject({ method: 'GET', url: '/api/public/procedures/1.004873' })).json();
    expect(papers.map((p) => p.nameEn)).toEqual(procedure.documents.map((d: { nameEn: string }) => d.nameEn));
    // Submitted with its required paper only: the declaration is held, the ID paper is not.
    expect(papers.map((p) => [p.paper, p.required, p.held])).toEqual([
      [0, true, true],
      [ID_PAPER, false, false],
    ]);
  });
});

describe('a supplement', () => {
  it('lands each file on the paper it is tied to, and an untied one among the other papers', async () => {
    const made = await waitingForPapers();
    const tied = await uploadPaper(ID_PAPER);
    const other = await uploadPaper();
    const res = await supplement(made, [tied, other]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('RECEIVED');
    expect(res.json().papers.find((p: { paper: number }) => p.paper === ID_PAPER).held).toBe(true);
    expect(await filesOf([tied.id, other.id])).toEqual([
      { id: tied.id, dossier_id: made.id, paper: ID_PAPER },
      { id: other.id, dossier_id: made.id, paper: null },
    ]);

    // The officer's checklist shows the file under its paper.
    const detail = (await env.w.agents.onestopA.get(`/api/dossiers/${made.id}`)).json();
    const line = detail.papers.find((p: { paper: number }) => p.paper === ID_PAPER);
    expect(line.files.map((f: { id: number }) => f.id)).toEqual([tied.id]);
    expect(detail.papers.flatMap((p: { files: { id: number }[] }) => p.files.map((f) => f.id))).not.toContain(other.id);
  });

  it('is refused (400 UNKNOWN_PAPER) for a paper the procedure lacks or another procedure’s; nothing is written', async () => {
    const made = await waitingForPapers();
    const before = await stateOf(made.id);
    const good = await uploadPaper(ID_PAPER);
    const unknown = await uploadPaper(7);
    const foreign = await uploadPaper(0, '1.001193');
    for (const bad of [unknown, foreign]) {
      const res = await supplement(made, [good, bad]);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0]).toMatchObject({ field: 'uploads', code: 'UNKNOWN_PAPER' });
      expect(res.json().detail).toBeTruthy();
    }
    expect(await stateOf(made.id)).toEqual(before);
    expect(before.status).toBe('SUPPLEMENT_REQUESTED');
    for (const f of await filesOf([good.id, unknown.id, foreign.id])) expect(f.dossier_id).toBeNull();

    // The good file, still unclaimed, goes through on its own.
    expect((await supplement(made, [good])).statusCode).toBe(200);
    expect((await filesOf([good.id]))[0]).toMatchObject({ dossier_id: made.id, paper: ID_PAPER });
  });
});
