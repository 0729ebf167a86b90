import { Route, Switch } from 'wouter';
import { FieldCampaign } from '../features/campaigns/field/FieldCampaign.js';
import { FieldHome } from '../features/campaigns/field/FieldHome.js';
import { FieldShell } from '../features/campaigns/field/FieldShell.js';
import { FieldVisit } from '../features/campaigns/field/FieldVisit.js';

/** The field app works from the device's store, so it stands outside the console (which needs the server). */
export default function FieldRoutes() {
  return (
    <Switch>
      <Route path="/field/:id/h/:householdId">
        {(p) => (
          <FieldShell>
            <FieldVisit id={Number(p.id)} householdId={Number(p.householdId)} />
          </FieldShell>
        )}
      </Route>
      <Route path="/field/:id">
        {(p) => (
          <FieldShell>
            <FieldCampaign id={Number(p.id)} />
          </FieldShell>
        )}
      </Route>
      <Route path="/field">
        <FieldShell>
          <FieldHome />
        </FieldShell>
      </Route>
    </Switch>
  );
}
