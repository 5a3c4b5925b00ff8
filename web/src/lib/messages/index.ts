// The message catalogues: one module per area of the UI, each with an English and a Japanese
// table whose keys must match (the type checker and messages.test.ts both insist).
import * as common from './common';
import * as overview from './overview';
import * as build from './build';
import * as matrix from './matrix';
import * as evaluations from './evaluations';
import * as actions from './actions';
import * as browser from './browser';
import * as admin from './admin';

export const modules = { common, overview, build, matrix, evaluations, actions, browser, admin };

export const en = {
  ...common.en,
  ...overview.en,
  ...build.en,
  ...matrix.en,
  ...evaluations.en,
  ...actions.en,
  ...browser.en,
  ...admin.en,
};
export type MessageKey = keyof typeof en;
export const ja: Record<MessageKey, string> = {
  ...common.ja,
  ...overview.ja,
  ...build.ja,
  ...matrix.ja,
  ...evaluations.ja,
  ...actions.ja,
  ...browser.ja,
  ...admin.ja,
};
