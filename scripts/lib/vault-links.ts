/**
 * The links of a planned vault (vault-plan.ts decides the notes and their
 * roles): out-degrees follow a power law; targets come by preferential
 * attachment (an urn holds each note once plus once per link it received),
 * mostly from the source's own community; a share of first links goes to the
 * community's map of content or to a vault-wide hub; daily notes link the
 * notes written that day, and some notes link back to their day; islands
 * link only among themselves; a share of links names notes that do not
 * exist (some of them typos of real titles). Orphans link nowhere and are
 * never a target.
 */
import { posix } from 'node:path';
import { createZipf, paretoInt, type Random } from './prng.js';
import { OBJECTS, SUBJECTS, VERBS } from './vault-words.js';
import type { GeneratorOptions } from './vault-generator.js';
import type { LinkForm, PlannedLink, PlannedNote } from './vault-plan.js';

const MAX_OUT_DEGREE = 60;
/** Power-law exponent of out-degrees: about 3 links a note on average, a tail up to the cap. */
const OUT_DEGREE_ALPHA = 1.2;
/** Share of links drawn from the source's own community rather than from the whole vault. */
const COMMUNITY_AFFINITY = 0.8;
/** Share of first links that go to the community's map of content. */
const MOC_SHARE = 0.3;
/** Share of first links that go to a vault-wide hub (Zipf over the hubs: the first collects most). */
const HUB_SHARE = 0.2;
/** Share of later links that go to the daily note of the source's creation date. */
const DAILY_LINK_SHARE = 0.05;

/**
 * Names that are no note's title, alias or file name: mostly new phrases (a
 * note planned but never written), and a fifth typos of real titles (the
 * "did you mean" case). Typos go last so the Zipf draw makes them rare, as
 * in real vaults, and the most referenced missing note is a planned one.
 */
function makeMissing(random: Random, count: number, titles: readonly string[], taken: Set<string>): string[] {
  const phrases: string[] = [];
  const typos: string[] = [];
  for (let guard = 0; phrases.length + typos.length < count && guard < count * 50; guard++) {
    const typo = random.chance(0.2) && titles.length > 0;
    let name: string;
    if (typo) {
      // Swap two adjacent letters of a real title.
      const t = random.pick(titles);
      const i = 1 + random.int(Math.max(1, t.length - 3));
      name = t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2);
    } else {
      name = `${random.pick(SUBJECTS)} ${random.pick(VERBS)} ${random.pick(OBJECTS)} notes`;
    }
    if (name.includes('  ') || name.trim() !== name || taken.has(name.toLowerCase())) continue;
    taken.add(name.toLowerCase());
    (typo ? typos : phrases).push(name);
  }
  return [...phrases, ...typos];
}

function pickForm(random: Random, target: PlannedNote): LinkForm {
  if (target.role === 'daily') return 'title';
  const x = random.next();
  if (x < 0.06 && target.aliases.length > 0) return 'alias';
  if (x < 0.1) return 'file';
  if (x < 0.14) return 'display';
  if (x < 0.17) return 'heading';
  if (x < 0.2) return 'markdown';
  return 'title';
}

