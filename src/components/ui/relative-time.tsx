import Tooltip from '@mui/material/Tooltip';
import { exactTime, exactTimeWithSeconds, relativeTime } from '@/utils/dates';

/**
 * "in 3 days", with the exact time (and time zone) on hover and on keyboard focus. The exact time
 * is the element's description, so screen readers hear both. `seconds`: the exact time to the
 * second (an audit entry).
 */
export function RelativeTime({ iso, seconds = false }: { iso: string; seconds?: boolean }) {
  return (
    <Tooltip title={seconds ? exactTimeWithSeconds(iso) : exactTime(iso)} describeChild>
      {/* Focusable so keyboard users can reveal the exact time too. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <time dateTime={iso} tabIndex={0} style={{ textDecoration: 'underline dotted', cursor: 'help' }}>
        {relativeTime(iso)}
      </time>
    </Tooltip>
  );
}
