import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { countries, peerGroupMembers, peerGroups } from '../schema';

/**
 * The shared group the first start creates: Jordan (the reference case study) and its
 * Eastern Mediterranean neighbours. Seeded only while no shared group exists, so a deployment
 * that deleted or replaced it does not get it back on the next start.
 */
export const JORDAN_PEERS = {
  name: 'Jordan and its peers',
  description:
    'Jordan, the reference case study, with its Eastern Mediterranean neighbours: Lebanon, Syria, Iraq, ' +
    'Egypt, Saudi Arabia and Palestine (seeded on first start; facilitators may change or delete it).',
  members: ['JOR', 'LBN', 'SYR', 'IRQ', 'EGY', 'SAU', 'PSE'],
} as const;

export async function seedPeerGroups(db: DbOrTx): Promise<void> {
  const shared = await db
    .select({ id: peerGroups.id })
    .from(peerGroups)
    .where(eq(peerGroups.visibility, 'shared'))
    .limit(1);
  if (shared.length > 0) return;
  const known = new Set((await db.select({ iso3: countries.iso3 }).from(countries)).map((c) => c.iso3));
  const members = JORDAN_PEERS.members.filter((c) => known.has(c));
  if (members.length === 0) return;
  const [g] = await db
    .insert(peerGroups)
    .values({
      name: JORDAN_PEERS.name,
      description: JORDAN_PEERS.description,
      visibility: 'shared',
      ownerId: null,
    })
    .returning({ id: peerGroups.id });
  if (g)
    await db.insert(peerGroupMembers).values(members.map((countryIso3) => ({ groupId: g.id, countryIso3 })));
}
