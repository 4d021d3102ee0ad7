// Words that announce a date of birth, by language.
import { fold } from './fold-text.js';

/**
 * "born", "date of birth" and their forms in English, Albanian, Serbian (Latin and Cyrillic),
 * Bosnian, Croatian, Macedonian, Romanian and Russian (Moldova), folded: рођен, rođen and rodjen
 * all fold to `roden`. A date (or a year) shortly after one of them is a date of birth whatever
 * else the message says.
 */
export const BORN_WORDS: Record<string, string[]> = {
  en: ['born', 'b.', 'dob', 'd.o.b.', 'date of birth', 'birth date', 'birthdate'],
  sq: [
    'lindur',
    'lindi',
    'datelindja',
    'datelindje',
    'datelindjes',
    'ditelindja',
    'data e lindjes',
  ],
  'sr-hr-bs': ['roden', 'rodena', 'rodenog', 'rodene', 'datum rodenja', 'god. rod.', 'dat. rod.'],
  mk: ['roden', 'rodena', 'datum na raganje'],
  ro: ['nascut', 'nascuta', 'data nasterii', 'data de nastere'],
  ru: ['rodilsja', 'rodilas', 'data rozdenija', 'g.r.'],
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ALL = [...new Set(Object.values(BORN_WORDS).flat().map(fold))].sort(
  (a, b) => b.length - a.length,
);

/** Matches a born word and what may stand between it and the date ("born on", "lindur më", "rođen dana", ":"). */
export const BORN = new RegExp(
  `(?<![a-z0-9])(?:${ALL.map(escape).join('|')})(?![a-z])[\\s:,(]*(?:(?:on|the|in|me|ne|dana|na|la|u|v|e|i)(?![a-z])[\\s:,]*)?`,
  'g',
);
