import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import type { components } from '@/lib/api/schema';
import { isApiError } from '@/lib/api-error';
import { isOwnVersion, useUpdateTenant } from '../api/mutations';
import { fetchTenantVersion, tenantQueries } from '../api/queries';
import { exactTime } from '@/utils/dates';
import type { Tenant } from '../schemas';

type UpdateBody = components['schemas']['TenantUpdate'];

export interface CheckedSaveCallbacks {
  onSuccess: (tenant: Tenant) => void;
  onError: (error: unknown) => void;
  /** The admin chose to see the other version: the caller resets its form to it. */
  onReload: (latest: Tenant) => void;
}

interface Conflict {
  latest: Tenant;
  etag: string | null;
  buildBody: (latest: Tenant) => UpdateBody;
  callbacks: CheckedSaveCallbacks;
}

/**
 * Saves a tenant without silently overwriting someone else's edit. Just before the PATCH it reads
 * the tenant again; when its `updated_at` differs from the version the form started from (and
 * this console did not write that version itself), the admin is told and chooses: reload their
 * version, overwrite it with this one, or keep editing.
 *
 * `buildBody(latest)` makes the PATCH from the freshest record, so settings are merged onto what
 * the server holds now and no key is lost either way.
 *
 * Where the server gives an ETag, the PATCH carries it as If-Match: an edit saved between the
 * read and the PATCH is answered 412, and the admin gets the same choice with the newest
 * version instead of overwriting it unseen.
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
      callbacks.onError(error);
      return null;
    } finally {
      setChecking(false);
    }
  };

  const run = (latest: Tenant, etag: string | null, buildBody: Conflict['buildBody'], callbacks: CheckedSaveCallbacks) => {
    update.mutate(
      { tenantId, body: buildBody(latest), ifMatch: etag },
      {
        onSuccess: callbacks.onSuccess,
        onError: (error) => {
          if (!(isApiError(error) && error.status === 412)) {
            callbacks.onError(error);
            return;
          }
          // Someone saved between our read and our PATCH: show their version and let the admin choose.
          void readLatest(callbacks).then((fresh) => {
            if (fresh) setConflict({ latest: fresh.tenant, etag: fresh.etag, buildBody, callbacks });
          });
        },
      },
    );
  };

  const save = async (baseVersion: string, buildBody: Conflict['buildBody'], callbacks: CheckedSaveCallbacks) => {
    const fresh = await readLatest(callbacks);
    if (!fresh) return;
    const { tenant: latest, etag } = fresh;
    if (latest.updated_at !== baseVersion && !isOwnVersion(queryClient, tenantId, latest.updated_at)) {
      setConflict({ latest, etag, buildBody, callbacks });
      return;
    }
    run(latest, etag, buildBody, callbacks);
  };

  const dialog: ReactNode = (
    <ConfirmDialog
      open={conflict !== null}
      title="Someone else changed this tenant"
      maxWidth="sm"
      cancelLabel="Keep editing"
      confirmLabel="Overwrite with mine"
      onCancel={() => setConflict(null)}
      onClose={() => setConflict(null)}
      onConfirm={() => {
        if (conflict) run(conflict.latest, conflict.etag, conflict.buildBody, conflict.callbacks);
      }}
      secondaryAction={{
        label: 'Reload their version',
        onClick: () => {
          if (!conflict) return;
          queryClient.setQueryData(tenantQueries.detail(tenantId).queryKey, conflict.latest);
          conflict.callbacks.onReload(conflict.latest);
          setConflict(null);
        },
      }}
    >
      {conflict ? (
        <>
          <p style={{ marginTop: 0 }}>
            “{conflict.latest.name}” was saved by someone else at {exactTime(conflict.latest.updated_at)}, after you opened it.
          </p>
          <p style={{ marginBottom: 0 }}>
            <strong>Reload</strong> shows their version and discards your changes here. <strong>Overwrite</strong> saves your
            version over theirs.
          </p>
        </>
      ) : null}
    </ConfirmDialog>
  );

  return { save, saving: checking || update.isPending, dialog };
}
