/** Forms of a phrase by CLDR plural category (Intl.PluralRules); `other` is the fallback. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The digest's words in English, the source; {n}, {days}, {date} … are filled in. */
export const en = {
  subject: 'NAP Tracker: {parts}',
  partsJoin: ', ',
  due: { one: '{n} period due', other: '{n} periods due' } as Plural,
  overdue: { one: '{n} overdue', other: '{n} overdue' } as Plural,
  returned: { one: '{n} returned', other: '{n} returned' } as Plural,
  approved: { one: '{n} approved', other: '{n} approved' } as Plural,
  waiting: { one: '{n} to approve', other: '{n} to approve' } as Plural,
  days: { one: '{n} day', other: '{n} days' } as Plural,
  colon: ': ',
  greeting: 'Hello {name},',
  intro: 'This is what needs your attention in NAP Tracker.',
  dueSection: 'Due within {days}',
  overdueSection: 'Overdue',
  returnedSection: 'Returned to you for corrections',
  approvedSection: 'Approved',
  waitingSection: 'Submitted, waiting for your approval',
  dueDate: 'due {date}',
  dueOn: 'due {date} (in {days})',
  dueToday: 'due today ({date})',
  late: 'was due {date} ({days} late)',
  reason: 'Reason: {reason}',
  allDue: 'See everything in “What is due”',
  turnOff: 'Turn these e-mails off',
  why: 'You get this digest at most once a day, when something needs you, as a focal point or validator in NAP Tracker.',
  resetSubject: 'NAP Tracker: set a new password',
  resetIntro: 'Someone, we hope you, asked for a link to set a new password for your NAP Tracker account.',
  resetAction: 'Set a new password',
  resetExpires: 'The link works once, until {at} (UTC).',
  resetIgnore: 'If you did not ask for it, ignore this e-mail: your password stays as it is.',
};

export type DigestStrings = typeof en;
export type DigestKey = {
  [K in keyof DigestStrings]: DigestStrings[K] extends string ? K : never;
}[keyof DigestStrings];
export type DigestPluralKey = Exclude<keyof DigestStrings, DigestKey>;
