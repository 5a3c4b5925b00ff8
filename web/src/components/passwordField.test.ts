// Every password field shows or hides what was typed (ASVS 2.1.12): the field renders a toggle
// named in the user's language that controls its input, and no screen has a password input of
// its own (they all use PasswordField).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { render } from 'svelte/server';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n.svelte';
import PasswordField from './PasswordField.svelte';

const src = join(__dirname, '..');

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return svelteFiles(path);
    return name.endsWith('.svelte') ? [path] : [];
  });
}

describe('PasswordField', () => {
  afterEach(() => i18n.set('en'));

  it('renders a hidden password with a toggle, not pressed, that controls it', () => {
    i18n.set('en');
    const { body } = render(PasswordField, { props: { label: 'Current password', autocomplete: 'current-password' } });
    const input = body.match(/<input[^>]*>/)?.[0] ?? '';
    const button = body.match(/<button[^>]*>([^<]*)<\/button>/);
    expect(input).toContain('type="password"');
    expect(input).toContain('autocomplete="current-password"');
    const id = input.match(/id="([^"]+)"/)?.[1];
    expect(id).toBeTruthy();
    expect(body).toContain(`<label for="${id}"><span>Current password</span></label>`);
    expect(button?.[0]).toContain('type="button"');
    expect(button?.[0]).toContain(`aria-controls="${id}"`);
    expect(button?.[0]).toContain('aria-pressed="false"');
    expect(button?.[1]?.trim()).toBe('Show password');
  });

  it('names the toggle in Japanese too', () => {
    i18n.set('ja');
    const { body } = render(PasswordField, { props: { label: 'パスワード' } });
    expect(body.match(/<button[^>]*>([^<]*)<\/button>/)?.[1]?.trim()).toBe('パスワードを表示');
  });

  it('is the only password input of the UI', () => {
    const raw = svelteFiles(src)
      .filter((path) => !path.endsWith('PasswordField.svelte'))
      .filter((path) => /type=["']password["']/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(src, path));
    expect(raw).toEqual([]);
  });
});
