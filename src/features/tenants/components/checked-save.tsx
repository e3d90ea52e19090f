import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { lazyDialog } from '@/components/ui/lazy-dialog';
import type { components } from '@/lib/api/schema';
import { isApiError } from '@/lib/api-error';
import { isOwnVersion, useUpdateTenant } from '../api/mutations';
import { fetchTenantVersion, tenantQueries } from '../api/queries';
import type { Tenant } from '../schemas';
import { differences, resolve, type FieldDifference, type FlatValues, type Side } from '../three-way';

type UpdateBody = components['schemas']['TenantUpdate'];

// The conflict view (its table and radios) loads the first time someone else's save is met.
const ConflictDialog = lazyDialog(() => import('./conflict-dialog').then((m) => m.ConflictDialog));

export interface CheckedSaveCallbacks {
  onSuccess: (tenant: Tenant) => void;
  onError: (error: unknown) => void;
  /** The admin chose to see the other version: the caller resets its form to it. */
  onReload: (latest: Tenant) => void;
}

/** One form's edit, in the terms of a three-way merge. */
export interface CheckedEdit {
  /** The version the form's values started from. */
  base: Tenant;
  /** The form's values, as the fields it covers (dotted paths). */
  yours: FlatValues;
  /** The same fields of a version of the tenant. */
  fieldsOf: (tenant: Tenant) => FlatValues;
  /** The PATCH that lays `values` onto `latest` (the freshest version), keeping everything else of it. */
  buildBody: (latest: Tenant, values: FlatValues) => UpdateBody;
}

/** One save as it goes: the form's edit, its callbacks, and the form's fields as they were loaded. */
interface Attempt {
  edit: CheckedEdit;
  callbacks: CheckedSaveCallbacks;
  loaded: FlatValues;
  /** The conflict view has been shown for this save (a later one is "again"). */
  shown: boolean;
}

interface Conflict {
  /** Their version now, and its ETag: what the next PATCH is checked against. */
  latest: Tenant;
  etag: string | null;
  /** What the admin would save (the form's values, or their last choices). */
  yours: FlatValues;
  rows: FieldDifference[];
  /** They saved again while the admin's choices (from an earlier view) were being saved. */
  again: boolean;
  attempt: Attempt;
}

/** Saves straight on when their newest version differs from ours in none of the form's fields, at most this often in a row. */
const QUIET_RETRIES = 2;

/**
 * Saves a tenant without silently overwriting someone else's edit. Just before the PATCH it reads
 * the tenant again; when it changed since the form's version (and this console did not write that
 * version itself), every field of the form whose value on the server is not the form's is shown
 * in the conflict view — the value loaded, theirs now, yours — and the admin keeps theirs or
 * yours per field before saving. A change of theirs outside the form's fields is kept as it is:
 * `buildBody(latest, values)` lays the form's fields onto the freshest record (settings are
 * merged, so no key is lost).
 *
 * Where the server gives an ETag, the PATCH carries it as If-Match: an edit saved between the
 * read and the PATCH is answered 412, and the view opens again with their newest values against
 * the admin's choices (what they changed since is marked; the rest keeps the choice made).
 */
export function useCheckedSave(tenantId: string) {
  const queryClient = useQueryClient();
  const update = useUpdateTenant();
  const [checking, setChecking] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  /** Reads the tenant again; on failure the caller's onError has been told and null returned. */
  const readLatest = async (callbacks: CheckedSaveCallbacks) => {
    setChecking(true);
    try {
      return await fetchTenantVersion(tenantId);
    } catch (error) {
      setConflict(null);
      callbacks.onError(error);
      return null;
    } finally {
      setChecking(false);
    }
  };

  /**
   * `values` were made against `base`; `fresh` is the server's version now. Saves straight on when
   * they differ in none of the form's fields, else opens the conflict view.
   */
  const compare = (base: Tenant, fresh: { tenant: Tenant; etag: string | null }, values: FlatValues, attempt: Attempt, quiet: number) => {
    const rows = differences(attempt.edit.fieldsOf(base), attempt.edit.fieldsOf(fresh.tenant), values);
    if (rows.length === 0 && quiet < QUIET_RETRIES) {
      run(fresh.tenant, fresh.etag, values, attempt, quiet + 1);
      return;
    }
    setConflict({ latest: fresh.tenant, etag: fresh.etag, yours: values, rows, again: attempt.shown, attempt });
    attempt.shown = true;
  };

  const run = (latest: Tenant, etag: string | null, values: FlatValues, attempt: Attempt, quiet = 0) => {
    const { edit, callbacks } = attempt;
    update.mutate(
      { tenantId, body: edit.buildBody(latest, values), ifMatch: etag },
      {
        onSuccess: (saved) => {
          setConflict(null);
          callbacks.onSuccess(saved);
        },
        onError: (error) => {
          if (!(isApiError(error) && error.status === 412)) {
            setConflict(null);
            callbacks.onError(error);
            return;
          }
          // Someone saved between our read and our PATCH: compare with their newest version.
          void readLatest(callbacks).then((fresh) => {
            if (fresh) compare(latest, fresh, values, attempt, quiet);
          });
        },
      },
    );
  };

  const save = async (edit: CheckedEdit, callbacks: CheckedSaveCallbacks) => {
    const attempt: Attempt = { edit, callbacks, loaded: edit.fieldsOf(edit.base), shown: false };
    const fresh = await readLatest(callbacks);
    if (!fresh) return;
    if (fresh.tenant.updated_at === edit.base.updated_at || isOwnVersion(queryClient, tenantId, fresh.tenant.updated_at)) {
      run(fresh.tenant, fresh.etag, edit.yours, attempt);
      return;
    }
    compare(edit.base, fresh, edit.yours, attempt, 0);
  };

  const saveChoices = (choices: Partial<Record<string, Side>>) => {
    if (!conflict) return;
    const resolution = resolve(conflict.yours, conflict.rows, choices);
    if (resolution.ok) run(conflict.latest, conflict.etag, resolution.values, conflict.attempt);
  };

  const reload = () => {
    if (!conflict) return;
    queryClient.setQueryData(tenantQueries.detail(tenantId).queryKey, conflict.latest);
    conflict.attempt.callbacks.onReload(conflict.latest);
    setConflict(null);
  };

  const saving = checking || update.isPending;
  const dialog: ReactNode = (
    <ConflictDialog
      open={conflict !== null}
      tenantName={conflict?.latest.name ?? ''}
      savedAt={conflict?.latest.updated_at ?? null}
      rows={conflict?.rows ?? []}
      loaded={conflict?.attempt.loaded ?? {}}
      again={conflict?.again ?? false}
      saving={saving}
      onSave={saveChoices}
      onReload={reload}
      onCancel={() => {
        if (!saving) setConflict(null);
      }}
    />
  );

  return { save, saving, dialog };
}
