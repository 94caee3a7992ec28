/**
 * The shape of a generated vault, before any text is written: which notes
 * exist (title, path, tags, dates), which are orphans, and which links each
 * note makes (to a note, or to a target that does not exist). Rendering the
 * plan as Markdown is vault-render.ts; the options are in vault-generator.ts.
 */
import { posix } from 'node:path';
import { createRandom, createZipf, paretoInt, shuffled, type Random } from './prng.js';
import { AREAS, OBJECTS, SUBFOLDERS, SUBJECTS, TAG_CHILDREN, TAG_ROOTS, VAULT_TAG, VERBS } from './vault-words.js';
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

export interface PlannedNote {
  index: number;
  /** Vault-relative POSIX path with extension; never derived from the title. */
  path: string;
  title: string;
  aliases: string[];
  /** Vault-wide tag first, then the note's own tags. */
  tags: string[];
  keywords: string[];
  created: string;
  updated: string;
  draft: boolean;
  hasDescription: boolean;
  noteId: string;
  orphan: boolean;
  links: PlannedLink[];
}

export interface VaultPlan {
  notes: PlannedNote[];
}

const DAY_MS = 86_400_000;
const START = Date.UTC(2019, 0, 1);
const MAX_OUT_DEGREE = 60;
/** Power-law exponent of out-degrees: about 3.5 links a note on average, a tail up to the cap. */
const OUT_DEGREE_ALPHA = 1.2;
/** Share of links drawn from the source's own main topic rather than from the whole vault. */
const TOPIC_AFFINITY = 0.75;
/** Share of first links that go to the topic's hub note (its map of content). */
const HUB_SHARE = 0.25;

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

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const slug = (s: string): string => s.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Unique titles: subject + verb + object, retried on collision, numbered once the combinations run low. */
function makeTitles(random: Random, n: number): string[] {
  const used = new Set<string>();
  const titles: string[] = [];
  for (let i = 0; i < n; i++) {
    let title = '';
    for (let attempt = 0; attempt < 20 && (title === '' || used.has(title)); attempt++) {
      title = `${random.pick(SUBJECTS)} ${random.pick(VERBS)} ${random.pick(OBJECTS)}`;
    }
    if (used.has(title)) title = `${title} ${i}`;
    used.add(title);
    titles.push(title);
  }
  return titles;
}

/** A note's folder (one to three levels) and file name, both unlike its title. */
function makePath(random: Random, index: number, title: string, created: string): string {
  const depth = 1 + random.int(3);
  const parts = [random.pick(AREAS), created.slice(0, 4), random.pick(SUBFOLDERS)].slice(0, depth);
  const word = slug(title.split(' ')[0]);
  const ext = random.chance(0.1) ? '.txt' : '.md';
  return `${parts.join('/')}/${created.slice(5, 7)}${created.slice(8, 10)}-${word}-${index.toString(36)}${ext}`;
}

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

