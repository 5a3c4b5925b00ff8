// The catalogue library (catalogues, crosswalks, templates: GET /api/v1/catalogs), fetched once per
// page load for the home and overview screens; a failed fetch is forgotten so the next try asks again.
import { get } from '../../lib/api';
import type { Library } from '../../lib/types';

let cached: Promise<Library> | null = null;

export function library(): Promise<Library> {
  if (!cached) {
    const fetching = get<Library>('/api/v1/catalogs');
    fetching.catch(() => {
      if (cached === fetching) cached = null;
    });
    cached = fetching;
  }
  return cached;
}
