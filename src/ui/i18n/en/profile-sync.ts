/**
 * What imports say about the person: conflicts with the profile and the person's choice, where a
 * profile value came from, answers the data suggests, and what an import did to the profile.
 */
export const profileSync = {
  'conflicts.title': 'Your records say something different',
  'conflicts.intro': 'Nothing you entered was changed. Choose, one at a time, what your profile should say.',
  'conflicts.fieldTitle': '{field}: which is right?',
  'conflicts.differs': 'Your record ({source}) says {record}; your profile says {mine}.',
  'conflicts.differsDated': 'Your record ({source}) says {record}, measured {date}; your profile says {mine}.',
  'conflicts.disagree': 'Your records disagree: {source} says {record}; your profile uses {mine}, from another record.',
  'conflicts.keepMine': 'Keep mine ({value})',
  'conflicts.useRecord': 'Use the record’s ({value})',
  'conflicts.listAdd': 'Your record ({source}) lists {item}; your profile does not.',
  'conflicts.add': 'Add it to my profile',
  'conflicts.leaveOut': 'Leave it out',
  'conflicts.claim':
    'An insurance claim ({source}) lists {item}. A claim shows what was paid for, not always what you take. Do you take it?',
  'conflicts.claimYes': 'Yes, I take it',
  'conflicts.claimNo': 'No',
  'conflicts.kept': '{field}: kept {value}.',
  'conflicts.used': '{field}: now {value}.',
  'conflicts.added': '{item} added to your profile.',
  'conflicts.leftOut': '{item} left out.',
  'conflicts.failed': 'Not saved: {error}',

  'profile.from.import': 'From {source}',
  'profile.from.importDated': 'From {source}, measured {date}',
  'profile.from.item': '(from {source})',
  'profile.field.heightCm': 'Height',

  'profile.derived.activity':
    'From your {device}, {range} ({days} days with data, {ago}): about {minutes} minutes of exercise a week. That suggests “{answer}”.',
  'profile.derived.device.watch': 'watch',
  'profile.derived.device.phone': 'phone',
  'profile.derived.device.other': 'imported data',
  'profile.derived.used': 'Until you answer, your risk scores use this.',
  'profile.derived.notUsed': 'Too short or too long ago to answer for you: only your own answer counts.',
  'profile.derived.overridden': 'Your own answer is used, not this.',
  'profile.derived.use': 'Answer “{answer}”',
  'profile.derived.useLabel': 'Answer “{answer}”: {question}',

  'import.profile.title': 'About you, this file says',
  'import.profile.line': '{field}: {value} — {status}',
  'import.profile.measured': '{value}, measured {date}',
  'import.profile.set': 'now in your profile',
  'import.profile.same': 'already in your profile',
  'import.profile.pending': 'not changed, your profile says otherwise (choose below)',
  'import.profile.confirm': 'not added, it comes from an insurance claim (confirm below)',
  'import.profile.older': 'not used, a newer measurement is known',
  'import.profile.declined': 'not changed, you turned this down before',
} as const;
