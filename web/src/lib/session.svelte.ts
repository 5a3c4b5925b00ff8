// Who is signed in, which organisations they may open and with which role, and the reference
// data every screen shares (the vocabulary and the organisation's catalogue), fetched once.
import { ApiError, del, get, patch, post, setCsrfToken } from './api';
import { i18n } from './i18n.svelte';
import type { CatalogueDocument, Lang, Membership, Organisation, Role, Session, User, Vocabulary } from './types';

class SessionState {
  user = $state<User | null>(null);
  memberships = $state<Membership[]>([]);
  organisations = $state<Organisation[]>([]);
  vocabulary = $state<Vocabulary | null>(null);
  /** The site requires two-factor sign-in of this user, who has not set it up: only its setup
   *  works until they do. */
  mustEnrol = $state(false);
  /** Resolved once the first GET /session has answered (signed in or not). */
  checked = $state(false);
  private catalogues = new Map<string, Promise<CatalogueDocument>>();

  /** Takes a session on once everything the screens need is loaded, so that the app never sees
   *  a signed-in user without their organisations. */
  private async adopt(session: Session): Promise<void> {
    setCsrfToken(session.csrf_token);
    const mustEnrol = session.two_factor?.must_enrol ?? false;
    const [orgs, vocabulary] = await Promise.all([
      mustEnrol ? Promise.resolve({ organisations: [] as Organisation[] }) : get<{ organisations: Organisation[] }>('/api/v1/orgs'),
      this.vocabulary ? Promise.resolve(this.vocabulary) : get<Vocabulary>('/api/v1/vocabulary'),
    ]);
    if (session.user.lang === 'en' || session.user.lang === 'ja') i18n.set(session.user.lang);
    this.organisations = orgs.organisations;
    this.vocabulary = vocabulary;
    this.memberships = session.memberships;
    this.mustEnrol = mustEnrol;
    this.user = session.user;
  }

  /** Reads the session again (after two-factor sign-in was set up). */
  async reload(): Promise<void> {
    await this.adopt(await get<Session>('/api/v1/session'));
  }

  /** Restores a session from the cookie, if there is one. */
  async restore(): Promise<void> {
    try {
      await this.adopt(await get<Session>('/api/v1/session'));
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
      this.clear();
    } finally {
      this.checked = true;
    }
  }

  /** Signs in; `code` is the second factor (a TOTP or recovery code) when the account has one. */
  async signIn(username: string, password: string, code?: string): Promise<void> {
    const body: { username: string; password: string; code?: string } = { username, password };
    if (code) body.code = code;
    await this.adopt(await post<Session>('/api/v1/session', body));
  }

  async signOut(): Promise<void> {
    try {
      await del('/api/v1/session');
    } finally {
      this.clear();
    }
  }

  clear(): void {
    setCsrfToken(null);
    this.user = null;
    this.mustEnrol = false;
    this.memberships = [];
    this.organisations = [];
    this.catalogues.clear();
  }

  /** Switches the language, and remembers it for this user on the server. */
  async setLang(lang: Lang): Promise<void> {
    i18n.set(lang);
    if (this.user && this.user.lang !== lang) {
      const answer = await patch<{ user: User }>('/api/v1/me', { lang });
      this.user = answer.user;
    }
  }

  async refreshOrganisations(): Promise<void> {
    this.organisations = (await get<{ organisations: Organisation[] }>('/api/v1/orgs')).organisations;
  }

  /** The caller's role in an organisation; site administrators act as admins everywhere. */
  roleIn(org: string): Role | null {
    const member = this.memberships.find((m) => m.org === org);
    if (member) return member.role;
    return this.user?.is_admin ? 'admin' : null;
  }

  canEdit(org: string): boolean {
    const role = this.roleIn(org);
    return role === 'admin' || role === 'assessor';
  }

  canApprove(org: string): boolean {
    const role = this.roleIn(org);
    return role === 'admin' || role === 'approver';
  }

  canManage(org: string): boolean {
    return this.roleIn(org) === 'admin';
  }

  /** A catalogue document, fetched once per session. */
  catalogue(id: string): Promise<CatalogueDocument> {
    let found = this.catalogues.get(id);
    if (!found) {
      found = get<CatalogueDocument>('/api/v1/catalogs/' + encodeURIComponent(id));
      found.catch(() => this.catalogues.delete(id));
      this.catalogues.set(id, found);
    }
    return found;
  }
}

export const session = new SessionState();
