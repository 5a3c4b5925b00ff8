// API errors in words the user understands, in their language: the error code picks the
// sentence, the field (when the server names one) is named by its label, and the server's own
// detail is kept for the record.
import { ApiError } from './api';
import { t } from './i18n.svelte';
import { en, type MessageKey } from './messages';

const known = new Set([
  'invalid_input', 'unauthenticated', 'forbidden', 'not_found', 'method_not_allowed', 'conflict',
  'payload_too_large', 'headers_too_large', 'too_many_requests', 'internal', 'unavailable', 'network',
]);

/** The label of an API field name ("insource.as_is", "services[3].level" → "Level"). */
export function fieldLabel(field: string): string {
  // "services[3].level" (a bulk write) and "services.A-2.insource" (one service) name a field
  // of one entry: the label is the field's.
  const plain = field.replace(/^[a-z_]+\[\d+\]\./, '').replace(/^services\.[^.]+\./, '');
  const key = ('field.' + plain) as MessageKey;
  if (key in en) return t(key);
  const last = ('field.' + plain.split('.').pop()) as MessageKey;
  return last in en ? t(last) : plain;
}

export interface Explained {
  /** The sentence for the user. */
  message: string;
  /** The server's own words (English), shown as a detail. */
  detail: string;
}

export function explain(error: unknown): Explained {
  if (error instanceof ApiError) {
    const detail = error.message;
    if (error.code === 'invalid_input')
      return {
        message: error.field
          ? t('error.invalid_input_field', { field: fieldLabel(error.field), detail })
          : t('error.invalid_input', { detail }),
        detail,
      };
    if (error.code === 'too_many_requests')
      return { message: t('signin.tooMany', { seconds: error.retryAfter ?? 60 }), detail };
    if (known.has(error.code)) return { message: t(('error.' + error.code) as MessageKey), detail };
    return { message: t('error.unknown', { status: error.status }), detail };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { message: t('error.unknown', { status: '–' }), detail };
}
