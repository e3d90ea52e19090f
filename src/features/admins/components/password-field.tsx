import CheckCircle from '@mui/icons-material/CheckCircle';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useController, type Control } from 'react-hook-form';
import { notify } from '@/lib/notifications';
import { generatePassword, PASSWORD_RULES } from '../password';
import type { CreateAdminValues } from '../schemas';

/**
 * The new admin's password: show/hide, a checklist of the API's five rules that ticks while the
 * admin types (announced politely), Generate (a strong random password, shown so it can be
 * read) and Copy.
 */
export function PasswordField({ control, readOnly = false }: { control: Control<CreateAdminValues>; readOnly?: boolean }) {
  const { field, fieldState } = useController({ control, name: 'password' });
  const [shown, setShown] = useState(false);
  const rulesId = useId();
  const value = typeof field.value === 'string' ? field.value : '';
  const met = PASSWORD_RULES.filter((rule) => rule.test(value)).length;

  return (
    <Box sx={{ mt: 2 }}>
      <TextField
        id="admin-password"
        label="Password"
        required
        fullWidth
        type={shown ? 'text' : 'password'}
        autoComplete="new-password"
        name={field.name}
        value={value}
        onChange={field.onChange}
        onBlur={field.onBlur}
        inputRef={field.ref}
        error={fieldState.invalid}
        helperText={fieldState.error?.message}
        slotProps={{
          // The error (MUI's helper text) first, then the rules checklist.
          htmlInput: {
            'aria-required': true,
            readOnly,
            'aria-describedby': fieldState.error ? `admin-password-helper-text ${rulesId}` : rulesId,
            spellCheck: false,
          },
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <IconButton
                  aria-label={shown ? 'Hide password' : 'Show password'}
                  aria-pressed={shown}
                  onClick={() => setShown((s) => !s)}
                  edge="end"
                >
                  {shown ? <VisibilityOff /> : <Visibility />}
                </IconButton>
              </InputAdornment>
            ),
          },
        }}
      />
      <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
        <Button
          size="small"
          variant="outlined"
          disabled={readOnly}
          onClick={() => {
            field.onChange(generatePassword());
            setShown(true);
          }}
        >
          Generate
        </Button>
        <Button
          size="small"
          variant="outlined"
          disabled={!value}
          onClick={() =>
            void navigator.clipboard.writeText(value).then(
              () => notify('Password copied to the clipboard', 'success'),
              () => notify('The browser did not allow copying: select the password and copy it', 'warning'),
            )
          }
        >
          Copy
        </Button>
      </Box>
      <Box id={rulesId} sx={{ mt: 1 }}>
        <Typography variant="body2" aria-live="polite">
          {met} of {PASSWORD_RULES.length} password rules met
        </Typography>
        <Box component="ul" aria-label="Password rules" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {PASSWORD_RULES.map((rule) => {
            const ok = rule.test(value);
            return (
              <Box component="li" key={rule.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, color: ok ? 'success.main' : 'text.secondary' }}>
                {ok ? <CheckCircle fontSize="small" aria-hidden /> : <RadioButtonUnchecked fontSize="small" aria-hidden />}
                <Typography variant="body2" component="span" sx={{ color: ok ? 'success.dark' : 'text.secondary' }}>
                  {rule.label}
                  <Box component="span" sx={visuallyHidden}>
                    {ok ? ': met' : ': not met'}
                  </Box>
                </Typography>
              </Box>
            );
          })}
        </Box>
      </Box>
    </Box>
  );
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
