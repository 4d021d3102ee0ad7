// Folds text for matching: lower case, no diacritics, Serbian and Macedonian Cyrillic in Latin letters.

/** Folded text and, for every folded character, the offset of the character it came from. */
export interface FoldedText {
  text: string;
  /** origin[i] is the offset in the original of folded character i; origin[text.length] is the original's length. */
  origin: number[];
}

// Cyrillic letters of the region (and Russian, written in Moldova) in the Latin letters they fold to.
// ђ and đ both fold to d, as does the dj people type for đ, so Đorđević, Djordjevic and Ђорђевић meet.
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'd',
  е: 'e',
  ё: 'e',
  ж: 'z',
  з: 'z',
  и: 'i',
  й: 'j',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'c',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'c',
  џ: 'dz',
  ш: 's',
  щ: 'sc',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'ju',
  я: 'ja',
  ѓ: 'g',
  ѕ: 'dz',
  ќ: 'k',
  і: 'i',
  ї: 'i',
  є: 'e',
  ґ: 'g',
};
const LATIN: Record<string, string> = {
  đ: 'd',
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ı: 'i',
  þ: 'th',
};

const MAX_CACHE = 4096;
const cache = new Map<string, string>();

/** The folded form of one non-ASCII character. */
function foldChar(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  const lower = ch.toLowerCase();
  let out = '';
  for (const c of lower.normalize('NFD')) {
    if (/\p{M}/u.test(c)) continue;
    out += CYRILLIC[c] ?? LATIN[c] ?? c;
  }
  if (cache.size < MAX_CACHE) cache.set(ch, out);
  return out;
}

/**
 * Folds `s` so that the same name or word written with or without diacritics, in upper or lower
 * case, in Latin or Cyrillic letters compares equal, keeping where each folded character came
 * from so that a match maps back to a span of the original. `dj` folds to `d` like `đ`.
 *
 * @example foldText('Rruga e Kavajës').text === 'rruga e kavajes'
 */
export function foldText(s: string): FoldedText {
  const parts: string[] = [];
  const origin: number[] = [];
  let last = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 128) {
      const c = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : s[i]!;
      // "dj" (any case) is how đ is typed without diacritics.
      if (c === 'j' && last === 'd' && isDj(s, i)) continue;
      parts.push(c);
      origin.push(i);
      last = c;
      continue;
    }
    // A character outside the BMP (two code units) is kept as it is, unit by unit.
    const f = code >= 0xd800 && code <= 0xdfff ? s[i]! : foldChar(s[i]!);
    for (let j = 0; j < f.length; j++) {
      parts.push(f[j]!);
      origin.push(i);
    }
    if (f.length > 0) last = f[f.length - 1]!;
  }
  origin.push(s.length);
  return { text: parts.join(''), origin };
}

function isDj(s: string, i: number): boolean {
  const prev = s[i - 1];
  return prev === 'd' || prev === 'D';
}

/** The folded form only (for values compared with folded text). */
export function fold(s: string): string {
  return foldText(s).text;
}
