import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { CitizenAccount } from '../features/citizens/CitizenAccount.js';
import { BookAppointment } from '../features/counter/BookAppointment.js';
import { CommuneFeed } from '../features/announcements/CommuneFeed.js';
import { JoinGroupPage } from '../features/announcements/JoinGroupPage.js';
import { MemberPage } from '../features/announcements/MemberPage.js';
import { OpenAnnouncementPage } from '../features/announcements/OpenAnnouncementPage.js';
import { CampaignGuide } from '../features/campaigns/CampaignGuide.js';
import { ProcedureCatalog } from '../features/procedures/ProcedureCatalog.js';
import { ProcedurePage } from '../features/procedures/ProcedurePage.js';
import { SubmitForm } from '../features/dossiers/SubmitForm.js';
import { LookupPage } from '../features/dossiers/LookupPage.js';
import { StatusPage } from '../features/dossiers/StatusPage.js';
import { AskPage } from '../features/feedback/public/AskPage.js';
import { QaPage } from '../features/feedback/public/QaPage.js';
import { TicketStatusPage } from '../features/feedback/public/TicketStatusPage.js';
import { ScorecardPublicPage } from '../features/scorecards/public/ScorecardPublicPage.js';
import { PublicShell } from './PublicShell.js';
import { useDocumentTitle } from '../lib/title.js';

// The staff console and the field app are separate chunks: a citizen scanning a QR code on 3G downloads only the
// citizens' pages below (docs/decisions.md, "Citizen pages rendered on the server").
const Console = lazy(() => import('./Console.js'));
const FieldRoutes = lazy(() => import('./FieldRoutes.js'));

/**
 * Citizens' pages the server renders into the first HTML response (entry-server.tsx). /me and /m are left out: what
 * they show depends on the device's own token or account, which the client reads once it runs.
 */
export const serverRenderedPaths = [
  /^\/procedures\/?$/,
  /^\/p\/[^/]+(\/submit)?\/?$/,
  /^\/s\/[^/]+\/?$/,
  /^\/lookup\/?$/,
  /^\/book\/?$/,
  /^\/c\/[^/]+\/?$/,
  /^\/c\/[^/]+\/(phan-anh|hoi-dap|chi-so)\/?$/,
  /^\/q\/[^/]+\/?$/,
  /^\/g\/\d+\/?$/,
  /^\/a\/\d+\/?$/,
  /^\/k\/\d+\/?$/,
];

/** Citizens' pages need no account (QR codes on the wall, receipts); everything else is the staff console. */
export function App() {
  useDocumentTitle();
  return (
    <Switch>
      <Route path="/p/:code/submit">
        {(p) => (
          <PublicShell>
            <SubmitForm code={p.code} mode="public" />
          </PublicShell>
        )}
      </Route>
      <Route path="/p/:code">
        {(p) => (
          <PublicShell>
            <ProcedurePage code={p.code} />
          </PublicShell>
        )}
      </Route>
      <Route path="/procedures">
        <PublicShell>
          <ProcedureCatalog />
        </PublicShell>
      </Route>
      <Route path="/s/:token">
        {(p) => (
          <PublicShell>
            <StatusPage token={p.token} />
          </PublicShell>
        )}
      </Route>
      <Route path="/lookup">
        <PublicShell>
          <LookupPage />
        </PublicShell>
      </Route>
      <Route path="/book">
        <PublicShell>
          <BookAppointment />
        </PublicShell>
      </Route>
      <Route path="/me">
        <PublicShell>
          <CitizenAccount />
        </PublicShell>
      </Route>
      <Route path="/c/:code/phan-anh">
        {(p) => (
          <PublicShell>
            <AskPage code={p.code} />
          </PublicShell>
        )}
      </Route>
      <Route path="/c/:code/hoi-dap">
        {(p) => (
          <PublicShell>
            <QaPage code={p.code} />
          </PublicShell>
        )}
      </Route>
      <Route path="/c/:code/chi-so">
        {(p) => (
          <PublicShell>
            <ScorecardPublicPage code={p.code} />
          </PublicShell>
        )}
      </Route>
      <Route path="/q/:token">
        {(p) => (
          <PublicShell>
            <TicketStatusPage token={p.token} />
          </PublicShell>
        )}
      </Route>
      <Route path="/c/:code">
        {(p) => (
          <PublicShell>
            <CommuneFeed code={p.code} />
          </PublicShell>
        )}
      </Route>
      <Route path="/g/:id">
        {(p) => (
          <PublicShell>
            <JoinGroupPage id={Number(p.id)} />
          </PublicShell>
        )}
      </Route>
      <Route path="/m">
        <PublicShell>
          <MemberPage />
        </PublicShell>
      </Route>
      <Route path="/k/:id">
        {(p) => (
          <PublicShell>
            <CampaignGuide id={Number(p.id)} />
          </PublicShell>
        )}
      </Route>
      <Route path="/a/:id">
        {(p) => (
          <PublicShell>
            <OpenAnnouncementPage id={Number(p.id)} />
          </PublicShell>
        )}
      </Route>
      <Route path={/^\/field(\/.*)?$/}>
        <Suspense fallback={null}>
          <FieldRoutes />
        </Suspense>
      </Route>
      <Route>
        <Suspense fallback={null}>
          <Console />
        </Suspense>
      </Route>
    </Switch>
  );
}
