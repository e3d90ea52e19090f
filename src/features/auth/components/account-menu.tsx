import AccountCircle from '@mui/icons-material/AccountCircle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import MenuItem from '@mui/material/MenuItem';
import MenuList from '@mui/material/MenuList';
import Popover from '@mui/material/Popover';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { signOut } from '@/lib/auth';
import { authQueries } from '../api/queries';

/** The account button in the app bar (its name is "Account menu"), with the email and "Sign out". */
export function AccountMenu() {
  const { data: admin } = useQuery({ ...authQueries.me(), throwOnError: false });
  const [anchorEl, setAnchorEl] = useState<HTMLElement | null>(null);
  const open = anchorEl !== null;
  const menuId = useId();
  const buttonId = useId();

  return (
    <>
      <Button
        id={buttonId}
        color="inherit"
        aria-label="Account menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={(event) => setAnchorEl(event.currentTarget)}
        startIcon={<AccountCircle />}
        sx={{ textTransform: 'none', maxWidth: { xs: 160, sm: 280 } }}
      >
        <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {admin?.display_name ?? admin?.email ?? 'Account'}
        </Box>
      </Button>
      <Popover
        open={open}
        anchorEl={anchorEl}
        onClose={() => setAnchorEl(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Box sx={{ px: 2, pt: 1.5, pb: 1, maxWidth: 320 }}>
          <Typography variant="body2" color="textSecondary">
            Signed in as
          </Typography>
          <Typography variant="body1" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
            {admin?.email}
          </Typography>
        </Box>
        <Divider />
        <MenuList id={menuId} aria-labelledby={buttonId} autoFocusItem={open}>
          <MenuItem
            onClick={() => {
              setAnchorEl(null);
              void signOut();
            }}
          >
            Sign out
          </MenuItem>
        </MenuList>
      </Popover>
    </>
  );
}
