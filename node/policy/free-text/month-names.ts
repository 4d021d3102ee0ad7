// Month names as people of the region write them: the date finder reads these.
import { fold } from './fold-text.js';

/**
 * Month names and their inflected and short forms by language, folded (lower case, no
 * diacritics, Cyrillic in Latin letters: Serbian Cyrillic and Macedonian fold onto these), each
 * list in month order. Extend a language by adding forms; order does not matter within a month.
 */
export const MONTH_NAMES: Record<string, string[][]> = {
  en: [
    ['january', 'jan'],
    ['february', 'feb'],
    ['march', 'mar'],
    ['april', 'apr'],
    ['may'],
    ['june', 'jun'],
    ['july', 'jul'],
    ['august', 'aug'],
    ['september', 'sept', 'sep'],
    ['october', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ],
  // Albanian: nominative and the definite forms after a day ("14 marsit").
  sq: [
    ['janar', 'janarit', 'jan'],
    ['shkurt', 'shkurtit'],
    ['mars', 'marsit'],
    ['prill', 'prillit'],
    ['maj', 'majit'],
    ['qershor', 'qershorit'],
    ['korrik', 'korrikut'],
    ['gusht', 'gushtit'],
    ['shtator', 'shtatorit'],
    ['tetor', 'tetorit'],
    ['nentor', 'nentorit'],
    ['dhjetor', 'dhjetorit'],
  ],
  // Serbian (Latin and, folded, Cyrillic) and Bosnian: nominative and genitive ("14. marta").
  'sr-bs': [
    ['januar', 'januara'],
    ['februar', 'februara', 'februari'],
    ['mart', 'marta', 'mars'],
    ['april', 'aprila'],
    ['maj', 'maja'],
    ['jun', 'juna', 'juni'],
    ['jul', 'jula', 'juli'],
    ['avgust', 'avgusta', 'august', 'augusta'],
    ['septembar', 'septembra'],
    ['oktobar', 'oktobra'],
    ['novembar', 'novembra'],
    ['decembar', 'decembra'],
  ],
  // Croatian: nominative and genitive.
  hr: [
    ['sijecanj', 'sijecnja'],
    ['veljaca', 'veljace'],
    ['ozujak', 'ozujka'],
    ['travanj', 'travnja'],
    ['svibanj', 'svibnja'],
    ['lipanj', 'lipnja'],
    ['srpanj', 'srpnja'],
    ['kolovoz', 'kolovoza'],
    ['rujan', 'rujna'],
    ['listopad', 'listopada'],
    ['studeni', 'studenoga', 'studenog'],
    ['prosinac', 'prosinca'],
  ],
  // Macedonian (folded from Cyrillic: јануари → januari).
  mk: [
    ['januari'],
    ['fevruari'],
    ['mart'],
    ['april'],
    ['maj'],
    ['juni'],
    ['juli'],
    ['avgust'],
    ['septemvri'],
    ['oktomvri'],
    ['noemvri'],
    ['dekemvri'],
  ],
  // Romanian (Moldova), and Russian as also written in Moldova (folded, genitive).
  ro: [
    ['ianuarie', 'ian'],
    ['februarie', 'feb'],
    ['martie'],
    ['aprilie'],
    ['mai'],
    ['iunie'],
    ['iulie'],
    ['august'],
    ['septembrie'],
    ['octombrie'],
    ['noiembrie'],
    ['decembrie'],
  ],
  ru: [
    ['janvarja', 'janvar'],
    ['fevralja', 'fevral'],
    ['marta', 'mart'],
    ['aprelja', 'aprel'],
    ['maja', 'maj'],
    ['ijunja', 'ijun'],
    ['ijulja', 'ijul'],
    ['avgusta', 'avgust'],
    ['sentjabrja', 'sentjabr'],
    ['oktjabrja', 'oktjabr'],
    ['nojabrja', 'nojabr'],
    ['dekabrja', 'dekabr'],
  ],
};

/** Roman numerals used for months in the region ("14. III 1991."). */
export const ROMAN_MONTHS = [
  'i',
  'ii',
  'iii',
  'iv',
  'v',
  'vi',
  'vii',
  'viii',
  'ix',
  'x',
  'xi',
  'xii',
];

/** Folded month form → month number (1-12), over every language. */
export const MONTH_BY_NAME: Map<string, number> = (() => {
  const m = new Map<string, number>();
  // Folded again, as the text is, so that a form written here as a person spells it still meets it.
  for (const months of Object.values(MONTH_NAMES))
    months.forEach((forms, i) => forms.forEach((f) => m.set(fold(f), i + 1)));
  return m;
})();