function pickWhere(random: Random, slot: number): PlannedLink['where'] {
  if (slot === 0 && random.chance(0.05)) return 'frontmatter';
  const x = random.next();
  return x < 0.6 ? 'inline' : x < 0.85 ? 'related' : 'both';
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** How many links `note` makes (before dangling ones are chosen). */
function outDegree(random: Random, note: PlannedNote, groupSize: number): number {
  switch (note.role) {
    case 'hub':
      return paretoInt(random, 3, OUT_DEGREE_ALPHA, 30);
    case 'moc':
      return Math.min(groupSize - 1, 5 + random.int(36));
    case 'island':
      return groupSize > 1 ? 1 + (random.chance(0.3) ? 1 : 0) : 0;
    case 'daily':
      return 1 + random.int(4);
    default:
      return paretoInt(random, 1, OUT_DEGREE_ALPHA, MAX_OUT_DEGREE);
  }
}

/** Fills every note's `links`; deterministic in `random`'s state. */
export function planLinks(random: Random, notes: PlannedNote[], options: GeneratorOptions): void {
  const linked = notes.filter((note) => !note.orphan);
  const communities = new Map<number, number[]>();
  const islands = new Map<number, number[]>();
  const topicsByDate = new Map<string, number[]>();
  const dailyByDate = new Map<string, number>();
  const hubs: number[] = [];
  for (const note of linked) {
    if (note.role === 'hub') hubs.push(note.index);
    else if (note.role === 'daily') dailyByDate.set(note.created, note.index);
    else if (note.role === 'island') push(islands, note.group, note.index);
    else {
      push(communities, note.group, note.index);
      push(topicsByDate, note.created, note.index);
    }
  }
  const groupSize = (note: PlannedNote): number =>
    (note.role === 'island' ? islands : communities).get(note.group)?.length ?? 0;
  const degrees = notes.map((note) => (note.orphan ? 0 : outDegree(random, note, groupSize(note))));

  // Dangling links: an exact expected share of all links, taken from topic and daily notes' later slots.
  let total = 0;
  let later = 0;
  notes.forEach((note, i) => {
    total += degrees[i];
    if (note.role === 'topic' || note.role === 'daily') later += Math.max(0, degrees[i] - 1);
  });
  const danglingP = later > 0 ? Math.min(1, (options.danglingRate * total) / later) : 0;
  const taken = new Set<string>();
  for (const note of notes) {
    taken.add(note.title.toLowerCase());
    taken.add(posix.basename(note.path).replace(/\.[^.]+$/, '').toLowerCase());
    for (const a of note.aliases) taken.add(a.toLowerCase());
  }
  const missing = makeMissing(random, Math.max(1, Math.round((options.danglingRate * total) / 2.5)), notes.map((n) => n.title), taken);
  const drawMissing = createZipf(Math.max(1, missing.length), 1.0);
  const drawHub = createZipf(Math.max(1, hubs.length), 1.0);
  const mocs = [...communities.values()].map((members) => members[0]);

  // Urns for preferential attachment: community notes only (islands and orphans are never drawn).
  const urn: number[] = [...communities.values()].flat();
  const communityUrns = new Map([...communities].map(([g, members]) => [g, members.slice()]));

  for (const note of linked) {
    const i = note.index;
    const seen = new Set<number>();
    const seenMissing = new Set<string>();
    const link = (target: number, slot: number): void => {
      if (target === i || target < 0 || seen.has(target)) return;
      seen.add(target);
      const t = notes[target];
      if (t.role === 'topic' || t.role === 'moc') {
        urn.push(target);
        communityUrns.get(t.group)?.push(target);
      }
      note.links.push({ target, form: pickForm(random, t), where: pickWhere(random, slot) });
    };
    const ownUrn = communityUrns.get(note.group);
    const members = (note.role === 'island' ? islands : communities).get(note.group) ?? [];
    for (let s = 0; s < degrees[i]; s++) {
      if ((note.role === 'topic' || note.role === 'daily') && s > 0 && missing.length > 0 && random.chance(danglingP)) {
        const name = missing[drawMissing(random)];
        if (seenMissing.has(name)) continue;
        seenMissing.add(name);
        note.links.push({ target: -1, missing: name, form: 'title', where: random.chance(0.7) ? 'inline' : 'related' });
        continue;
      }
      switch (note.role) {
        case 'island': {
          // A chain through the island (s = 0), sometimes one more link inside it.
          const at = members.indexOf(i);
          link(s === 0 ? members[(at + 1) % members.length] : random.pick(members), s);
          break;
        }
        case 'moc':
          link(members[1 + random.int(members.length - 1)], s);
          break;
        case 'hub':
          if (mocs.length > 0) link(random.pick(mocs), s);
          break;
        case 'daily': {
          const that = topicsByDate.get(note.created);
          link(that && random.chance(0.7) ? random.pick(that) : urn.length ? urn[random.int(urn.length)] : -1, s);
          break;
        }
        default: {
          const x = random.next();
          if (s === 0 && x < MOC_SHARE && members.length > 0) link(members[0], s);
          else if (s === 0 && x < MOC_SHARE + HUB_SHARE && hubs.length > 0) link(hubs[drawHub(random)], s);
          else if (s > 0 && x < DAILY_LINK_SHARE && dailyByDate.has(note.created)) link(dailyByDate.get(note.created)!, s);
          else if (urn.length > 0) {
            const from = ownUrn && ownUrn.length > 1 && random.chance(COMMUNITY_AFFINITY) ? ownUrn : urn;
            let target = from[random.int(from.length)];
            for (let t = 0; t < 10 && (target === i || seen.has(target)); t++) target = urn[random.int(urn.length)];
            link(target, s);
          }
        }
      }
    }
  }
  linkStragglers(random, notes, urn, hubs);
}

/**
 * A linked note can end up with no link either way (its draws all hit itself
 * or a repeat, or it is the only member of a tiny community): link it to a
 * community note or a hub, so that exactly the planned notes are orphans.
 */
function linkStragglers(random: Random, notes: PlannedNote[], urn: readonly number[], hubs: readonly number[]): void {
  const hasIn = new Uint8Array(notes.length);
  for (const note of notes) for (const l of note.links) if (l.target >= 0) hasIn[l.target] = 1;
  for (const note of notes) {
    if (note.orphan || hasIn[note.index] || note.links.some((l) => l.target >= 0)) continue;
    const pool = urn.length > 0 ? urn : hubs;
    let target = pool.length > 0 ? pool[random.int(pool.length)] : -1;
    if (target === note.index) target = notes.find((n) => !n.orphan && n.index !== note.index && n.role !== 'island')?.index ?? -1;
    if (target < 0) continue;
    note.links.push({ target, form: 'title', where: 'inline' });
    hasIn[target] = 1;
  }
}
