import { useId, useState } from 'react';
import type {
  MeEffectiveSection,
  MeLearningContent,
  MeProfile,
  MeSectionContent,
  MeSectionView,
  MeStepContent,
} from '../../../../shared';
import { isMeStep, type MeSection } from '../../../../shared/constants/me-profile';
import { SourceBadge } from '../../../components/ui/source-badge';
import { useI18n } from '../../../i18n/context';
import { useMeText } from '../text';
import { LearningContentView } from './learning-content-view';
import { PlanIndicatorsTable } from './plan-indicators-table';
import { SectionEditor } from './section-editor';
import { DraftStateChip, SectionWorkflow } from './section-workflow';
import { StepContentView } from './step-content-view';

function ContentView({
  section,
  content,
  prefix,
}: {
  section: MeSection;
  content: MeSectionContent;
  prefix: string;
}) {
  return isMeStep(section) ? (
    <StepContentView step={section} content={content as MeStepContent} prefix={prefix} />
  ) : (
    <LearningContentView content={content as MeLearningContent} prefix={prefix} />
  );
}

/**
 * One section of the profile: what the public reads (approved, else published) with its source,
 * the draft for those who may see it, and the steps the caller may take.
 */
export function SectionCard({
  profile,
  view,
  effective,
  countryName,
  onReload,
}: {
  profile: MeProfile;
  view: MeSectionView;
  effective: MeEffectiveSection;
  countryName: string;
  onReload: () => Promise<unknown>;
}) {
  const id = useId();
  const { t, formatDate } = useI18n();
  const text = useMeText();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const section = view.section;
  const title = text.sections[section];
  const headingId = `me-${section}`;
  const locked = view.draft?.state === 'submitted';

  return (
    <section aria-labelledby={headingId} className="section me-section">
      <h2 id={headingId}>{title}</h2>
      <p className="muted small">{text.hints[section]}</p>
      <p className="me-provenance small">
        {effective.provenance ? (
          <>
            <SourceBadge source={effective.provenance} />{' '}
            {effective.provenance === 'national_approved' && view.approved
              ? view.approved.approved.by
                ? t('meView.approvedBy', {
                    who: view.approved.approved.by.name,
                    date: formatDate(view.approved.approved.at),
                  })
                : t('meView.approvedOn', { date: formatDate(view.approved.approved.at) })
              : view.published
                ? t('meView.publishedOn', { date: formatDate(view.published.loadedAt) })
                : null}
          </>
        ) : (
          <span className="muted">{t('meView.nothingPublic')}</span>
        )}
      </p>
      <DraftStateChip view={view} />
      {effective.content && (
        <ContentView section={section} content={effective.content} prefix={`${id}-pub`} />
      )}
      {section === 'indicators' && profile.plan && <PlanIndicatorsTable plan={profile.plan} />}
      {view.draft && (
        <details className="fold me-draft">
          <summary>{t('meView.showDraft', { section: title })}</summary>
          <p className="small">
            <SourceBadge source="national_draft" />
          </p>
          <ContentView section={section} content={view.draft.content} prefix={`${id}-draft`} />
        </details>
      )}
      {saved && !editing && (
        <p role="status" className="muted small">
          {t('meForm.saved', { section: title })}
        </p>
      )}
      <div className="me-actions">
        {profile.can.edit && !editing && !locked && (
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('meForm.edit', { section: title })}
          </button>
        )}
        {profile.can.edit && locked && <p className="muted small">{t('meView.lockedSubmitted')}</p>}
        {!editing && (
          <SectionWorkflow
            iso3={profile.country.iso3}
            countryName={countryName}
            view={view}
            can={profile.can}
          />
        )}
      </div>
      {editing && (
        <SectionEditor
          key={view.version}
          iso3={profile.country.iso3}
          view={view}
          onReload={onReload}
          onDone={(ok) => {
            setEditing(false);
            setSaved(ok);
          }}
        />
      )}
    </section>
  );
}
