import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState, type RefObject } from 'react';
import { fieldWording } from '@/utils/change-words';
import { exactTime } from '@/utils/dates';
import { initialChoices, sameValue, type FieldDifference, type FlatValues, type Side } from '../three-way';
import { PartnerName } from './partner-name';

export interface ConflictDialogProps {
  open: boolean;
  tenantName: string;
  /** When their version was saved. */
  savedAt: string | null;
  rows: FieldDifference[];
  /** The form's fields as they were first loaded: the "When you opened it" column. */
  loaded: FlatValues;
  /** They saved again while the admin was choosing. */
  again: boolean;
  saving: boolean;
  onSave: (choices: Partial<Record<string, Side>>) => void;
  /** Discards the form's edits and shows their version. */
  onReload: () => void;
  onCancel: () => void;
}

function Value({ path, value }: { path: string; value: unknown }) {
  const wording = fieldWording(path);
  if (wording.refers === 'partner') return <PartnerName partnerId={typeof value === 'string' && value !== '' ? value : null} />;
  return <>{wording.say(value)}</>;
}

interface ConflictRowProps {
  row: FieldDifference;
  loaded: unknown;
  /** Marks what they changed since the admin's last choices. */
  again: boolean;
  choice: Side | undefined;
  onChoose: (side: Side) => void;
}

function ConflictRow({ row, loaded, again, choice, onChoose }: ConflictRowProps) {
  const fieldId = useId();
  const { field } = fieldWording(row.path);
  const note = row.both ? 'Both changed: choose one' : again && !sameValue(row.base, row.theirs) ? 'They changed it again' : null;
  return (
    <TableRow>
      <TableCell component="th" scope="row">
        <span id={fieldId}>{field}</span>
        {note ? ' ' : null}
        {note ? (
          <Typography variant="body2" color="textSecondary">
            {note}
          </Typography>
        ) : null}
      </TableCell>
      <TableCell>
        <Value path={row.path} value={loaded} />
      </TableCell>
      <TableCell>
        <Value path={row.path} value={row.theirs} />
      </TableCell>
      <TableCell>
        <Value path={row.path} value={row.yours} />
      </TableCell>
      <TableCell>
        <RadioGroup row aria-labelledby={fieldId} value={choice ?? ''} onChange={(_event, value) => onChoose(value as Side)}>
          <FormControlLabel value="theirs" control={<Radio size="small" />} label="Theirs" />
          <FormControlLabel value="yours" control={<Radio size="small" />} label="Yours" />
        </RadioGroup>
      </TableCell>
    </TableRow>
  );
}

/** The table and the choices of one version of theirs: a newer one starts with fresh suggestions. */
function ConflictBody({ rows, loaded, savedAt, tenantName, again, saving, onSave, onReload, onCancel, cancelRef }: ConflictDialogProps & {
  cancelRef: RefObject<HTMLButtonElement | null>;
}) {
  const [choices, setChoices] = useState(() => initialChoices(rows));
  const [unchosen, setUnchosen] = useState<string[]>([]);
  const descriptionId = useId();

  const save = () => {
    const missing = rows.filter((row) => !choices[row.path]).map((row) => fieldWording(row.path).field);
    setUnchosen(missing);
    if (missing.length === 0) onSave(choices);
  };

  return (
    <>
      <DialogContent>
        <Typography id={descriptionId} sx={{ mb: 2 }}>
          “{tenantName}” was saved by someone else{savedAt ? ` at ${exactTime(savedAt)}` : ''}, after you opened it.{' '}
          {rows.length > 0
            ? 'For each field where their version and yours differ, keep theirs or yours. Whatever else they changed is kept.'
            : 'None of the fields you are saving differ from theirs now; whatever they changed is kept.'}
        </Typography>
        {again ? (
          <Alert severity="info" sx={{ mb: 2 }}>
            They saved again while yours was being saved: these are their newest values, with your choices kept.
          </Alert>
        ) : null}
        {rows.length > 0 ? (
          <TableContainer>
            <Table size="small" aria-label="Fields that differ">
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    Field
                  </TableCell>
                  <TableCell component="th" scope="col">
                    When you opened it
                  </TableCell>
                  <TableCell component="th" scope="col">
                    Theirs now
                  </TableCell>
                  <TableCell component="th" scope="col">
                    Yours
                  </TableCell>
                  <TableCell component="th" scope="col">
                    Keep
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row) => (
                  <ConflictRow
                    key={row.path}
                    row={row}
                    loaded={loaded[row.path]}
                    again={again}
                    choice={choices[row.path]}
                    onChoose={(side) => {
                      setChoices((c) => ({ ...c, [row.path]: side }));
                      setUnchosen((u) => u.filter((name) => name !== fieldWording(row.path).field));
                    }}
                  />
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        ) : null}
        {unchosen.length > 0 ? (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            Choose theirs or yours for: {unchosen.join(', ')}.
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap' }}>
        <Button ref={cancelRef} onClick={onCancel} disabled={saving}>
          Keep editing
        </Button>
        <Button onClick={onReload} disabled={saving}>
          Discard mine, show theirs
        </Button>
        <Button variant="contained" onClick={save} disabled={saving} loading={saving} loadingPosition="start">
          Save with these choices
        </Button>
      </DialogActions>
    </>
  );
}

/**
 * The conflict view: someone else saved the tenant since it was loaded. Each field that differs,
 * with the value loaded, theirs now and yours, and a choice of theirs or yours per field
 * (suggested where only one side changed it); saving checks again. Cancel keeps the form as typed.
 */
export function ConflictDialog(props: ConflictDialogProps) {
  const titleId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open={props.open}
      onClose={props.onCancel}
      aria-labelledby={titleId}
      maxWidth="md"
      fullWidth
      slotProps={{ transition: { onEntering: () => cancelRef.current?.focus() } }}
    >
      <DialogTitle id={titleId}>Someone else changed this tenant</DialogTitle>
      {/* A new version of theirs (keyed by its rows' values) starts with fresh suggestions. */}
      <ConflictBody key={JSON.stringify(props.rows.map((r) => [r.path, r.theirs]))} {...props} cancelRef={cancelRef} />
    </Dialog>
  );
}
