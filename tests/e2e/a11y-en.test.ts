import { describeAudits } from './a11y';

// axe-core on every main page in English (tests/e2e/a11y.ts); Arabic is a11y-ar.test.ts.
describeAudits('en');