/** Builds the whole plan; deterministic in `options`. */
export function planVault(options: GeneratorOptions): VaultPlan {
  const random = createRandom(options.seed);
  const n = options.notes;
  const titles = makeTitles(random, n);
  const pool = tagPool(options.tags);
  const drawTag = createZipf(pool.length, 1.1);

  const notes: PlannedNote[] = titles.map((title, index) => {
    const createdMs = START + random.int(3 * 365) * DAY_MS;
    const created = isoDate(createdMs);
    const own = new Set<string>();
    const wanted = 1 + random.int(3);
    for (let i = 0; i < wanted * 3 && own.size < wanted; i++) own.add(pool[drawTag(random)]);
    const words = title.split(' ');
    return {
      index,
      path: makePath(random, index, title, created),
      title,
      aliases: random.chance(0.1) ? [`${words.map((w) => w[0]).join('').toUpperCase()}-${index.toString(36)}`] : [],
      tags: [VAULT_TAG, ...own],
      keywords: [...new Set([words[0], words[words.length - 1], ...[...own].map((t) => t.split('/').pop() ?? t)])].slice(0, 4),
      created,
      updated: isoDate(createdMs + random.int(200) * DAY_MS),
      draft: random.chance(0.04),
      hasDescription: random.chance(0.85),
      noteId: `${created.slice(2, 4)}${created.slice(5, 7)}${created.slice(8, 10)}TJ${(index % 100).toString().padStart(2, '0')}`,
      orphan: false,
      links: [],
    };
  });

  // Orphans: an exact share, chosen at random; they link nowhere and nothing links them.
  const orphanCount = Math.round(n * options.orphanRate);
  for (const i of shuffled(random, notes.map((note) => note.index)).slice(0, orphanCount)) notes[i].orphan = true;
  const linkable = notes.filter((note) => !note.orphan).map((note) => note.index);
  if (linkable.length < 2) return { notes };

  // Out-degrees follow a power law; slot 0 of every note is a real link so no linkable note ends up an orphan.
  const degrees = new Map<number, number>();
  for (const i of linkable) degrees.set(i, Math.min(paretoInt(random, 1, OUT_DEGREE_ALPHA, MAX_OUT_DEGREE), linkable.length - 1));
  const laterSlots: string[] = [];
  let totalSlots = 0;
  for (const [i, d] of degrees) {
    totalSlots += d;
    for (let s = 1; s < d; s++) laterSlots.push(`${i}:${s}`);
  }
  const danglingCount = Math.min(laterSlots.length, Math.round(totalSlots * options.danglingRate));
  const danglingSlots = new Set(shuffled(random, laterSlots).slice(0, danglingCount));

  const taken = new Set<string>();
  for (const note of notes) {
    taken.add(note.title.toLowerCase());
    taken.add(posix.basename(note.path).replace(/\.[^.]+$/, '').toLowerCase());
    for (const a of note.aliases) taken.add(a.toLowerCase());
  }
  const missing = makeMissing(random, Math.max(1, Math.round(danglingCount / 2.5)), titles, taken);
  const drawMissing = createZipf(Math.max(1, missing.length), 1.0);

  // Preferential attachment: an urn holds each linkable note once plus once per link it received, so a
  // uniform draw favours the already popular (a power-law in-degree). Notes mostly link within their main
  // topic (one urn per main tag), which gives the map clusters that tag colours and communities can show.
  const urn: number[] = linkable.slice();
  const topicUrns = new Map<string, number[]>();
  for (const i of linkable) {
    const topic = mainTag(notes[i]);
    if (!topicUrns.has(topic)) topicUrns.set(topic, []);
    topicUrns.get(topic)!.push(i);
  }
  for (const i of shuffled(random, linkable)) {
    const source = notes[i];
    const ownUrn = topicUrns.get(mainTag(source))!;
    const seen = new Set<string>();
    for (let s = 0; s < (degrees.get(i) ?? 0); s++) {
      if (danglingSlots.has(`${i}:${s}`) && missing.length > 0) {
        let name = missing[drawMissing(random)];
        for (let t = 0; t < 10 && seen.has(name); t++) name = missing[drawMissing(random)];
        if (seen.has(name)) continue;
        seen.add(name);
        source.links.push({ target: -1, missing: name, form: 'title', where: random.chance(0.7) ? 'inline' : 'related' });
        continue;
      }
      const from = ownUrn.length > 1 && random.chance(TOPIC_AFFINITY) ? ownUrn : urn;
      // A topic's first note acts as its map of content: many notes' first link goes there.
      let target = s === 0 && random.chance(HUB_SHARE) ? ownUrn[0] : from[random.int(from.length)];
      for (let t = 0; t < 10 && (target === i || seen.has(String(target))); t++) target = random.pick(linkable);
      if (target === i || seen.has(String(target))) continue;
      seen.add(String(target));
      urn.push(target);
      topicUrns.get(mainTag(notes[target]))!.push(target);
      source.links.push({ target, form: pickForm(random, notes[target]), where: pickWhere(random, s) });
    }
  }
  return { notes };
}

/** A note's main tag: its first own tag (after the vault-wide one). */
const mainTag = (note: PlannedNote): string => note.tags[1] ?? '';

function pickForm(random: Random, target: PlannedNote): LinkForm {
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
