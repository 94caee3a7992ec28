/**
 * Deterministic made-up note titles for the suggestion index's speed test:
 * 2 to 6 English words, picked with a skew (a few words are common, most are
 * rare, as in real titles) by a seeded LCG, so every run sees the same names.
 */

const WORDS = `
the of and to in for on with how why what notes from about review guide meeting daily weekly project plan idea
design system data graph network model learning reading book article paper summary draft journal log list index
security privacy encryption remote work team product market growth strategy research experiment result analysis
report writing editing history theory practice method process tool software hardware code programming language
python rust typescript javascript database query search engine index cache memory storage cloud server client api
interface user experience feedback interview survey customer sales revenue budget finance investment tax travel
trip city country europe asia america london paris berlin tokyo garden kitchen recipe coffee tea bread health
sleep exercise running cycling music album song film movie series season episode character story novel poem essay
philosophy ethics politics economics science physics chemistry biology mathematics statistics probability algebra
geometry calculus logic argument decision habit goal review retrospective quarter annual monthly morning evening
weekend holiday birthday family friend people person company startup founder investor board hiring onboarding
culture values mission vision roadmap milestone release launch bug issue fix patch version update migration backup
recovery incident outage postmortem monitoring alert metric dashboard chart visualization map layout color font
typography print photo camera lens light sound voice podcast video stream channel newsletter blog post thread
question answer problem solution pattern principle rule law policy contract agreement license open source community
`.split(/\s+/).filter(Boolean);

/** `count` titles from `seed`; different seeds give mostly different titles. */
export function syntheticNames(count: number, seed: number): string[] {
  let state = seed >>> 0;
  const rand = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  // rand()^2 skews the pick towards the first (most common) words.
  const word = (): string => WORDS[Math.floor(rand() * rand() * WORDS.length)];
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 2 + Math.floor(rand() * 5);
    const words: string[] = [];
    for (let j = 0; j < n; j++) words.push(word());
    names.push(words.join(' ') + (rand() < 0.3 ? ` ${2000 + Math.floor(rand() * 26)}` : ''));
  }
  return names;
}
