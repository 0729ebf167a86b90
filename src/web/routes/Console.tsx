import '../locales/console.js';
import { Link, Route, Switch, useLocation } from 'wouter';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { Guard } from '../components/Guard.js';
import { QueryState } from '../components/Status.js';
import { AccountPage } from '../features/auth/AccountPage.js';
import { LoginPage } from '../features/auth/LoginPage.js';
import { can, useLogout, useMe } from '../features/auth/useMe.js';
import { AuditPage } from '../features/audit/AuditPage.js';
import { HouseholdDetailView } from '../features/households/HouseholdDetailView.js';
import { ImportWizard } from '../features/imports/ImportWizard.js';
import { ResidentDetailView } from '../features/residents/ResidentDetailView.js';
import { UsersPage } from '../features/users/UsersPage.js';
import { DossierView } from '../features/dossiers/DossierView.js';
import { IndicatorsPage } from '../features/indicators/IndicatorsPage.js';
import { FeedbackStats } from '../features/feedback/stats/FeedbackStats.js';
import { CalendarAdmin } from '../features/calendar/CalendarAdmin.js';
import { ProcedureAdmin } from '../features/procedures/ProcedureAdmin.js';
import { AppointmentsDesk } from '../features/counter/AppointmentsDesk.js';
import { CounterSettingsPage } from '../features/dossiers/CounterSettingsPage.js';
import { AnnouncementsPage } from '../features/announcements/AnnouncementsPage.js';
import { ReachPage } from '../features/announcements/ReachPage.js';
import { ChannelsPage } from '../features/announcements/ChannelsPage.js';
import { GroupsPage } from '../features/announcements/GroupsPage.js';
import { TeamsPage } from '../features/teams/TeamsPage.js';
import { AssignmentsPage } from '../features/campaigns/AssignmentsPage.js';
import { useSandbox } from '../features/sandbox/api.js';
import { SandboxOutbox } from '../features/sandbox/SandboxOutbox.js';
import { CampaignProgressPage } from '../features/campaigns/CampaignProgressPage.js';
import { CampaignsPage } from '../features/campaigns/CampaignsPage.js';
import { SubmitForm } from '../features/dossiers/SubmitForm.js';
import { CounterPage, DossiersPage } from './dossiers.js';
import { FeedbackPage } from './feedback.js';
import { ScorecardsDashboardRoute, ScorecardsRankingRoute } from './scorecards.js';
import { FeedbackSettingsPage } from '../features/feedback/FeedbackSettingsPage.js';
import { NewTicketForm } from '../features/feedback/NewTicketForm.js';
import { TicketView } from '../features/feedback/TicketView.js';
import { EntriesPage } from '../features/scorecards/EntriesPage.js';
import { TargetsPage } from '../features/scorecards/TargetsPage.js';
import { InventoryPage } from '../features/scorecards/InventoryPage.js';
import { CatalogPage } from '../features/scorecards/CatalogPage.js';
import { HomePage, HouseholdsPage, NewHouseholdPage, ResidentsPage, SearchPage, UnitsPage } from './pages.js';

/**
 * The staff console: loaded on demand (App.tsx lazy-loads this file), so a citizen who scans a QR code downloads
 * none of it.
 */
export default Console;

