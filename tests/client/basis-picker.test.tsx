import { act, fireEvent, render, screen } from '@testing-library/react';
import { Suspense, startTransition, use, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { BasisPicker } from '../../client/features/compare/components/basis-picker';
import type { CompareBasis } from '../../client/features/compare/group-params';
import { I18nProvider } from '../../client/i18n/context';
import { en } from '../../client/i18n/locales/en';

/*
 * The data choice shows the moment it is clicked, even while the page's own update (the router's
 * navigation, run by React as a transition) is held back: on a busy phone the radio must not stay
 * unticked until the new comparison is ready.
 */

/** A page whose update after a change waits on data that has not arrived (a suspended transition). */
function Page({ pending }: { pending: Promise<void> }) {
  const [basis, setBasis] = useState<CompareBasis>({ source: 'published', classification: 'round' });
  return (
    <Suspense fallback={<p>loading</p>}>
      <BasisPicker
        basis={basis}
        data
        onChange={(next) => startTransition(() => setBasis((b) => ({ ...b, ...next })))}
      />
      {basis.source === 'national' && <Waits on={pending} />}
    </Suspense>
  );
}

function Waits({ on }: { on: Promise<void> }) {
  use(on);
  return <p>national data</p>;
}

describe('the comparison basis picker', () => {
  it('ticks the choice at once while the page waits for the data, then keeps it', async () => {
    let arrive = () => {};
    const pending = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    render(
      <I18nProvider initial={{ locale: 'en', catalog: en }}>
        <Page pending={pending} />
      </I18nProvider>,
    );
    const national = screen.getByRole('radio', { name: 'National reports' });
    const published = screen.getByRole('radio', { name: 'Published answers' });
    expect((published as HTMLInputElement).checked).toBe(true);
    await act(async () => {
      fireEvent.click(national);
    });
    // The page has not moved on (its transition waits), but the radio already says what was chosen.
    expect(screen.queryByText('national data')).toBeNull();
    expect((national as HTMLInputElement).checked).toBe(true);
    expect((published as HTMLInputElement).checked).toBe(false);
    await act(async () => {
      arrive();
      await pending;
    });
    expect(screen.getByText('national data')).toBeTruthy();
    expect((national as HTMLInputElement).checked).toBe(true);
  });
});
