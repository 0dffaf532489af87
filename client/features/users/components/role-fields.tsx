import { useId } from 'react';
import type { RoleAssignment } from '../../../../shared';
import { ROLES } from '../../../../shared/constants/role';
import type { ZodLikeIssue } from '../../../../shared/domain/issues';
import { useT } from '../../../i18n/context';

/**
 * Reads the role + country fields of a form as a role assignment, validated by the shared schema
 * (imported on submit: the users page's first JS has no zod; docs/decisions/lazy-response-schemas.md).
 */
export async function roleFromForm(
  data: FormData,
  zodText: (error: { issues: readonly ZodLikeIssue[] }) => string,
): Promise<{ role?: RoleAssignment; error?: string }> {
  const role = String(data.get('role') ?? '');
  if (!role) return {};
  const { RoleAssignmentSchema } = await import('../../../../shared/domain/role');
  const country = String(data.get('country') ?? '')
    .trim()
    .toUpperCase();
  const parsed = RoleAssignmentSchema.safeParse({ role, country: country || null, sectors: [] });
  if (!parsed.success) return { error: zodText(parsed.error) };
  return { role: parsed.data };
}

export function RoleFields({ optional = false }: { optional?: boolean }) {
  const id = useId();
  const t = useT();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('users.role')}</label>
        <select id={`${id}-role`} name="role" defaultValue={optional ? '' : 'viewer'}>
          {optional && <option value="">—</option>}
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-country`}>{t('users.countryIso3')}</label>
        <input id={`${id}-country`} name="country" maxLength={3} size={4} placeholder="JOR" />
      </div>
    </>
  );
}
