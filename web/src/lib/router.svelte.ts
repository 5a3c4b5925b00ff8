// A small history-API router: the server answers index.html for every page, and the path picks
// the screen. Links call `navigate`, so the page never reloads.

export interface Route {
  name: string;
  params: Record<string, string>;
  query: URLSearchParams;
}

const patterns: [name: string, pattern: string][] = [
  ['home', '/'],
  ['signin', '/signin'],
  ['browser', '/catalogues'],
  ['tokens', '/account/tokens'],
  ['account', '/account'],
  ['two-factor', '/account/two-factor'],
  ['users', '/admin/users'],
  ['site-audit', '/admin/audit'],
  ['overview', '/orgs/:org'],
  ['catalogue', '/orgs/:org/build/catalogue'],
  ['profile', '/orgs/:org/build/profile'],
  ['portfolio', '/orgs/:org/build/portfolio'],
  ['matrix', '/orgs/:org/matrix'],
  ['evaluations', '/orgs/:org/evaluations'],
  ['evaluation', '/orgs/:org/evaluations/:evaluation'],
  ['compare', '/orgs/:org/compare'],
  ['actions', '/orgs/:org/actions'],
  ['members', '/orgs/:org/members'],
  ['org-audit', '/orgs/:org/audit'],
];

/** The route a path (and query) names; "not-found" when none. */
export function match(pathname: string, search = ''): Route {
  const parts = pathname.split('/').filter(Boolean);
  for (const [name, pattern] of patterns) {
    const want = pattern.split('/').filter(Boolean);
    if (want.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < want.length; i++) {
      const w = want[i]!;
      const p = parts[i]!;
      if (w.startsWith(':')) {
        try {
          params[w.slice(1)] = decodeURIComponent(p);
        } catch {
          ok = false;
        }
      } else if (w !== p) ok = false;
      if (!ok) break;
    }
    if (ok) return { name, params, query: new URLSearchParams(search) };
  }
  return { name: 'not-found', params: {}, query: new URLSearchParams(search) };
}

/** The path of a screen of an organisation, e.g. orgHref('x', 'matrix'). */
export function orgHref(org: string, screen = '', query?: Record<string, string>): string {
  const base = '/orgs/' + encodeURIComponent(org) + (screen ? '/' + screen : '');
  const q = query ? new URLSearchParams(query).toString() : '';
  return q ? base + '?' + q : base;
}

class Router {
  route = $state<Route>(match(globalThis.location?.pathname ?? '/', globalThis.location?.search ?? ''));

  constructor() {
    globalThis.addEventListener?.('popstate', () => this.sync());
  }

  sync(): void {
    this.route = match(location.pathname, location.search);
  }

  navigate(href: string, replace = false): void {
    if (replace) history.replaceState(null, '', href);
    else history.pushState(null, '', href);
    this.sync();
    globalThis.scrollTo?.(0, 0);
  }
}

export const router = new Router();

/** onclick for <a href>: navigates in the page unless a modifier asks for a new tab. */
export function link(event: MouseEvent): void {
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  router.navigate(anchor.getAttribute('href') ?? '/');
}
