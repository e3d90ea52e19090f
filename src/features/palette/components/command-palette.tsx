/**
 * The command palette (Ctrl+K / ⌘K): one search box over tenants, users, admin accounts, the
 * console's screens and its actions, recent picks first.
 *
 * Accessibility: the WAI-ARIA combobox pattern with a listbox popup (APG "Editable Combobox With
 * List Autocomplete"). The input keeps focus; it is role=combobox with aria-expanded,
 * aria-controls and aria-activedescendant pointing at the highlighted option; the listbox holds
 * one role=group per kind, named by its heading. ↑/↓ move (wrapping), Enter opens, Esc closes and
 * MUI's Dialog returns focus to where it was. A polite live region says how many results there are
 * once the server has answered. Opening a place moves focus to the page's <main>, as the skip link
 * does, rather than to an element of the page that is going away.
 */
import BoltOutlined from '@mui/icons-material/BoltOutlined';
import DomainOutlined from '@mui/icons-material/DomainOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import PersonOutline from '@mui/icons-material/PersonOutlined';
import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';
import WebOutlined from '@mui/icons-material/WebOutlined';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import InputBase from '@mui/material/InputBase';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { visuallyHidden } from '@/components/ui/visually-hidden';
import { SERVER_SEARCH_MIN_CHARS, usePaletteSearch, type PaletteAdmin } from '../api/palette-search';
import { actionsFor, SCREENS } from '../commands';
import { GROUP_TITLES, type PaletteActionId, type PaletteItem, type PaletteKind, type PaletteSection } from '../palette-items';
import { buildSections, flatten } from '../ranking';
import { isRememberable, recentsStore, type RecentItem } from '../recents';
import { resultsAnnouncement } from '../announcement';

export interface CommandPaletteProps {
  open: boolean;
  onClose: () => void;
  /**
   * "Assign role" and "Create admin" open dialogs the host owns: called as the palette starts to
   * close; open the dialog on `onExited`, once the palette has gone.
   */
  onAction: (action: PaletteActionId) => void;
  /** The palette has finished closing. */
  onExited?: () => void;
  /** The admin accounts to search among (the Admins API has no search); undefined while loading. */
  admins: readonly PaletteAdmin[] | undefined;
  /** The signed-in admin's id: whose recent picks these are. Without it nothing is remembered. */
  ownerId: string | undefined;
}

// Not the navigation's icons: importing those (they live in the shell's chunk) from this lazy chunk
// made Rolldown emit a shell chunk exporting an undefined name ("app_exports"), and the console
// failed to load.
const ICONS: Record<PaletteKind, ReactNode> = {
  tenant: <DomainOutlined fontSize="small" />,
  user: <PersonOutline fontSize="small" />,
  admin: <VerifiedUserOutlined fontSize="small" />,
  screen: <WebOutlined fontSize="small" />,
  action: <BoltOutlined fontSize="small" />,
};

