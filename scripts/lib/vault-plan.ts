/**
 * The shape of a generated vault, before any text is written: which notes
 * exist (title, path, tags, dates, role, length), and which links each
 * makes (vault-links.ts). Rendering the plan as Markdown is vault-render.ts;
 * the options are in vault-generator.ts.
 *
 * Roles, as in real vaults (see vault-generator.ts for the measured shape):
 *  - hub: a few vault-wide notes (inbox, people, ...) that many notes link to;
 *  - moc: the first note of each community, its map of content;
 *  - topic: a community member; communities have Pareto-distributed sizes;
 *  - daily: one note per day, named by its date, linking to that day's notes;
 *  - island: a member of a small component of 2 to 5 notes linked only among themselves;
 *  - orphan notes (any role but hub) link nowhere and nothing links them.
 */
import { createRandom, createZipf, paretoInt, shuffled, type Random } from './prng.js';
import { planLinks } from './vault-links.js';
import {
  AREAS, DAILY_TAG, GLOBAL_HUBS, MOC_WORDS, OBJECTS, QUALIFIERS, SUBFOLDERS, SUBJECTS, TAG_CHILDREN, TAG_ROOTS, VAULT_TAG, VERBS,
} from './vault-words.js';
import type { GeneratorOptions } from './vault-generator.js';

/** How a link to an existing note is written. */
export type LinkForm = 'title' | 'alias' | 'file' | 'display' | 'heading' | 'markdown';

export interface PlannedLink {
  /** Index of the target note, or -1 for a dangling target. */
  target: number;
  /** The dangling target's name (when target is -1). */
  missing?: string;
  form: LinkForm;
  /** Inline in the prose, in the linkage "related" list, both, or the frontmatter `up:`. */
  where: 'inline' | 'related' | 'both' | 'frontmatter';
}

export type NoteRole = 'hub' | 'moc' | 'topic' | 'daily' | 'island';
/** Stubs of a sentence or two, ordinary notes, and long essays. */
export type NoteLength = 'stub' | 'normal' | 'long';

export interface PlannedNote {
  index: number;
  /** Vault-relative POSIX path with extension; never derived from the title (daily notes aside: named by date). */
  path: string;
  title: string;
  aliases: string[];
  /** Vault-wide tag first, then the note's own tags (a topic's community tag first). */
  tags: string[];
  keywords: string[];
  created: string;
  updated: string;
  draft: boolean;
  hasDescription: boolean;
  noteId: string;
  orphan: boolean;
  role: NoteRole;
  length: NoteLength;
  /** Community (topic, moc) or island number; -1 for hubs and daily notes. */
  group: number;
  links: PlannedLink[];
}

export interface VaultPlan {
  notes: PlannedNote[];
}

const DAY_MS = 86_400_000;
const START = Date.UTC(2019, 0, 1);
/** Topic notes are created over this many days. */
const SPAN_DAYS = 3 * 365;
/** Share of linked (non-orphan) topic notes that sit in small islands instead of a community. */
const ISLAND_SHARE = 0.06;
/** Community sizes: Pareto from this minimum, so most communities are small and a few are large. */
const MIN_COMMUNITY = 6;

/** The tag pool: roots, with a nested tag after every second root, then `topic-N` past the vocabulary. */
export function tagPool(size: number): string[] {
  const children = TAG_ROOTS.filter((r) => TAG_CHILDREN[r]).flatMap((r) => TAG_CHILDREN[r].map((c) => `${r}/${c}`));
  const pool: string[] = [];
  let child = 0;
  for (let i = 0; pool.length < size && (i < TAG_ROOTS.length || child < children.length); i++) {
    if (i < TAG_ROOTS.length) pool.push(TAG_ROOTS[i]);
    if (i % 2 === 1 && child < children.length && pool.length < size) pool.push(children[child++]);
  }
  for (let n = 1; pool.length < size; n++) pool.push(`topic-${n}`);
  return pool.slice(0, size);
}

export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const slug = (s: string): string => s.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** A title not yet in `used` (lower case): `make()` retried, numbered once the combinations run low. */
function uniqueTitle(random: Random, used: Set<string>, make: () => string): string {
  let title = make();
  for (let attempt = 0; attempt < 20 && used.has(title); attempt++) title = make();
  for (let k = 2; used.has(title); k++) title = `${make()} ${k}`;
  used.add(title);
  return title;
}

const topicTitle = (random: Random) => (): string => {
  const base = `${random.pick(SUBJECTS)} ${random.pick(VERBS)} ${random.pick(OBJECTS)}`;
  return random.chance(0.5) ? `${base} ${random.pick(QUALIFIERS)}` : base;
};

/** A note's folder (one to three levels) and file name, both unlike its title. */
function makePath(random: Random, index: number, title: string, created: string): string {
  const depth = 1 + random.int(3);
  const parts = [random.pick(AREAS), created.slice(0, 4), random.pick(SUBFOLDERS)].slice(0, depth);
  const word = slug(title.split(' ')[0]);
  const ext = random.chance(0.1) ? '.txt' : '.md';
  return `${parts.join('/')}/${created.slice(5, 7)}${created.slice(8, 10)}-${word}-${index.toString(36)}${ext}`;
}

/** How many vault-wide hubs a vault of `n` notes has: 2 at 100 notes, 5 at 100,000. */
export function hubCount(n: number): number {
  return n < 20 ? 0 : Math.min(GLOBAL_HUBS.length, Math.max(1, Math.round(Math.log10(n))));
}

