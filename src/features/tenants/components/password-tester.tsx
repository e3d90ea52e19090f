import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlined';
import HighlightOff from '@mui/icons-material/HighlightOff';
import RemoveCircleOutline from '@mui/icons-material/RemoveCircleOutlineOutlined';
import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useState } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { visuallyHidden } from '@/components/ui/visually-hidden';
import { checkSample, checkSummary, type SampleRule } from '../password-check';
import type { SettingsFormInput, SettingsFormValues } from '../settings';

/** How long typing must pause before the verdict is announced (the list itself follows every key). */
const ANNOUNCE_AFTER_MS = 900;

function Verdict({ rule, sampled }: { rule: SampleRule; sampled: boolean }) {
  const state = !sampled || rule.pass === null ? 'none' : rule.pass ? 'Pass' : 'Fail';
  const Icon = state === 'Pass' ? CheckCircleOutline : state === 'Fail' ? HighlightOff : RemoveCircleOutline;
  const color = state === 'Pass' ? 'success.main' : state === 'Fail' ? 'error.main' : 'text.secondary';
  return (
    <Box component="li" sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, py: 0.25 }}>
      <Icon fontSize="small" sx={{ color, mt: '2px' }} aria-hidden />
      <span>
        {rule.label}
        {/* In words too, not by the icon's colour alone. */}
        {state === 'none' ? null : <Box component="span" sx={{ fontWeight: 600 }}>{`: ${state}`}</Box>}
      </span>
    </Box>
  );
}

/**
 * Type a sample password and see each rule of the policy, as it stands in the form, pass or
 * fail. The sample stays in this component's state: it is not a field of the settings form
 * (the tester sits outside the <form> element), has no name, is never sent, stored or logged,
 * and goes when the page does. The list follows every key; a screen reader hears one summary
 * once typing pauses.
 */
export function PasswordTester({ control }: { control: Control<SettingsFormInput, unknown, SettingsFormValues> }) {
  const policy = useWatch({ control, name: 'password_policy' });
  const [sample, setSample] = useState('');
  const [shown, setShown] = useState(false);
  const [announced, setAnnounced] = useState('');
  const headingId = useId();
  const check = checkSample(sample, policy);
  const summary = checkSummary(sample, check);

  useEffect(() => {
    const timer = window.setTimeout(() => setAnnounced(summary), ANNOUNCE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [summary]);

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography id={headingId} component="h3" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        Try the password policy
      </Typography>
      <TextField
        label="Sample password"
        type={shown ? 'text' : 'password'}
        value={sample}
        onChange={(event) => setSample(event.target.value)}
        autoComplete="off"
        fullWidth
        helperText="Checked here, in your browser, against the policy as it stands in the form. Never sent or saved."
        slotProps={{
          htmlInput: { spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off' },
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <IconButton
                  aria-label="Show sample password"
                  aria-pressed={shown}
                  onClick={() => setShown((s) => !s)}
                  edge="end"
                  size="small"
                >
                  {shown ? <VisibilityOff fontSize="small" /> : <Visibility fontSize="small" />}
                </IconButton>
              </InputAdornment>
            ),
          },
        }}
      />
      <Box component="ul" aria-label="Rules for the sample" sx={{ listStyle: 'none', p: 0, my: 1.5 }}>
        {check.rules.map((rule) => (
          <Verdict key={rule.id} rule={rule} sampled={sample !== ''} />
        ))}
      </Box>
      {check.notChecked.length > 0 ? (
        <>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            Not checked on a sample
          </Typography>
          <Box component="ul" sx={{ pl: 2.5, my: 0.5 }}>
            {check.notChecked.map((note) => (
              <Typography key={note} component="li" variant="body2" color="textSecondary">
                {note}
              </Typography>
            ))}
          </Box>
        </>
      ) : null}
      <Box role="status" sx={visuallyHidden}>
        {announced}
      </Box>
    </Box>
  );
}
