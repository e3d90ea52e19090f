import * as z from 'zod/mini';
import { pageField, pageSizeField } from '@/components/data-list/page-params';
import { passwordMeetsRules } from './password';

/**
 * The Admins API pages with its own sizes (`pageSize`, default 50); the list keeps them, and the
 * API's own parameter names, in the URL: `/admins?page=2&pageSize=25`.
 */
export const ADMIN_PAGE_SIZES = [10, 25, 50, 100] as const;
export const adminListSearchSchema = z.object({
  page: pageField(),
  pageSize: pageSizeField(ADMIN_PAGE_SIZES, 50),
});
export type AdminListSearch = z.output<typeof adminListSearchSchema>;

const name = (what: string) =>
  z.string().check(z.trim(), z.minLength(1, `Enter a ${what}`), z.maxLength(100, `At most 100 characters`));

/** The create form: the API's rules, so Create is sent only with what the API will accept. */
export const createAdminSchema = z.object({
  firstName: name('first name'),
  lastName: name('last name'),
  email: z.string().check(z.trim(), z.minLength(1, 'Enter an email address'), z.email('Enter a valid email address, like ana@example.com'), z.maxLength(254, 'At most 254 characters')),
  password: z
    .string()
    .check(
      z.refine(passwordMeetsRules, 'The password does not meet every rule below'),
      z.refine((p) => [...p].length <= 256, 'At most 256 characters'),
    ),
});
export type CreateAdminValues = z.output<typeof createAdminSchema>;