function Console() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const [location] = useLocation();
  // Asked once: the sandbox outbox is listed only while `npm start` runs the sandbox providers.
  const sandbox = useSandbox(!!me.data && can(me.data, 'announcement.write'));
  if (me.isLoading || me.error)
    return (
      <main>
        <QueryState isLoading={me.isLoading} error={me.error} />
      </main>
    );
  if (!me.data) return <LoginPage />;
  const links = [
    ['/', t('nav.home'), true],
    ['/residents', t('nav.residents'), can(me.data, 'resident.read')],
    ['/households', t('nav.households'), can(me.data, 'household.read')],
    ['/units', t('nav.units'), can(me.data, 'unit.read')],
    ['/dossiers', t('nav.dossiers'), can(me.data, 'dossier.read')],
    ['/counter', t('nav.counter'), can(me.data, 'dossier.submit')],
    ['/appointments', t('nav.appointments'), can(me.data, 'dossier.process')],
    ['/announcements', t('nav.announcements'), can(me.data, 'announcement.write')],
    ['/groups', t('announcements.groups.title'), can(me.data, 'announcement.write')],
    ['/channels', t('announcements.channels.title'), can(me.data, 'announcement.write')],
    ['/teams', t('teams.title'), can(me.data, 'unit.read')],
    ['/campaigns', t('campaigns.title'), can(me.data, 'unit.read')],
    ['/field', t('campaigns.field.title'), can(me.data, 'campaign.visit')],
    ['/feedback', t('feedbackDesk.title'), can(me.data, 'feedback.read')],
    ['/indicators', t('nav.indicators'), can(me.data, 'dossier.read')],
    ['/feedback/stats', t('feedbackStats.nav'), can(me.data, 'feedback.read')],
    ['/scorecards', t('scorecardDash.nav'), can(me.data, 'scorecard.read')],
    ['/scorecards/ranking', t('scorecardDash.rankingNav'), can(me.data, 'scorecard.read')],
    [
      '/scorecards/entries',
      can(me.data, 'scorecard.enter') ? t('scorecardEntry.nav.entries') : t('scorecardEntry.nav.approvals'),
      can(me.data, 'scorecard.enter') || can(me.data, 'scorecard.approve'),
    ],
    ['/scorecards/targets', t('scorecardEntry.nav.targets'), can(me.data, 'scorecard.target')],
    ['/inventory', t('scorecardEntry.nav.inventory'), can(me.data, 'scorecard.read')],
    [
      '/admin/scorecards',
      can(me.data, 'scorecard.manage') ? t('scorecardEntry.nav.admin') : t('scorecardEntry.nav.publish'),
      can(me.data, 'scorecard.manage') || can(me.data, 'scorecard.publish'),
    ],
    ['/admin/counter', t('dossiers.settings.title'), can(me.data, 'dossier.approve')],
    ['/admin/procedures', t('procedures.admin.title'), can(me.data, 'procedure.manage')],
    ['/admin/feedback', t('feedbackDesk.settings.title'), can(me.data, 'feedback.manage')],
    ['/admin/calendar', t('calendar.title'), can(me.data, 'calendar.manage')],
    ['/import', t('nav.import'), can(me.data, 'registry.import')],
    ['/users', t('nav.users'), can(me.data, 'user.manage')],
    ['/audit', t('nav.audit'), can(me.data, 'audit.read')],
    ['/sandbox', t('sandbox.title'), !!sandbox.data?.running],
  ] as const;
  return (
    <>
      <header className="top">
        <Link href="/" className="brand">
          {t('app.name')}
        </Link>
        {/* Keyed by the page: picking a link (a new location) closes the menu, as a phone user expects. */}
        <details className="menu" key={location}>
          <summary>{t('nav.menu')}</summary>
          <nav>
            {links
              .filter(([, , show]) => show)
              .map(([href, label]) => (
                <Link key={href} href={href} aria-current={location === href ? 'page' : undefined}>
                  {label}
                </Link>
              ))}
            <Link href="/account">{t('nav.account')}</Link>
            <button type="button" onClick={() => logout.mutate(false)}>
              {t('nav.logout')}
            </button>
          </nav>
        </details>
        <LanguageSwitch signedIn />
      </header>
      <main>
        <Switch>
          <Route path="/" component={HomePage} />
          <Route path="/search" component={SearchPage} />
          <Route path="/residents">
            <Guard need="resident.read">
              <ResidentsPage />
            </Guard>
          </Route>
          <Route path="/residents/:id">
            {(p) => (
              <Guard need="resident.read">
                <ResidentDetailView id={Number(p.id)} />
              </Guard>
            )}
          </Route>
          <Route path="/households">
            <Guard need="household.read">
              <HouseholdsPage />
            </Guard>
          </Route>
          <Route path="/households/new">
            <Guard need="household.write">
              <NewHouseholdPage />
            </Guard>
          </Route>
          <Route path="/households/:id">
            {(p) => (
              <Guard need="household.read">
                <HouseholdDetailView id={Number(p.id)} />
              </Guard>
            )}
          </Route>
          <Route path="/units">
            <Guard need="unit.read">
              <UnitsPage />
            </Guard>
          </Route>
          <Route path="/import">
            <Guard need="registry.import">
              <ImportWizard />
            </Guard>
          </Route>
          <Route path="/users">
            <Guard need="user.manage">
              <UsersPage />
            </Guard>
          </Route>
          <Route path="/audit">
            <Guard need="audit.read">
              <AuditPage />
            </Guard>
          </Route>
          <Route path="/account" component={AccountPage} />
          <Route path="/dossiers">
            <Guard need="dossier.read">
              <DossiersPage />
            </Guard>
          </Route>
          <Route path="/dossiers/:id">{(p) => <DossierView id={Number(p.id)} />}</Route>
          <Route path="/counter">
            <Guard need="dossier.submit">
              <CounterPage />
            </Guard>
          </Route>
          <Route path="/feedback">
            <Guard need="feedback.read">
              <FeedbackPage />
            </Guard>
          </Route>
          <Route path="/feedback/new">
            <Guard need="feedback.process">
              <NewTicketForm />
            </Guard>
          </Route>
          <Route path="/feedback/stats">
            <Guard need="feedback.read">
              <FeedbackStats />
            </Guard>
          </Route>
          <Route path="/feedback/:id">
            {(p) => (
              <Guard need="feedback.read">
                <div className="feedback">
                  <TicketView id={Number(p.id)} />
                </div>
              </Guard>
            )}
          </Route>
          <Route path="/admin/feedback">
            <Guard need="feedback.manage">
              <FeedbackSettingsPage />
            </Guard>
          </Route>
          <Route path="/indicators">
            <Guard need="dossier.read">
              <IndicatorsPage />
            </Guard>
          </Route>
          <Route path="/scorecards">
            <Guard need="scorecard.read">
              <ScorecardsDashboardRoute />
            </Guard>
          </Route>
          <Route path="/scorecards/ranking">
            <Guard need="scorecard.read">
              <ScorecardsRankingRoute />
            </Guard>
          </Route>
          <Route path="/appointments">
            <Guard need="dossier.process">
              <AppointmentsDesk />
            </Guard>
          </Route>
          <Route path="/admin/procedures">
            <Guard need="procedure.manage">
              <ProcedureAdmin />
            </Guard>
          </Route>
          <Route path="/admin/counter">
            <Guard need="dossier.approve">
              <CounterSettingsPage />
            </Guard>
          </Route>
          <Route path="/announcements">
            <Guard need="announcement.write">
              <AnnouncementsPage />
            </Guard>
          </Route>
          <Route path="/groups">
            <Guard need="announcement.write">
              <GroupsPage />
            </Guard>
          </Route>
          <Route path="/channels">
            <Guard need="announcement.write">
              <ChannelsPage />
            </Guard>
          </Route>
          <Route path="/teams">
            <Guard need="unit.read">
              <TeamsPage />
            </Guard>
          </Route>
          <Route path="/campaigns">
            <Guard need="unit.read">
              <CampaignsPage />
            </Guard>
          </Route>
          <Route path="/campaigns/:id/assignments">
            {(p) => (
              <Guard need="unit.read">
                <AssignmentsPage id={Number(p.id)} />
              </Guard>
            )}
          </Route>
          <Route path="/campaigns/:id">
            {(p) => (
              <Guard need="unit.read">
                <CampaignProgressPage id={Number(p.id)} />
              </Guard>
            )}
          </Route>
          <Route path="/announcements/:id">
            {(p) => (
              <Guard need="announcement.write">
                <ReachPage id={Number(p.id)} />
              </Guard>
            )}
          </Route>
          <Route path="/admin/calendar">
            <Guard need="calendar.manage">
              <CalendarAdmin />
            </Guard>
          </Route>
          <Route path="/scorecards/entries">
            <Guard need="scorecard.read">
              <EntriesPage />
            </Guard>
          </Route>
          <Route path="/scorecards/targets">
            <Guard need="scorecard.target">
              <TargetsPage />
            </Guard>
          </Route>
          <Route path="/inventory">
            <Guard need="scorecard.read">
              <InventoryPage />
            </Guard>
          </Route>
          <Route path="/admin/scorecards">
            <Guard need="scorecard.read">
              <CatalogPage />
            </Guard>
          </Route>
          <Route path="/sandbox" component={SandboxOutbox} />
          <Route path="/counter/:code">{(p) => <SubmitForm code={p.code} mode="counter" />}</Route>
          <Route>
            <p>404</p>
          </Route>
        </Switch>
      </main>
    </>
  );
}
