import { useId } from 'react';
import type { Country } from '../../../../shared';
import { PEER_GROUP_TYPES, type PeerGroupType } from '../../../../shared/constants/compare';
import { INCOME_GROUPS, UN_REGIONS, WHO_REGIONS } from '../../../../shared/constants/country';
import { isOneOf } from '../../../../shared/constants/guard';
import { useT } from '../../../i18n/context';
import { useCountries } from '../../countries';
import { useSavedGroups } from '../api/get-saved-groups';
import type { GroupSelection } from '../group-params';
import { CountryMultiSelect } from './country-multi-select';
import { SaveGroupForm } from './save-group-form';
import { SavedGroupTools } from './saved-group-tools';

/** The selection a new group type starts from: the reference country's own region or income group. */
export function startOf(type: PeerGroupType, current: GroupSelection, near?: Country): GroupSelection {
  if (type === 'who_region') return { groupType: type, group: near?.whoRegion ?? 'EMR' };
  if (type === 'income_group') return { groupType: type, group: near?.incomeGroup ?? 'LMC' };
  if (type === 'un_region') {
    const own = near?.unRegion;
    return { groupType: type, group: isOneOf(UN_REGIONS, own) ? own : 'Asia' };
  }
  if (type === 'saved') return { groupType: type, group: current.groupType === 'saved' ? current.group : '' };
  if (type === 'countries') {
    return { groupType: type, group: current.groupType === 'countries' ? current.group : [] };
  }
  return { groupType: 'all' };
}

/** Chooses the peer group of a comparison view. */
export function GroupPicker({
  value,
  onChange,
  near,
  offerSave = true,
}: {
  value: GroupSelection;
  onChange: (next: GroupSelection) => void;
  /** The country the views are about: its region and income group are the defaults. */
  near?: Country | undefined;
  /**
   * Offer to save a hand-picked group, and to edit or delete the saved group chosen; off inside
   * another form (a form cannot hold a form).
   */
  offerSave?: boolean;
}) {
  const id = useId();
  const t = useT();
  const countries = useCountries();
  const saved = useSavedGroups({ enabled: value.groupType === 'saved' });
  const chosen =
    value.groupType === 'saved' ? saved.data?.items.find((g) => String(g.id) === value.group) : undefined;
  return (
    <fieldset className="group-picker">
      <legend>{t('cmp.peerGroup')}</legend>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('cmp.compareWith')}</label>
        <select
          id={`${id}-type`}
          value={value.groupType}
          onChange={(e) => {
            const type = e.target.value;
            if (isOneOf(PEER_GROUP_TYPES, type)) onChange(startOf(type, value, near));
          }}
        >
          {(['who_region', 'income_group', 'un_region', 'all', 'countries', 'saved'] as const).map((type) => (
            <option key={type} value={type}>
              {t(`cmp.groupType.${type}`)}
            </option>
          ))}
        </select>
      </div>
      {value.groupType === 'who_region' && (
        <div className="field">
          <label htmlFor={`${id}-region`}>{t('cmp.groupType.who_region')}</label>
          <select
            id={`${id}-region`}
            value={value.group}
            onChange={(e) => {
              const region = e.target.value;
              if (isOneOf(WHO_REGIONS, region)) onChange({ groupType: 'who_region', group: region });
            }}
          >
            {WHO_REGIONS.map((code) => (
              <option key={code} value={code}>
                {t(`whoRegion.${code}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {value.groupType === 'income_group' && (
        <div className="field">
          <label htmlFor={`${id}-income`}>{t('cmp.incomeGroup')}</label>
          <select
            id={`${id}-income`}
            value={value.group}
            onChange={(e) => {
              const income = e.target.value;
              if (isOneOf(INCOME_GROUPS, income)) onChange({ groupType: 'income_group', group: income });
            }}
          >
            {INCOME_GROUPS.map((code) => (
              <option key={code} value={code}>
                {t(`income.${code}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {value.groupType === 'un_region' && (
        <div className="field">
          <label htmlFor={`${id}-un`}>{t('cmp.groupType.un_region')}</label>
          <select
            id={`${id}-un`}
            value={value.group}
            onChange={(e) => {
              const region = e.target.value;
              if (isOneOf(UN_REGIONS, region)) onChange({ groupType: 'un_region', group: region });
            }}
          >
            {UN_REGIONS.map((name) => (
              <option key={name} value={name}>
                {t(`unRegion.${name}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {value.groupType === 'countries' && (
        <>
          <CountryMultiSelect
            countries={countries.data?.items ?? []}
            value={value.group}
            onChange={(group) => onChange({ groupType: 'countries', group })}
          />
          {offerSave && value.group.length > 0 && (
            <SaveGroupForm
              members={value.group}
              onSaved={(savedId) => onChange({ groupType: 'saved', group: String(savedId) })}
            />
          )}
        </>
      )}
      {value.groupType === 'saved' && (
        <div className="field">
          <label htmlFor={`${id}-saved`}>{t('cmp.groupType.saved')}</label>
          <select
            id={`${id}-saved`}
            value={value.group}
            onChange={(e) => onChange({ groupType: 'saved', group: e.target.value })}
          >
            <option value="">{t('cmp.chooseGroup')}</option>
            {(saved.data?.items ?? []).map((g) => (
              <option key={g.id} value={String(g.id)}>
                {g.name} ({g.members.length}){g.visibility === 'private' ? t('cmp.privateSuffix') : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      {offerSave && chosen?.canEdit && (
        <SavedGroupTools
          group={chosen}
          countries={countries.data?.items ?? []}
          onDeleted={() => onChange({ groupType: 'saved', group: '' })}
        />
      )}
    </fieldset>
  );
}
