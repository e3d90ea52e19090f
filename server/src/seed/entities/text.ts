const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', ı: 'i', đ: 'd', þ: 'th', ð: 'd' };

/** Lowercase ASCII: diacritics dropped, ß → ss, ł → l... */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæøœłıđþð]/g, (ch) => FOLD[ch] ?? ch);
}

export function slugify(name: string): string {
  let slug = fold(name)
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  if (slug.length < 3) slug = `${slug}-co`.replace(/^-/, '');
  return slug;
}

/** An email's local part: `first.last`, folded to ASCII letters and digits. */
export const localPart = (first: string, last: string): string =>
  `${fold(first).replace(/[^a-z0-9]/g, '')}.${fold(last).replace(/[^a-z0-9]/g, '')}`;
