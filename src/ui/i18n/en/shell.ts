/** The app shell (navigation, footer, update prompt) and texts several screens share. */
export const shell = {
  'nav.main': 'Main',
  'nav.twin': 'Twin',
  'nav.whatif': 'What if',
  'nav.timeline': 'Timeline',
  'nav.risk': 'Risk',
  'nav.import': 'Import',
  'nav.settings': 'Settings',
  'footer.disclaimer':
    'Doppel is not a medical device. Its forecasts are estimates with uncertainty and do not replace advice from a clinician. Everything stays on this device.',
  'app.opening': 'Opening your twin…',
  /** The browser tab's title on each screen ("What if · Doppel"); {screen} is the screen's name. */
  'app.tabTitle': '{screen} · Doppel',
  'app.tabTitle.review': '{screen} · shared twin · Doppel',
  /** The first screen on a device with no twin yet (as index.html's title). */
  'app.tabTitle.welcome': 'Doppel: your private health twin',
  'app.screen.home': 'Your twin',
  'app.screen.home.review': 'Twin',
  'app.screen.whatif': 'What if',
  'app.screen.timeline': 'Timeline',
  'app.screen.risk': 'Risk scores',
  'app.screen.import': 'Import',
  'app.screen.inbox': 'Received files',
  'app.screen.settings': 'Settings',
  'app.screen.profile': 'Your profile',
  'app.screen.profile.review': "The patient's profile",
  'app.screen.share': 'Share with a clinician',
  'app.screen.open': 'Open a shared twin',
  'app.screen.summary': 'Visit summary',
  'app.screen.entry': 'Add a measurement',
  'app.screen.backup': 'Back up and restore',

  'app.opening.review': 'Opening the shared twin…',

  /** The screen shown when a page fails to draw (ErrorBoundary.tsx). */
  'crash.title': 'This screen could not be shown',
  'crash.body': 'Something went wrong while drawing it. Your data are safe: nothing was changed or deleted on this device.',
  'crash.body.review': 'Something went wrong while drawing it. The shared twin is safe: nothing was changed or deleted on this device.',
  'crash.reload': 'Reload',
  'crash.start': 'Go to the start',

  'update.ready': 'A new version of Doppel is ready.',
  'update.reload': 'Reload',
  'update.later': 'Later',

  'common.cancel': 'Cancel',
  'common.loadingChart': 'Loading chart…',
  'common.loadingCharts': 'Loading charts…',
  /** Between the items of a list of words ("birth date, height"). */
  'common.listSeparator': ', ',
  /** A forecast's axis of years from now. */
  'common.chart.now': 'Now',
  'common.chart.yearTick.one': '{count} year',
  'common.chart.yearTick.other': '{count} years',
  'common.chart.yearTitle.one': 'In {count} year',
  'common.chart.yearTitle.other': 'In {count} years',
  /** A chart's window of the newest data: recent, or ending on a day long past. */
  'common.chart.lastDays.one': 'last {count} day',
  'common.chart.lastDays.other': 'last {count} days',
  'common.chart.lastDaysTo.one': 'last {count} day of data, to {to}',
  'common.chart.lastDaysTo.other': 'last {count} days of data, to {to}',
  'common.chart.tooltip': '{series}: {value} {unit}',
  'common.chart.p05': '{series} 5th percentile',
  'common.chart.p25': '{series} 25th percentile',
  'common.chart.p75': '{series} 75th percentile',
  'common.chart.p95': '{series} 95th percentile',
  'common.chart.median': '{series} median',
} as const;