function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function CommandPalette({ open, onClose, onAction, onExited, admins, ownerId }: CommandPaletteProps) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const id = useId();
  const titleId = `${id}-title`;
  const listboxId = `${id}-listbox`;
  const hintId = `${id}-hint`;

  const store = useMemo(() => (ownerId ? recentsStore(sessionStorageOrUndefined(), ownerId) : null), [ownerId]);
  const inputRef = useRef<HTMLInputElement>(null);
  const [term, setTerm] = useState('');
  const [activeKey, setActiveKey] = useState<string | null>(null);
  /** The term Enter was pressed on before its answers were in (see onKeyDown). */
  const enterFor = useRef<string | null>(null);
  const [recents, setRecents] = useState<RecentItem[]>(() => store?.read() ?? []);
  // Each opening starts afresh: an empty box and the recent picks as they are now.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setTerm('');
      setActiveKey(null);
      setRecents(store?.read() ?? []);
    }
  }

  const search = usePaletteSearch(term, admins);
  const actions = useMemo(() => actionsFor(pathname), [pathname]);
  const sections = useMemo(
    () => buildSections(term, { recents, tenants: search.tenants, users: search.users, admins: search.admins, screens: SCREENS, actions }),
    [term, recents, search.tenants, search.users, search.admins, actions],
  );
  const options = useMemo(() => flatten(sections), [sections]);
  const activeIndex = Math.max(
    0,
    options.findIndex((o) => o.key === activeKey),
  );
  const active = options[activeIndex];
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    if (!open || !active) return;
    document.getElementById(optionId(activeIndex))?.scrollIntoView?.({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- optionId is derived from id
  }, [open, active, activeIndex, id]);

  const choose = (item: PaletteItem) => {
    enterFor.current = null;
    if ('action' in item.run) {
      onClose();
      onAction(item.run.action);
      return;
    }
    if (store && isRememberable(item)) setRecents(store.remember(item));
    onClose();
    navigate(item.run.to);
    // After the dialog has put focus back where it was (an element of the page being left).
    setTimeout(() => document.querySelector<HTMLElement>('main')?.focus(), 0);
  };

  // Enter pressed before the typed term's answers are in (typed or pasted fast): taken as soon as
  // they are, on the best match then, not on whatever an older answer happened to show.
  const chooseRef = useRef(choose);
  useEffect(() => {
    chooseRef.current = choose;
  });
  useEffect(() => {
    if (enterFor.current === null || search.pending) return;
    const wanted = enterFor.current;
    enterFor.current = null;
    if (open && wanted === term && active) chooseRef.current(active);
  }, [open, search.pending, term, active]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const count = options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!count) return;
      const next = (activeIndex + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
      enterFor.current = null;
      setActiveKey(options[next]!.key);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // Nothing matches yet but answers are coming: wait for them. An option on the list (a screen,
      // an action, a match already in) is taken at once.
      if (search.pending && count === 0) enterFor.current = term;
      else if (active) choose(active);
    }
  };

  const typed = term.trim();
  const tooShort = typed.length > 0 && typed.length < SERVER_SEARCH_MIN_CHARS;
  /** Where each section's options start in `options`. */
  const starts = sections.map((_, s) => sections.slice(0, s).reduce((sum, prev) => sum + prev.items.length, 0));

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby={titleId}
      sx={{ '& .MuiDialog-container': { alignItems: 'flex-start' } }}
      slotProps={{ paper: { sx: { mt: { xs: 2, sm: '10vh' } } }, transition: { onEntering: () => inputRef.current?.focus(), onExited } }}
    >
      <DialogTitle id={titleId} sx={visuallyHidden}>
        Search the console
      </DialogTitle>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, py: 1.5, borderBottom: 1, borderColor: 'divider' }}>
        <InputBase
          inputRef={inputRef}
          fullWidth
          placeholder="Tenants, people, screens, actions…"
          value={term}
          onChange={(event) => {
            setTerm(event.target.value);
            setActiveKey(null);
          }}
          onKeyDown={onKeyDown}
          slotProps={{
            input: {
              role: 'combobox',
              'aria-label': 'Search tenants, users, admins, screens and actions',
              'aria-expanded': options.length > 0,
              'aria-controls': listboxId,
              'aria-activedescendant': active ? optionId(activeIndex) : undefined,
              'aria-autocomplete': 'list',
              'aria-describedby': hintId,
              autoComplete: 'off',
              spellCheck: false,
            },
          }}
        />
      </Box>
      <DialogContent
        id={listboxId}
        role="listbox"
        aria-label="Results"
        aria-busy={search.pending}
        sx={{ maxHeight: '60vh', p: 0, py: options.length ? 1 : 0 }}
      >
        {sections.map((section, sectionIndex) => (
          <Group key={section.group} section={section} baseId={id}>
            {section.items.map((item, n) => {
              const i = starts[sectionIndex]! + n;
              return (
                <Option
                  key={item.key}
                  id={optionId(i)}
                  item={item}
                  recent={section.group === 'recent'}
                  active={i === activeIndex}
                  onPoint={() => setActiveKey(item.key)}
                  onChoose={() => choose(item)}
                />
              );
            })}
          </Group>
        ))}
      </DialogContent>
      {typed && !options.length && !search.pending ? (
        <Typography sx={{ px: 2, py: 2 }} color="textSecondary">
          {search.failed ? 'The search failed. Try again in a moment.' : `Nothing matches “${typed}”.`}
        </Typography>
      ) : null}
      <DialogActions sx={{ justifyContent: 'flex-start', px: 2, py: 1, borderTop: 1, borderColor: 'divider' }}>
        <Typography id={hintId} variant="caption" color="textSecondary">
          {tooShort ? `Type ${SERVER_SEARCH_MIN_CHARS} or more characters to search tenants and users. ` : ''}↑ ↓ to move, Enter to
          open, Esc to close.
        </Typography>
      </DialogActions>
      <Box role="status" aria-live="polite" sx={visuallyHidden}>
        {open && typed && !search.pending ? resultsAnnouncement(sections, search.failed) : ''}
      </Box>
    </Dialog>
  );
}

function Group({ section, baseId, children }: { section: PaletteSection; baseId: string; children: ReactNode }) {
  const headingId = `${baseId}-group-${section.group}`;
  return (
    <Box role="group" aria-labelledby={headingId}>
      <Typography
        id={headingId}
        role="presentation"
        variant="overline"
        color="textSecondary"
        sx={{ display: 'block', px: 2, pt: 1, lineHeight: 2 }}
      >
        {GROUP_TITLES[section.group]}
      </Typography>
      {children}
    </Box>
  );
}

interface OptionProps {
  id: string;
  item: PaletteItem;
  recent: boolean;
  active: boolean;
  onPoint: () => void;
  onChoose: () => void;
}

function Option({ id, item, recent, active, onPoint, onChoose }: OptionProps) {
  return (
    // Chosen with the keyboard through the combobox (aria-activedescendant), so no key handler here.
    <Box
      id={id}
      role="option"
      aria-selected={active}
      onMouseMove={active ? undefined : onPoint}
      // Keep the focus in the search box.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onChoose}
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 1.5,
        px: 2,
        py: 0.75,
        cursor: 'pointer',
        bgcolor: active ? 'action.selected' : undefined,
        borderLeft: 3,
        borderColor: active ? 'primary.main' : 'transparent',
      }}
    >
      <Box sx={{ display: 'flex', color: 'text.secondary' }}>{recent ? <HistoryOutlined fontSize="small" /> : ICONS[item.kind]}</Box>
      <Box sx={{ minWidth: 0, flex: 1 }}>
        <Typography noWrap>{item.label}</Typography>
        {item.detail ? (
          <Typography noWrap variant="body2" color="textSecondary">
            {item.detail}
          </Typography>
        ) : null}
      </Box>
      {recent ? (
        <Typography variant="caption" color="textSecondary">
          {KIND_WORDS[item.kind]}
        </Typography>
      ) : null}
    </Box>
  );
}

const KIND_WORDS: Record<PaletteKind, string> = { tenant: 'Tenant', user: 'User', admin: 'Admin', screen: 'Screen', action: 'Action' };
