import { zodResolver } from '@hookform/resolvers/zod';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useController, useForm, useFormContext, useWatch, type Control } from 'react-hook-form';
import { CheckboxElement } from '@/components/form/checkbox-element';
import { FormContainer } from '@/components/form/form-container';
import { FormRootError } from '@/components/form/form-root-error';
import { SwitchElement } from '@/components/form/switch-element';
import { TextFieldElement } from '@/components/form/text-field-element';
import { lazyDialog } from '@/components/ui/lazy-dialog';
import { notify } from '@/lib/notifications';
import { applyApiError } from '@/components/form/apply-api-error';
import type { ChangeRow } from '@/utils/change-words';
import type { Tenant } from '../schemas';
import {
  fromSettings,
  LIMITS,
  MFA_METHOD_LABELS,
  MFA_METHODS,
  mergeSettings,
  otherSettings,
  passwordPolicySummary,
  settingsFormSchema,
  settingValueText,
  type SettingsFormInput,
  type SettingsFormValues,
} from '../settings';
import { durationText } from '@/utils/plain-words';
import { presetValues, type SecurityPreset } from '../security-presets';
import { fieldChanges, formFields, settingsFields, valuesFromFields } from '../settings-changes';
import { sameValue } from '../three-way';
import { useCheckedSave, type CheckedEdit } from './checked-save';
import { SecurityPresetsPanel } from './security-presets-panel';

// The review before a save and the password tester load apart from the page: the first when the
// admin saves, the second beside the form as soon as it shows.
const SaveReviewDialog = lazyDialog(() => import('./save-review-dialog').then((m) => m.SaveReviewDialog));
const PasswordTester = lazy(() => import('./password-tester').then((m) => ({ default: m.PasswordTester })));

type Input = SettingsFormInput;
type Output = SettingsFormValues;

/** The form's paths: 422 locs arrive as ["body", "settings", ...path]. */
const SETTINGS_FIELDS = [
  'mfa_required',
  'mfa_methods',
  'password_policy.min_length',
  'password_policy.require_uppercase',
  'password_policy.require_lowercase',
  'password_policy.require_digit',
  'password_policy.require_special',
  'password_policy.max_age_days',
  'password_policy.history_count',
  'session_timeout',
];

const POLICY_REQUIREMENTS = [
  ['password_policy.require_uppercase', 'Require an uppercase letter'],
  ['password_policy.require_lowercase', 'Require a lowercase letter'],
  ['password_policy.require_digit', 'Require a digit'],
  ['password_policy.require_special', 'Require a special character'],
] as const;

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 3, minWidth: 0 }}>
      <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600, mb: 1, p: 0 }}>
        {legend}
      </Typography>
      {children}
    </Box>
  );
}

/** The allowed MFA methods: one checkbox each, the "at least one" rule shown under the group. */
function MfaMethodsField({ control }: { control: Control<Input, unknown, Output> }) {
  const { field, fieldState } = useController({ control, name: 'mfa_methods' });
  const { trigger, formState } = useFormContext<Input, unknown, Output>();
  const mfaRequired = useWatch({ control, name: 'mfa_required' });
  // The rule depends on the switch too: once checked, switching MFA off or on re-checks it.
  useEffect(() => {
    if (formState.isSubmitted) void trigger('mfa_methods');
  }, [mfaRequired, formState.isSubmitted, trigger]);
  const helperId = useId();
  const legendId = useId();
  const chosen = field.value;
  const message = fieldState.error?.message;
  return (
    <FormControl
      component="fieldset"
      error={fieldState.invalid}
      aria-labelledby={legendId}
      aria-describedby={helperId}
      sx={{ mt: 1 }}
    >
      <FormLabel component="legend" id={legendId}>
        Allowed methods
      </FormLabel>
      <FormGroup row>
        {MFA_METHODS.map((method, index) => (
          <FormControlLabel
            key={method}
            label={MFA_METHOD_LABELS[method]}
            control={
              <Checkbox
                name={`mfa_methods.${method}`}
                checked={chosen.includes(method)}
                onChange={(_event, checked) =>
                  field.onChange(MFA_METHODS.filter((m) => (m === method ? checked : chosen.includes(m))))
                }
                onBlur={field.onBlur}
                slotProps={{
                  input: { ref: index === 0 ? field.ref : undefined, 'aria-invalid': fieldState.invalid || undefined } as object,
                }}
              />
            }
          />
        ))}
      </FormGroup>
      <FormHelperText id={helperId}>{message ?? 'The second factors users may set up.'}</FormHelperText>
    </FormControl>
  );
}

