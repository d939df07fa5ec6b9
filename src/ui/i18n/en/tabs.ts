/** Several Doppel tabs: what one tab says when another changed what it showed (docs/architecture.md "Tabs"). */
export const tabs = {
  'tabs.erasedTitle': 'All data on this device',
  'tabs.erasingElsewhere': 'Another Doppel tab is deleting everything from this device. This tab has stopped its work…',
  'tabs.erasedElsewhere': 'Everything was deleted from this device in another Doppel tab.',
  'tabs.erasingResumed': 'Finishing the deletion of everything that was interrupted…',
  'tabs.erasedResumed': 'A deletion of everything that had been interrupted is now finished: nothing of it is left on this device.',
  'tabs.goneTitle': 'Changed in another tab',
  'tabs.reviewClosed': 'This review was closed in another Doppel tab, so it is no longer shown here.',
  'tabs.reviewReplaced': 'Another share file was opened in another Doppel tab; it replaced the review shown here.',
  'tabs.demoGone': 'The demo was removed in another Doppel tab, so it is no longer shown here.',
  'tabs.showNewReview': 'Show the new review',
  'tabs.showOwn': 'Show your own data',
  'tabs.showOwn.review': 'Leave the review',
  'open.replaceKept': 'You kept the review of {label} on this device. Opening this file replaces it.',
  'open.replaceOpen': 'A review is open in another Doppel tab. Opening this file replaces it there.',
  'open.replace': 'Replace it',
  'tabs.updateWaits': 'Doppel was updated. This tab reloads once its import has finished.',
} as const;
