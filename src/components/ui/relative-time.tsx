import type TooltipType from '@mui/material/Tooltip';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { exactTime, exactTimeWithSeconds, relativeTime } from '@/utils/dates';
import { once } from '@/utils/once';

type Tooltip = typeof TooltipType;

/**
 * MUI's Tooltip, with the Popper it positions with (~11 KB gzip), is the only thing on the list
 * screens' first render that needs it, and only once someone hovers or focuses a time. So it is
 * fetched once the page is idle (or at the first hover or focus, whichever comes first), not
 * before the rows can show (`scripts/check-size.mjs`, issue 16).
 */
const tooltipCode = once(() => import('@mui/material/Tooltip').then((module) => module.default));

function focusVisible(element: Element): boolean {
  try {
    return element.matches(':focus-visible');
  } catch {
    return true; // a browser without :focus-visible: every focus shows
  }
}

function whenIdle(run: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: 2_000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 500);
  return () => window.clearTimeout(id);
}

/**
 * "in 3 days", with the exact time (and time zone) on hover and on keyboard focus. The exact time
 * is the element's description, so screen readers hear both. `seconds`: the exact time to the
 * second (an audit entry).
 *
 * Until the tooltip's code is in, the element carries the same description as MUI's closed
 * tooltip gives it (the `title`), and a hover or focus meanwhile opens the tooltip as soon as it
 * arrives; keyboard focus stays on the time when the tooltip takes over the element.
 */
export function RelativeTime({ iso, seconds = false }: { iso: string; seconds?: boolean }) {
  const title = seconds ? exactTimeWithSeconds(iso) : exactTime(iso);
  const [Tooltip, setTooltip] = useState<Tooltip | undefined>(tooltipCode.value);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLTimeElement>(null);
  const refocus = useRef(false);

  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  // Loads the tooltip's code (once for the page) and lets it take this element over. A failed
  // download is tried again at the next hover or focus.
  const takeOver = useCallback(() => {
    tooltipCode
      .get()
      .then((component) => {
        if (!live.current) return;
        refocus.current = ref.current !== null && ref.current === document.activeElement;
        setTooltip(() => component);
      })
      .catch(() => undefined);
  }, []);

  useEffect(() => (Tooltip ? undefined : whenIdle(takeOver)), [Tooltip, takeOver]);

  useLayoutEffect(() => {
    if (Tooltip && refocus.current) {
      refocus.current = false;
      ref.current?.focus();
    }
  }, [Tooltip]);

  const show = (event: { currentTarget: Element; type: string }) => {
    if (!Tooltip) takeOver();
    // As MUI's tooltip does: focus opens it only when the focus is shown (keyboard), not on a click.
    if (event.type === 'focus' && !focusVisible(event.currentTarget)) return;
    setOpen(true);
  };
  const hide = () => setOpen(false);

  const text = relativeTime(iso);
  const style = { textDecoration: 'underline dotted', cursor: 'help' } as const;
  if (!Tooltip) {
    return (
      // Focusable so keyboard users can reveal the exact time too.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      <time ref={ref} dateTime={iso} tabIndex={0} title={title} style={style} onFocus={show} onMouseEnter={show} onBlur={hide} onMouseLeave={hide}>
        {text}
      </time>
    );
  }
  return (
    <Tooltip title={title} describeChild open={open} onOpen={() => setOpen(true)} onClose={hide}>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <time ref={ref} dateTime={iso} tabIndex={0} style={style}>
        {text}
      </time>
    </Tooltip>
  );
}