function PolicySummary({ control }: { control: Control<Input, unknown, Output> }) {
  const policy = useWatch({ control, name: 'password_policy' });
  return (
    <Typography sx={{ mt: 1, fontWeight: 500 }} aria-live="polite">
      In short: {passwordPolicySummary(policy)}
    </Typography>
  );
}

function sessionHint(minutes: number | null | undefined): string {
  const range = `${LIMITS.sessionTimeout.min} to ${LIMITS.sessionTimeout.max.toLocaleString('en-US')} minutes (30 days)`;
  const said = durationText(minutes);
  return said ? `${said}. ${range}.` : `${range}.`;
}

function SessionTimeoutField({ control }: { control: Control<Input, unknown, Output> }) {
  const minutes = useWatch({ control, name: 'session_timeout' });
  return (
    <TextFieldElement<Input, 'session_timeout', Output>
      control={control}
      name="session_timeout"
      label="Session timeout (minutes)"
      type="number"
      required
      helperText={sessionHint(minutes)}
      slotProps={{ htmlInput: { min: LIMITS.sessionTimeout.min, max: LIMITS.sessionTimeout.max, step: 1 } }}
      sx={{ maxWidth: 360 }}
    />
  );
}

function OtherSettings({ tenant }: { tenant: Tenant }) {
  const others = otherSettings(tenant.settings);
  if (others.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="other-settings-heading" sx={{ mb: 3 }}>
      <Typography id="other-settings-heading" component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
        Other settings
      </Typography>
      <Typography variant="body2" color="textSecondary" sx={{ mb: 1 }}>
        This console does not edit these; they are kept exactly as they are when you save.
      </Typography>
      <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'minmax(12rem, max-content) 1fr', gap: 1 }}>
        {others.map(({ key, value }) => (
          <Box key={key} sx={{ display: 'contents' }}>
            <Box component="dt" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
              {key}
            </Box>
            <Box component="dd" sx={{ m: 0 }}>
              <Box component="pre" sx={{ m: 0, fontFamily: 'monospace', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {settingValueText(value)}
              </Box>
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
}

export interface SecuritySettingsFormProps {
  tenant: Tenant;
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * One form for MFA, password policy and session timeout. Saving sends the full settings object
 * merged onto the server's current one, so keys this console does not know survive; afterwards
 * the form shows what the server returned.
 */
export function SecuritySettingsForm({ tenant, onDirtyChange }: SecuritySettingsFormProps) {
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(settingsFormSchema),
    defaultValues: fromSettings(tenant.settings),
  });
  const { isDirty } = form.formState;
  const { save, saving, dialog } = useCheckedSave(tenant.id);
  // The version the form's values came from: the review's "before", and the base of a merge.
  const base = useRef(tenant);
  // Kept after closing, so the dialog keeps its text through its closing transition.
  const [review, setReview] = useState<{ values: Output; rows: ChangeRow[] } | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [presetNotice, setPresetNotice] = useState('');

  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);

  // While nothing is being edited, follow the server's newest version.
  useEffect(() => {
    if (isDirty || base.current.updated_at === tenant.updated_at) return;
    base.current = tenant;
    form.reset(fromSettings(tenant.settings));
  }, [tenant, isDirty, form]);

  const showSaved = (saved: Tenant) => {
    base.current = saved;
    form.reset(fromSettings(saved.settings));
  };

  /** A preset fills the form; nothing is saved. */
  const fillFrom = (preset: SecurityPreset) => {
    const next = presetValues(preset);
    if (sameValue(form.getValues(), next)) {
      setPresetNotice(`The form already holds the settings of ${preset.name}.`);
      return;
    }
    const options = { shouldDirty: true, shouldValidate: form.formState.isSubmitted };
    form.setValue('mfa_required', next.mfa_required, options);
    form.setValue('mfa_methods', next.mfa_methods, options);
    form.setValue('password_policy', next.password_policy, options);
    form.setValue('session_timeout', next.session_timeout, options);
    setPresetNotice(`Filled in from ${preset.name}. Nothing is saved yet: review the form, then save.`);
  };

  // Confirmed: the save starts once the review has finished closing, so that the conflict view it
  // may open is not a modal opening while another closes (which could leave it aria-hidden: see
  // bulk-run-dialogs.tsx).
  const confirmed = useRef<CheckedEdit | null>(null);
  // Save first shows what will change; Confirm sends it. A confirmed save not yet started is
  // dropped by a new review, by Back to the form, and by Discard changes.
  const onSubmit = (values: Output) => {
    confirmed.current = null;
    setReview({ values, rows: fieldChanges(settingsFields(base.current.settings), formFields(values)) });
    setReviewing(true);
  };

  const confirmReview = () => {
    if (!review) return;
    confirmed.current = {
      base: base.current,
      yours: formFields(review.values),
      fieldsOf: (version) => settingsFields(version.settings),
      buildBody: (latest, fields) => ({ settings: mergeSettings(latest.settings, valuesFromFields(fields)) }),
    };
    setReviewing(false);
  };
  const saveConfirmed = () => {
    const edit = confirmed.current;
    confirmed.current = null;
    if (!edit) return;
    void save(edit, {
      onSuccess: (saved) => {
        showSaved(saved);
        setPresetNotice('');
        notify('Security settings saved', 'success');
      },
      onError: (error) => applyApiError(form, error, { fields: SETTINGS_FIELDS, under: 'settings' }),
      onReload: showSaved,
    });
  };

  return (
    <>
      <SecurityPresetsPanel onChoose={fillFrom} notice={presetNotice} />
      <Box
        sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) 22rem' }, gap: 4, alignItems: 'start' }}
      >
        <FormContainer form={form} onSubmit={onSubmit} aria-labelledby="security-settings-heading">
          <Group legend="Multi-factor authentication">
            <SwitchElement<Input, 'mfa_required', Output> control={form.control} name="mfa_required" label="Require MFA" />
            <MfaMethodsField control={form.control} />
          </Group>

          <Group legend="Password policy">
            <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
              <TextFieldElement<Input, 'password_policy.min_length', Output>
                control={form.control}
                name="password_policy.min_length"
                label="Minimum length (characters)"
                type="number"
                required
                helperText={`${LIMITS.minLength.min} to ${LIMITS.minLength.max}.`}
                slotProps={{ htmlInput: { min: LIMITS.minLength.min, max: LIMITS.minLength.max, step: 1 } }}
                sx={{ flex: '1 1 14rem' }}
              />
              <TextFieldElement<Input, 'password_policy.max_age_days', Output>
                control={form.control}
                name="password_policy.max_age_days"
                label="Maximum age (days)"
                type="number"
                helperText="Leave empty and passwords never expire."
                slotProps={{ htmlInput: { min: LIMITS.maxAgeDays.min, max: LIMITS.maxAgeDays.max, step: 1 } }}
                sx={{ flex: '1 1 14rem' }}
              />
              <TextFieldElement<Input, 'password_policy.history_count', Output>
                control={form.control}
                name="password_policy.history_count"
                label="Passwords remembered"
                type="number"
                required
                helperText={`${LIMITS.historyCount.min} to ${LIMITS.historyCount.max}. Remembered passwords cannot be reused.`}
                slotProps={{ htmlInput: { min: LIMITS.historyCount.min, max: LIMITS.historyCount.max, step: 1 } }}
                sx={{ flex: '1 1 14rem' }}
              />
            </Box>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 3 }}>
              {POLICY_REQUIREMENTS.map(([name, label]) => (
                <CheckboxElement<Input, typeof name, Output> key={name} control={form.control} name={name} label={label} />
              ))}
            </Box>
            <PolicySummary control={form.control} />
          </Group>

          <Group legend="Session">
            <SessionTimeoutField control={form.control} />
          </Group>

          <OtherSettings tenant={tenant} />

          <FormRootError />
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button type="submit" variant="contained" disabled={!isDirty || saving} loading={saving} loadingPosition="start">
              Save security settings
            </Button>
            <Button
              onClick={() => {
                confirmed.current = null;
                form.reset();
                setPresetNotice('');
              }}
              disabled={!isDirty || saving}
            >
              Discard changes
            </Button>
          </Box>
        </FormContainer>
        {/* Beside the form, not inside it: the sample password is never part of what is submitted. */}
        <Box sx={{ position: { lg: 'sticky' }, top: { lg: 88 } }}>
          <Suspense fallback={null}>
            <PasswordTester control={form.control} />
          </Suspense>
        </Box>
      </Box>
      <SaveReviewDialog
        open={reviewing}
        tenantName={tenant.name}
        rows={review?.rows ?? []}
        onConfirm={confirmReview}
        onCancel={() => {
          confirmed.current = null;
          setReviewing(false);
        }}
        onExited={saveConfirmed}
      />
      {dialog}
    </>
  );
}
