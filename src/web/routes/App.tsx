import { Link, Route, Switch, useLocation } from 'wouter';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { QueryState } from '../components/Status.js';
import { AccountPage } from '../features/auth/AccountPage.js';
import { LoginPage } from '../features/auth/LoginPage.js';
import { can, useLogout, useMe } from '../features/auth/useMe.js';
import { AuditPage } from '../features/audit/AuditPage.js';
import { HouseholdDetailView } from '../features/households/HouseholdDetailView.js';
import { ImportWizard } from '../features/imports/ImportWizard.js';
import { ResidentDetailView } from '../features/residents/ResidentDetailView.js';
import { UsersPage } from '../features/users/UsersPage.js';
import { HomePage, HouseholdsPage, ResidentsPage, SearchPage, UnitsPage } from './pages.js';

export function App() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const [location] = useLocation();
  if (me.isLoading || me.error) return <main><QueryState isLoading={me.isLoading} error={me.error} /></main>;
  if (!me.data) return <LoginPage />;
  const links = [
    ['/', t('nav.home'), true],
    ['/residents', t('nav.residents'), can(me.data, 'resident.read')],
    ['/households', t('nav.households'), can(me.data, 'household.read')],
    ['/units', t('nav.units'), can(me.data, 'unit.read')],
    ['/import', t('nav.import'), can(me.data, 'registry.import')],
    ['/users', t('nav.users'), can(me.data, 'user.manage')],
    ['/audit', t('nav.audit'), can(me.data, 'audit.read')],
  ] as const;
  return (
    <>
      <header className="top">
        <Link href="/" className="brand">{t('app.name')}</Link>
        <details className="menu">
          <summary>{t('nav.menu')}</summary>
          <nav>
            {links.filter(([, , show]) => show).map(([href, label]) => (
              <Link key={href} href={href} aria-current={location === href ? 'page' : undefined}>{label}</Link>
            ))}
            <Link href="/account">{t('nav.account')}</Link>
            <button type="button" onClick={() => logout.mutate(false)}>{t('nav.logout')}</button>
          </nav>
        </details>
        <LanguageSwitch signedIn />
      </header>
      <main>
        <Switch>
          <Route path="/" component={HomePage} />
          <Route path="/search" component={SearchPage} />
          <Route path="/residents" component={ResidentsPage} />
          <Route path="/residents/:id">{(p) => <ResidentDetailView id={Number(p.id)} />}</Route>
          <Route path="/households" component={HouseholdsPage} />
          <Route path="/households/:id">{(p) => <HouseholdDetailView id={Number(p.id)} />}</Route>
          <Route path="/units" component={UnitsPage} />
          <Route path="/import" component={ImportWizard} />
          <Route path="/users" component={UsersPage} />
          <Route path="/audit" component={AuditPage} />
          <Route path="/account" component={AccountPage} />
          <Route><p>404</p></Route>
        </Switch>
      </main>
    </>
  );
}
