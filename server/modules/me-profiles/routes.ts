import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AuditListSchema,
  ErrorEnvelopeSchema as E,
  MeCompareSchema,
  MeGroupQuerySchema,
  MeLearningQuerySchema,
  MeLearningSchema,
  MeProfileParamsSchema,
  MeProfileSchema,
  MeReturnBodySchema,
  MeSectionParamsSchema,
  MeSectionViewSchema,
  MeTransitionBodySchema,
  SaveMeSectionBodySchema,
} from '../../../shared';
import type { ServiceContext } from '../../service-context';
import type { Principal } from '../auth/permissions';
import { readScope } from '../visibility/scope';
import { compareProfiles } from './compare-service';
import type { GroupViewer } from './group';
import { learningOf } from './learning-service';
import { getProfile, profileHistory } from './service';
import { type MeTransition, saveSection, transitionSection } from './workflow-service';

const tags = ['me-profiles'];
const READ_ERRORS = { 400: E, 401: E, 403: E, 404: E };
const WRITE_ERRORS = { ...READ_ERRORS, 409: E };
const PUBLIC_ONLY =
  'Public layers only, whoever asks: approved content, else published content; countries the caller may not read are left out.';

const STEPS: { t: MeTransition; summary: string; reason: boolean }[] = [
  {
    t: 'submit',
    summary: 'Submit a section’s draft for approval (the country’s focal points)',
    reason: false,
  },
  {
    t: 'approve',
    summary: 'Approve a submitted section: its draft becomes the public national content (validators)',
    reason: false,
  },
  {
    t: 'return',
    summary: 'Return a submitted section to the focal points with a reason (validators)',
    reason: true,
  },
];

const viewerOf = (ctx: ServiceContext, p: Principal | null): GroupViewer => ({
  countries: readScope(ctx.policy, p).countries,
  viewer: p,
});

/** Country M&E system profiles: the eight steps of the Quadripartite's M&E guidance, challenges and lessons. */
export function meProfileRoutes(ctx: ServiceContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { config: { access: 'read' as const } };
    const write = { config: { access: 'write' as const } };
    r.get(
      '/api/countries/:iso3/me-profile',
      {
        ...read,
        schema: {
          tags,
          summary: 'A country’s M&E system profile: every section with its layers, and its plan’s indicators',
          description:
            'Drafts only for the country’s roles, facilitators and administrators; `can` says what the caller may do.',
          params: MeProfileParamsSchema,
          response: { 200: MeProfileSchema, ...READ_ERRORS },
        },
      },
      async (req) => getProfile(ctx, req.principal, req.params.iso3),
    );
    r.get(
      '/api/countries/:iso3/me-profile/history',
      {
        ...read,
        schema: {
          tags,
          summary: 'The profile’s history: saves, workflow steps and published loads, who, when, old → new',
          description: 'The country’s roles, facilitators and administrators.',
          params: MeProfileParamsSchema,
          response: { 200: AuditListSchema, ...READ_ERRORS },
        },
      },
      async (req) => profileHistory(ctx, req.principal, req.params.iso3),
    );
    r.put(
      '/api/countries/:iso3/me-profile/:section',
      {
        ...write,
        schema: {
          tags,
          summary: 'Save a section’s draft (the country’s focal points and administrators)',
          description:
            'Send the section’s version you read (0: never written); 409 with `current` when stale or submitted.',
          params: MeSectionParamsSchema,
          body: SaveMeSectionBodySchema,
          response: { 200: MeSectionViewSchema, ...WRITE_ERRORS },
        },
      },
      async (req) => saveSection(ctx, req.principal, req.params.iso3, req.params.section, req.body),
    );
    for (const s of STEPS) {
      r.post(
        `/api/countries/:iso3/me-profile/:section/${s.t}`,
        {
          ...write,
          schema: {
            tags,
            summary: s.summary,
            description: 'Send the section’s version you read (409 when stale or in the wrong state).',
            params: MeSectionParamsSchema,
            body: s.reason ? MeReturnBodySchema : MeTransitionBodySchema,
            response: { 200: MeSectionViewSchema, ...WRITE_ERRORS },
          },
        },
        async (req) =>
          transitionSection(ctx, req.principal, req.params.iso3, req.params.section, s.t, req.body),
      );
    }
    r.get(
      '/api/me-profiles/compare',
      {
        ...read,
        schema: {
          tags,
          summary:
            'M&E profiles side by side: the case study, then a group; TrACSS M&E questions; published implementation rates',
          description: PUBLIC_ONLY,
          querystring: MeGroupQuerySchema,
          response: { 200: MeCompareSchema, ...READ_ERRORS },
        },
      },
      async (req) =>
        compareProfiles(ctx.db, req.query, viewerOf(ctx, req.principal), ctx.now().getUTCFullYear()),
    );
    r.get(
      '/api/me-profiles/learning',
      {
        ...read,
        schema: {
          tags,
          summary: 'Challenges shared by a group’s countries (most shared first) and the lessons they offer',
          description: PUBLIC_ONLY,
          querystring: MeLearningQuerySchema,
          response: { 200: MeLearningSchema, ...READ_ERRORS },
        },
      },
      async (req) => learningOf(ctx.db, req.query, viewerOf(ctx, req.principal)),
    );
  };
}
