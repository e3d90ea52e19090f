import AdminPanelSettingsOutlined from '@mui/icons-material/AdminPanelSettingsOutlined';
import ApartmentOutlined from '@mui/icons-material/ApartmentOutlined';
import ManageAccountsOutlined from '@mui/icons-material/ManageAccountsOutlined';
import ManageSearchOutlined from '@mui/icons-material/ManageSearchOutlined';
import SecurityOutlined from '@mui/icons-material/SecurityOutlined';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import type { ReactNode } from 'react';
import { NavLink, useMatch } from 'react-router-dom';
import { paths } from '@/config/paths';
import { ExpiringSoonCount } from '@/features/role-assignments/components/expiring-soon-count';

interface NavItem {
  label: string;
  to: string;
  icon: ReactNode;
  /** A count after the label (e.g. roles expiring soon), with its own accessible name. */
  badge?: ReactNode;
}

const NAV_ITEMS: NavItem[] = [
  { label: 'Role assignments', to: paths.roleAssignments.to(), icon: <AdminPanelSettingsOutlined />, badge: <ExpiringSoonCount /> },
  { label: 'Tenants', to: paths.tenants.to(), icon: <ApartmentOutlined /> },
  { label: 'Security overview', to: paths.security.to(), icon: <SecurityOutlined /> },
  { label: 'Admins', to: paths.admins.to(), icon: <ManageAccountsOutlined /> },
  { label: 'Audit log', to: paths.audit.to(), icon: <ManageSearchOutlined /> },
];

function NavEntry({ item, onNavigate }: { item: NavItem; onNavigate?: () => void }) {
  const match = useMatch({ path: item.to, end: false });
  return (
    <ListItem disablePadding>
      {/* NavLink marks the current page with aria-current="page". */}
      <ListItemButton component={NavLink} to={item.to} selected={match !== null} onClick={onNavigate}>
        <ListItemIcon>{item.icon}</ListItemIcon>
        <ListItemText primary={item.label} />
        {item.badge}
      </ListItemButton>
    </ListItem>
  );
}

/** The "Main" navigation landmark. */
export function MainNav({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <nav aria-label="Main">
      <List>
        {NAV_ITEMS.map((item) => (
          <NavEntry key={item.to} item={item} onNavigate={onNavigate} />
        ))}
      </List>
    </nav>
  );
}
