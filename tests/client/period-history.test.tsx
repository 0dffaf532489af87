import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PeriodHistoryList } from '../../client/features/submissions/components/period-history-list';
import { I18nProvider } from '../../client/i18n/context';
import { ar } from '../../client/i18n/locales/ar';
import { en } from '../../client/i18n/locales/en';
import { fr } from '../../client/i18n/locales/fr';
import type { Catalog } from '../../client/i18n/types';
import { type PeriodHistoryEntry, PeriodHistorySchema } from '../../shared';
import type { Locale } from '../../shared/i18n/locale';

/* A period's history as people read it: labels in their language, values formatted by measure type. */

const pct = {
  planIndicatorId: 11,
  code: 'H-PCT',
  name: 'Labs reporting AST',
  measureType: 'percentage',
  unit: '%',
};
const { items } = PeriodHistorySchema.parse({
  items: [
    {
      id: 9,
      at: '2021-05-04T09:30:00.000Z',
      user: { id: 3, name: 'Focal point, Jordan' },
      channel: { kind: 'token', detail: 'DHIS2 sync' },
      submission: { number: 2, after: { action: 'return', at: '2021-05-03T16:00:00.000Z' } },
      event: {
        kind: 'value',
        action: 'update',
        indicator: pct,
        changes: [
          {
            field: 'value',
            from: { type: 'number', measure: 'percentage', number: 45.5 },
            to: { type: 'number', measure: 'percentage', number: 50 },
          },
          {
            field: 'evidence',
            from: { type: 'empty' },
            to: {
              type: 'evidence',
              links: [{ url: 'https://example.org/lab.pdf', title: 'Lab report 2020' }],
            },
          },
        ],
      },
    },
    {
      id: 8,
      at: '2021-05-03T16:00:00.000Z',
      user: { id: 4, name: 'Validator, Jordan' },
      channel: { kind: 'web', detail: null },
      submission: { number: 1, after: null },
      event: { kind: 'workflow', action: 'return', reason: 'The percentage looks low' },
    },
    {
      id: 7,
      at: '2021-04-20T08:00:00.000Z',
      user: { id: 3, name: 'Focal point, Jordan' },
      channel: { kind: 'upload', detail: 'jordan-2020.xlsx' },
      submission: { number: 1, after: null },
      event: {
        kind: 'value',
        action: 'create',
        indicator: {
          planIndicatorId: 12,
          code: 'H-YN',
          name: 'Law adopted',
          measureType: 'yes_no',
          unit: null,
        },
        changes: [
          { field: 'value', from: { type: 'empty' }, to: { type: 'yes_no', answer: true } },
          { field: 'status', from: { type: 'empty' }, to: { type: 'status', status: 'reported' } },
        ],
      },
    },
    {
      id: 6,
      at: '2021-04-19T08:00:00.000Z',
      user: { id: 3, name: 'Focal point, Jordan' },
      // Recorded before channels were kept: nothing is shown, nothing guessed.
      channel: null,
      submission: { number: 1, after: null },
      event: {
        kind: 'value',
        action: 'create',
        indicator: {
          planIndicatorId: 13,
          code: 'H-NUM',
          name: 'Surveillance sites',
          measureType: 'number',
          unit: null,
        },
        changes: [
          {
            field: 'value',
            from: { type: 'empty' },
            to: { type: 'number', measure: 'number', number: 1234.5 },
          },
        ],
      },
    },
  ],
});

function show(locale: Locale, catalog: Catalog, list: PeriodHistoryEntry[] = items, compact = false) {
  render(
    <I18nProvider initial={{ locale, catalog }}>
      <PeriodHistoryList items={list} caption="History" compact={compact} />
    </I18nProvider>,
  );
  return screen.getAllByRole('row').slice(1);
}
/** Text with the no-break spaces French puts before % and : read as spaces. */
const text = (el: HTMLElement) => (el.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ');
const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map(text);

describe('a period’s history', () => {
  it('reads in French: field labels, "45,5 %", the channel, the submission and the workflow step', () => {
    const [token, ret, upload, old] = show('fr', fr);
    const [when, who, what, change] = cells(token as HTMLElement);
    expect(when).toMatch(/4 mai 2021/);
    expect(who).toBe("Focal point, JordanJeton d'API « DHIS2 sync »");
    expect(what).toBe('H-PCT Labs reporting ASTValeur modifiéeSoumission 2, après le renvoi du 3 mai 2021');
    expect(change).toBe('Valeur : 45,5 % → 50 %Justificatifs : — → Lab report 2020');
    // Evidence is a link by its title, not JSON.
    expect(
      within(token as HTMLElement)
        .getByRole('link', { name: 'Lab report 2020' })
        .getAttribute('href'),
    ).toBe('https://example.org/lab.pdf');
    expect(cells(ret as HTMLElement).slice(1, 3)).toEqual([
      "Validator, JordanDans l'application",
      'RenvoyéMotif : The percentage looks lowSoumission 1',
    ]);
    expect(cells(upload as HTMLElement).slice(1)).toEqual([
      "Focal point, JordanEnvoi d'un tableur : jordan-2020.xlsx",
      'H-YN Law adoptedNouvelle valeurSoumission 1',
      'Valeur : — → OuiStatut : — → Déclaré',
    ]);
    // No channel recorded: only the name; the number in French notation.
    expect(cells(old as HTMLElement).slice(1)).toEqual([
      'Focal point, Jordan',
      'H-NUM Surveillance sitesNouvelle valeurSoumission 1',
      'Valeur : — → 1234,5',
    ]);
  });

  it('reads in English with the same structure, and never shows column names or JSON', () => {
    const rows = show('en', en);
    expect(cells(rows[0] as HTMLElement)[3]).toBe('Value: 45.5 % → 50 %Evidence: — → Lab report 2020');
    expect(cells(rows[0] as HTMLElement)[1]).toBe('Focal point, JordanAPI token “DHIS2 sync”');
    expect(cells(rows[0] as HTMLElement)[2]).toMatch(/Submission 2, after the return of May 3, 2021$/);
    const all = rows.map((r) => text(r)).join('\n');
    expect(all).not.toMatch(/numericValue|statusReason|\{|"url"/);
  });

  it('reads in Arabic, numbers as the grid shows them, the arrow pointing the way the line reads', () => {
    const [token] = show('ar', ar);
    // Arabic's number format here (ICU) writes Latin digits, as the grid's inputs do.
    expect(cells(token as HTMLElement)[3]).toBe('القيمة: 45.5٪ ← 50٪الأدلة: — ← Lab report 2020');
    expect(cells(token as HTMLElement)[2]).toMatch(
      /^H-PCT Labs reporting ASTتعديل القيمةالإرسال 2، بعد الإعادة في/,
    );
  });

  it('lists one grid row’s history compactly, without repeating the indicator', () => {
    render(
      <I18nProvider initial={{ locale: 'fr', catalog: fr }}>
        <PeriodHistoryList items={items.slice(0, 1)} caption="Historique de H-PCT" compact />
      </I18nProvider>,
    );
    const item = within(screen.getByRole('list', { name: 'Historique de H-PCT' })).getAllByRole(
      'listitem',
    )[0];
    expect(text(item as HTMLElement)).toMatch(
      /^4 mai 2021.*, Focal point, Jordan Jeton d'API « DHIS2 sync »Valeur modifiéeSoumission 2, après le renvoi du 3 mai 2021Valeur : 45,5 % → 50 %/,
    );
    expect(text(item as HTMLElement)).not.toMatch(/Labs reporting AST/);
  });
});
