import { describeAudits } from './a11y';

// axe-core on every main page in Arabic (right to left) (tests/e2e/a11y.ts); English is a11y-en.test.ts.
describeAudits('ar');
