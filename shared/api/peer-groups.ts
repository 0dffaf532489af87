import { z } from 'zod';
import { SAVED_GROUP_NAME_MAX_LENGTH } from '../constants/compare';
import { Iso3Schema } from '../domain/country';
import { listOf } from './common';

/**
 * Saved peer groups. Shared groups are seen by everyone who may read comparisons and
 * managed by facilitators and administrators; private groups are seen and managed by their owner.
 */
export const PEER_GROUP_VISIBILITIES = ['shared', 'private'] as const;
export const PeerGroupVisibilitySchema = z.enum(PEER_GROUP_VISIBILITIES);
export type PeerGroupVisibility = z.infer<typeof PeerGroupVisibilitySchema>;

export const MAX_SAVED_GROUP_MEMBERS = 300;

export const SavedGroupSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  visibility: PeerGroupVisibilitySchema,
  members: z.array(z.string()).describe('ISO3 codes, sorted'),
  /** Null for the groups the first start seeds. */
  ownerId: z.number().int().nullable(),
  /** Whether the caller may change or delete it. */
  canEdit: z.boolean(),
  /** Send it back with a change or a delete: 409 when someone changed the group meanwhile. */
  version: z.number().int(),
  createdAt: z.string().describe('ISO 8601'),
  updatedAt: z.string().describe('ISO 8601'),
});
export type SavedGroup = z.infer<typeof SavedGroupSchema>;
export const SavedGroupListSchema = listOf(SavedGroupSchema);

const MembersSchema = z
  .array(Iso3Schema)
  .min(1, 'needs at least one country')
  .max(MAX_SAVED_GROUP_MEMBERS)
  .describe('ISO3 codes of the members');

const GroupFields = {
  name: z.string().trim().min(1, 'is required').max(SAVED_GROUP_NAME_MAX_LENGTH),
  description: z.string().trim().max(1000).nullish(),
  members: MembersSchema,
};

export const CreateSavedGroupBodySchema = z.object({
  ...GroupFields,
  visibility: PeerGroupVisibilitySchema.default('private'),
});
export type CreateSavedGroupBody = z.input<typeof CreateSavedGroupBodySchema>;

const version = z
  .number()
  .int()
  .min(1)
  .max(2_147_483_647)
  .describe('The version you read: 409 when someone changed the group meanwhile (left out: no check)');

/** No defaults here: a field left out stays as it is. */
export const UpdateSavedGroupBodySchema = z
  .object({ ...GroupFields, visibility: PeerGroupVisibilitySchema })
  .partial()
  .extend({ version: version.optional() })
  .refine(({ version: _, ...fields }) => Object.values(fields).some((v) => v !== undefined), {
    message: 'give at least one of name, description, visibility, members',
    params: { code: 'nothing_to_change' },
  });
export type UpdateSavedGroupBody = z.input<typeof UpdateSavedGroupBodySchema>;

export const SavedGroupParamsSchema = z.object({
  id: z.coerce.number().int().min(1).max(2_147_483_647),
});

/** DELETE /api/peer-groups/{id}?version=3 */
export const DeleteSavedGroupQuerySchema = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(2_147_483_647)
    .optional()
    .describe('The version you read: 409 when someone changed the group meanwhile (left out: no check)'),
});
