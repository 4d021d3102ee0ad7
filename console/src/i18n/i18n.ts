// One i18next instance for the console; the words are in the catalogues beside this file.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';

void i18next.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: en } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
