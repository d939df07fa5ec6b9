/** English, the source catalog. Keys are `screen.part`; values may hold `{name}` placeholders. */
export const en = {
  'nav.main': 'Main',
  'nav.twin': 'Twin',
  'nav.whatif': 'What if',
  'nav.timeline': 'Timeline',
  'nav.risk': 'Risk',
  'nav.import': 'Import',
  'nav.settings': 'Settings',
  'footer.disclaimer': 'Doppel is not a medical device. Its forecasts are estimates with uncertainty and do not replace advice from a clinician. Everything stays on this device.',
  'app.opening': 'Opening your twin…',
} as const;
