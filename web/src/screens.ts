import { orgPath, prefetch } from './lib/api';
import type { Route } from './lib/router.svelte';

// The screens, each loaded when first opened: the first page needs only its own code (the charts
// library, for one, comes with the screens that draw charts).
export const screens = {
  Overview: () => import('./screens/Overview.svelte'),
  BuildCatalogue: () => import('./screens/BuildCatalogue.svelte'),
  BuildProfile: () => import('./screens/BuildProfile.svelte'),
  BuildPortfolio: () => import('./screens/BuildPortfolio.svelte'),
  Matrix: () => import('./screens/Matrix.svelte'),
  Evaluations: () => import('./screens/Evaluations.svelte'),
  Evaluation: () => import('./screens/Evaluation.svelte'),
  Compare: () => import('./screens/Compare.svelte'),
  Actions: () => import('./screens/Actions.svelte'),
  Browser: () => import('./screens/Browser.svelte'),
  Members: () => import('./screens/Members.svelte'),
  Users: () => import('./screens/Users.svelte'),
  Tokens: () => import('./screens/Tokens.svelte'),
  Account: () => import('./screens/Account.svelte'),
  TwoFactor: () => import('./screens/TwoFactor.svelte'),
  Audit: () => import('./screens/Audit.svelte'),
};

/** Which screen each route shows (routes not listed are part of the main bundle). */
const byRoute: Record<string, keyof typeof screens> = {
  overview: 'Overview',
  catalogue: 'BuildCatalogue',
  profile: 'BuildProfile',
  portfolio: 'BuildPortfolio',
  matrix: 'Matrix',
  evaluations: 'Evaluations',
  evaluation: 'Evaluation',
  compare: 'Compare',
  actions: 'Actions',
  browser: 'Browser',
  members: 'Members',
  users: 'Users',
  tokens: 'Tokens',
  account: 'Account',
  'two-factor': 'TwoFactor',
  'org-audit': 'Audit',
  'site-audit': 'Audit',
};

/** What the busiest first pages read as soon as they open (see prefetch in lib/api.ts). */
function firstReads(route: Route): string[] {
  const org = route.params['org'];
  if (!org) return [];
  if (route.name === 'overview') return [orgPath(org, 'review'), orgPath(org), '/api/v1/catalogs'];
  if (route.name === 'matrix') return [orgPath(org, 'services'), orgPath(org, 'review')];
  return [];
}

/** Starts loading the code of a route's screen (errors surface when it is shown) and, for the
 *  first page of a visit, its data, in parallel with the session check. */
export function preload(route: Route, withData = false): void {
  const name = byRoute[route.name];
  if (name) screens[name]().catch(() => undefined);
  if (withData) prefetch('/api/v1/orgs', '/api/v1/vocabulary', ...firstReads(route));
}
