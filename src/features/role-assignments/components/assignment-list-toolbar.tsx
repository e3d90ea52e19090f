import Box from '@mui/material/Box';
import { AssignmentBulkActions, type AssignmentBulkActionsProps } from './assignment-bulk-actions';
import { AssignmentCsvButton } from './assignment-csv-button';

/**
 * Over the role assignments table: Download CSV of the filtered list, and the bulk actions once
 * rows are selected (issue 17). Loaded next to the list's first page rather than in the list's
 * own bundle, which is close to its budget; the dialogs behind both load on their first click.
 */
export function AssignmentListToolbar(props: AssignmentBulkActionsProps) {
  return (
    <>
      <Box sx={{ mb: 1 }}>
        <AssignmentCsvButton filters={props.filters} total={props.total} />
      </Box>
      <AssignmentBulkActions {...props} />
    </>
  );
}
