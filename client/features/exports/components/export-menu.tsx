import { Fragment, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { type TFunction, useI18n } from '../../../i18n/context';
import {
  adxExportUrl,
  comparisonReportUrl,
  countryReportUrl,
  type ExportFilters,
  valuesExportUrl,
} from '../api/export-urls';
import './export-menu.css';

interface Entry {
  label: string;
  hint?: string;
  href: string;
}
interface Section {
  title: string;
  entries: Entry[];
}

export interface ExportMenuProps {
  /** The data of the current view, as export filters. */
  filters: ExportFilters;
  /** Offer the country M&E report (PDF) of this country (and plan). */
  countryReport?: { iso3: string; plan?: number | undefined } | undefined;
  /** Offer the comparison report (PDF, XLSX) of the comparison page's query. */
  comparisonReport?:
    | {
        groupType?: string | undefined;
        group?: string | undefined;
        framework?: string | undefined;
        case?: string | undefined;
        source?: string | undefined;
        classification?: string | undefined;
      }
    | undefined;
}

/** The menu's sections; report links carry the interface language (`lang=`), so reports come in it. */
export function exportSections(p: ExportMenuProps, lang: string, t: TFunction): Section[] {
  const data: Section = {
    title: t('exportMenu.data'),
    entries: [
      {
        label: t('exportMenu.csv'),
        hint: t('exportMenu.csvHint'),
        href: valuesExportUrl(p.filters, 'csv'),
      },
      {
        label: t('exportMenu.xlsx'),
        hint: t('exportMenu.xlsxHint'),
        href: valuesExportUrl(p.filters, 'xlsx'),
      },
      { label: 'JSON', href: valuesExportUrl(p.filters, 'json') },
      { label: t('exportMenu.adx'), hint: t('exportMenu.adxHint'), href: adxExportUrl(p.filters) },
    ],
  };
  const reports: Entry[] = [];
  if (p.countryReport)
    reports.push({
      label: t('exportMenu.countryReport'),
      href: countryReportUrl(p.countryReport.iso3, lang, p.countryReport.plan),
    });
  if (p.comparisonReport) {
    reports.push({
      label: t('exportMenu.comparisonPdf'),
      href: comparisonReportUrl('pdf', { ...p.comparisonReport, lang }),
    });
    reports.push({
      label: t('exportMenu.comparisonXlsx'),
      href: comparisonReportUrl('xlsx', { ...p.comparisonReport, lang }),
    });
  }
  return reports.length ? [data, { title: t('exportMenu.reports'), entries: reports }] : [data];
}

/**
 * The Export menu (WAI-ARIA menu button): the button opens a menu of download links; arrow keys,
 * Home and End move between them, Escape closes it and gives the focus back to the button, Tab
 * leaves it. The links download what the current view shows.
 */
export function ExportMenu(props: ExportMenuProps) {
  const { locale, t } = useI18n();
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const sections = exportSections(props, locale, t);
  const items = () => [...(list.current?.querySelectorAll<HTMLAnchorElement>('[role="menuitem"]') ?? [])];

  const show = (focus: 'first' | 'last' | null) => {
    setOpen(true);
    requestAnimationFrame(() => {
      const all = items();
      (focus === 'last' ? all.at(-1) : focus === 'first' ? all[0] : undefined)?.focus();
    });
  };
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      const root = button.current?.parentElement;
      if (root && !root.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      show('first');
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      show('last');
    }
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    const move = (i: number) => {
      e.preventDefault();
      all[(i + all.length) % all.length]?.focus();
    };
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(all.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'Tab') close(false);
  };

  return (
    <div className="export-menu">
      <button
        ref={button}
        type="button"
        className="button button--secondary"
        id={`${id}-button`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        onClick={() => (open ? close(false) : show(null))}
        onKeyDown={onButtonKey}
      >
        {t('exportMenu.button')} <span aria-hidden="true">▾</span>
      </button>
      <div
        ref={list}
        id={`${id}-menu`}
        role="menu"
        aria-labelledby={`${id}-button`}
        className="export-menu__list"
        hidden={!open}
        onKeyDown={onMenuKey}
      >
        {sections.map((s, i) => (
          <Fragment key={s.title}>
            {i > 0 ? <hr className="export-menu__sep" /> : null}
            <div className="export-menu__group" aria-hidden="true">
              {s.title}
            </div>
            {s.entries.map((e) => (
              <a
                key={e.href}
                role="menuitem"
                tabIndex={-1}
                className="export-menu__item"
                href={e.href}
                download
                onClick={() => close(false)}
              >
                {e.label}
                {e.hint ? <span className="export-menu__hint">{e.hint}</span> : null}
              </a>
            ))}
          </Fragment>
        ))}
      </div>
    </div>
  );
}
