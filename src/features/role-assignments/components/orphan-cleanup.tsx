import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import { useId } from 'react';

export const CLEANUP_LABEL = 'Also remove this user if they are left an orphaned admin-only account';
export const CLEANUP_LABEL_MANY = 'Also remove each user who is left an orphaned admin-only account';

export interface OrphanCleanupChoiceProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** A bulk revoke: the label and explanation speak of each user. */
  many?: boolean;
}

/**
 * The API's orphan cleanup on a revoke (`cleanup_orphaned_user`, on by default), with its three
 * conditions spelt out: the same words for one revoke and for a bulk one.
 */
export function OrphanCleanupChoice({ checked, onChange, many = false }: OrphanCleanupChoiceProps) {
  const explanationId = useId();
  return (
    <>
      <FormControlLabel
        control={
          <Checkbox
            checked={checked}
            onChange={(_event, value) => onChange(value)}
            slotProps={{ input: { 'aria-describedby': explanationId } }}
          />
        }
        label={many ? CLEANUP_LABEL_MANY : CLEANUP_LABEL}
      />
      <Typography id={explanationId} variant="body2" color="textSecondary" component="div">
        {many ? 'A user is removed only if all three are true after the revoke:' : 'The user is removed only if all three are true after this revoke:'}
        <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
          <li>they hold no other admin role;</li>
          <li>the same email address is used by their accounts in more than one tenant (a duplicate admin account);</li>
          <li>they have never signed in.</li>
        </ul>
        Otherwise the user is kept.
      </Typography>
    </>
  );
}