/** Roles and groups for every index: hubs first, then daily notes, then the rest (communities and islands). */
function assignRoles(random: Random, n: number, options: GeneratorOptions): { role: NoteRole[]; group: Int32Array; orphan: Uint8Array } {
  const hubs = hubCount(n);
  const daily = Math.min(n - hubs, Math.round(n * options.dailyRate));
  const role: NoteRole[] = new Array(n);
  const group = new Int32Array(n).fill(-1);
  const orphan = new Uint8Array(n);
  for (let i = 0; i < n; i++) role[i] = i < hubs ? 'hub' : i < hubs + daily ? 'daily' : 'topic';
  // Orphans: an exact share, drawn from every note but the hubs (stubs and empty daily notes, in real vaults).
  const orphanCount = Math.min(n - hubs, Math.round(n * options.orphanRate));
  const candidates = shuffled(random, Array.from({ length: n - hubs }, (_, k) => k + hubs));
  for (const i of candidates.slice(0, orphanCount)) orphan[i] = 1;
  // Linked topic notes: a few islands of 2 to 5, the rest in communities of Pareto sizes.
  const linked = shuffled(random, candidates.slice(orphanCount).filter((i) => role[i] === 'topic'));
  let next = 0;
  let islands = 0;
  const islandNotes = Math.round(linked.length * ISLAND_SHARE);
  while (next + 1 < islandNotes) {
    const size = Math.min(2 + random.int(4), islandNotes - next);
    for (let k = 0; k < size; k++) {
      role[linked[next]] = 'island';
      group[linked[next++]] = islands;
    }
    islands++;
  }
  const maxCommunity = Math.max(MIN_COMMUNITY, Math.round(n / 8));
  for (let community = 0; next < linked.length; community++) {
    const size = paretoInt(random, MIN_COMMUNITY, 1.3, maxCommunity);
    const members = linked.slice(next, next + size).sort((a, b) => a - b);
    next += members.length;
    members.forEach((i, k) => {
      role[i] = k === 0 ? 'moc' : 'topic';
      group[i] = community;
    });
  }
  // Orphaned topic notes get a community tag too, drawn below; their group stays -1.
  return { role, group, orphan };
}

/** Builds the whole plan; deterministic in `options`. */
export function planVault(options: GeneratorOptions): VaultPlan {
  const random = createRandom(options.seed);
  const n = options.notes;
  const pool = tagPool(options.tags);
  const drawTag = createZipf(pool.length, 1.1);
  const { role, group, orphan } = assignRoles(random, n, options);
  const communityTag = new Map<number, string>();
  const used = new Set<string>();
  const dailyTotal = role.filter((r) => r === 'daily').length;
  const dailySpan = Math.max(SPAN_DAYS, dailyTotal);
  let dailySeen = 0;

  const notes: PlannedNote[] = role.map((r, index) => {
    let title: string;
    let createdMs: number;
    let path: string;
    const own = new Set<string>();
    if (r === 'daily') {
      // Consecutive-ish days ending with the topic notes' span, so links from a day's notes find their day.
      createdMs = START + (SPAN_DAYS - dailySpan + Math.floor((dailySeen++ * dailySpan) / Math.max(1, dailyTotal))) * DAY_MS;
      title = isoDate(createdMs);
      used.add(title);
      path = `journal/daily/${title.slice(0, 4)}/${title}.md`;
      own.add(DAILY_TAG);
    } else {
      createdMs = START + random.int(SPAN_DAYS) * DAY_MS;
      if (r === 'hub') title = uniqueTitle(random, used, () => GLOBAL_HUBS[index]);
      else if (r === 'moc') title = uniqueTitle(random, used, () => `${random.pick(SUBJECTS)} ${random.pick(MOC_WORDS)}`);
      else title = uniqueTitle(random, used, topicTitle(random));
      path = makePath(random, index, title, isoDate(createdMs));
      if ((r === 'moc' || r === 'topic') && group[index] >= 0) {
        if (!communityTag.has(group[index])) communityTag.set(group[index], pool[drawTag(random)]);
        own.add(communityTag.get(group[index])!);
      }
      const wanted = 1 + random.int(3);
      for (let i = 0; i < wanted * 3 && own.size < wanted; i++) own.add(pool[drawTag(random)]);
    }
    const created = isoDate(createdMs);
    const words = title.split(' ');
    const x = random.next();
    return {
      index,
      path,
      title,
      aliases: r !== 'daily' && random.chance(0.1) ? [`${words.map((w) => w[0]).join('').toUpperCase()}-${index.toString(36)}`] : [],
      tags: [VAULT_TAG, ...own],
      keywords: [...new Set([words[0], words[words.length - 1], ...[...own].map((t) => t.split('/').pop() ?? t)])].slice(0, 4),
      created,
      updated: isoDate(createdMs + random.int(200) * DAY_MS),
      draft: random.chance(0.04),
      hasDescription: r !== 'daily' && random.chance(0.7),
      noteId: `${created.slice(2, 4)}${created.slice(5, 7)}${created.slice(8, 10)}TJ${(index % 100).toString().padStart(2, '0')}`,
      orphan: orphan[index] === 1,
      role: r,
      // Hubs and maps of content are long lists; daily notes short; the rest from stubs to essays.
      length: r === 'hub' || r === 'moc' ? 'long' : r === 'daily' ? (x < 0.6 ? 'stub' : 'normal') : x < 0.25 ? 'stub' : x < 0.85 ? 'normal' : 'long',
      group: group[index],
      links: [],
    };
  });
  planLinks(random, notes, options);
  return { notes };
}
