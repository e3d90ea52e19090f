/**
 * The entry point: a tiny vanilla bootstrap (see bootstrap.ts). No React, MUI, react-query or full
 * zod may be imported from here, so the first visit before sign-in stays within its bundle budget.
 */
import { start } from './bootstrap';
import { baseUrl } from './lib/base-url';

const root = document.getElementById('root');
if (root) {
  void start(root);
} else {
  throw new Error(`index.html has no #root element (base ${baseUrl().href}).`);
}
