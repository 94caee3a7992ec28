/**
 * Vocabulary for generated vaults: the tech-journal theme of the sample
 * vault, so a generated map reads like a real one. Titles are built as
 * subject + verb + object (36 x 30 x 40 = 43,200 distinct combinations).
 */

export const SUBJECTS: readonly string[] = [
  'kernel', 'browser', 'database', 'compiler', 'router', 'firmware', 'scheduler', 'cache',
  'container', 'hypervisor', 'password manager', 'build system', 'package registry', 'load balancer',
  'language model', 'chip', 'laptop', 'data centre', 'vpn', 'messenger', 'search engine', 'phone',
  'operating system', 'cloud region', 'cdn', 'video client', 'identity provider', 'ci pipeline',
  'storage array', 'smart speaker', 'game engine', 'payment api', 'dns resolver', 'editor',
  'terminal', 'satellite link',
];

export const VERBS: readonly string[] = [
  'rewrites', 'breaks', 'ships', 'delays', 'leaks', 'doubles', 'drops', 'forks', 'patches',
  'deprecates', 'hardens', 'slows', 'speeds up', 'replaces', 'absorbs', 'exposes', 'encrypts',
  'rethinks', 'outgrows', 'survives', 'abandons', 'audits', 'open sources', 'relicenses',
  'migrates', 'standardizes', 'splits', 'rebuilds', 'throttles', 'sandboxes',
];

export const OBJECTS: readonly string[] = [
  'its scheduler', 'memory safety', 'the plugin model', 'user tokens', 'telemetry', 'arm support',
  'the release cycle', 'key rotation', 'offline mode', 'its licence', 'the free tier', 'tls defaults',
  'legacy drivers', 'the sync protocol', 'audit logs', 'its update channel', 'rate limits',
  'container images', 'the config format', 'passkeys', 'cold storage', 'error budgets',
  'its test suite', 'regional failover', 'the query planner', 'video codecs', 'battery life',
  'binary size', 'the shell', 'its bug bounty', 'dependency pinning', 'the scheduler api',
  'metadata', 'remote access', 'code review', 'on-call rotations', 'backups', 'search ranking',
  'cookie consent', 'open standards',
];

/** Main tag names, most common first when the pool is drawn with a skew. */
export const TAG_ROOTS: readonly string[] = [
  'security', 'cloud', 'open-source', 'remote-work', 'cryptography', 'hardware', 'ai', 'policy',
  'networking', 'databases', 'privacy', 'devtools', 'mobile', 'infrastructure', 'video-calls', 'web',
];

/** Second levels for nested tags (`security/e2ee`, `cloud/aws`). */
export const TAG_CHILDREN: Readonly<Record<string, readonly string[]>> = {
  security: ['e2ee', 'ransomware', 'supply-chain', 'breach'],
  cloud: ['aws', 'azure', 'gcp', 'outage'],
  'open-source': ['licensing', 'maintainers'],
  cryptography: ['post-quantum', 'keys'],
  hardware: ['chips', 'arm'],
  ai: ['llm', 'vision'],
  policy: ['antitrust', 'privacy-law'],
};

/** The vault-wide tag (on every generated note, as in the sample vault). */
export const VAULT_TAG = 'tech-journal';

/** Top-level and second-level folder names. */
export const AREAS: readonly string[] = ['journal', 'topics', 'projects', 'inbox', 'reading'];
export const SUBFOLDERS: readonly string[] = ['notes', 'drafts', 'archive', 'people', 'meetings', 'ideas', 'log'];

/** Prose fragments: sentences that wrap a link or stand alone. `{}` is the link. */
export const LINK_SENTENCES: readonly string[] = [
  'This follows directly from {}.',
  'The background is in {}, which I wrote at the time.',
  'Compare it with {}: the same pattern, a different vendor.',
  'It also changes how I read {}.',
  'The closest precedent is {}.',
  'Several readers pointed me to {} for context.',
  'Nobody expected the link with {} to matter this much.',
  'See {} for the part of the story that came first.',
];

export const FILLER_SENTENCES: readonly string[] = [
  'The announcement was short on detail and long on confidence.',
  'Early benchmarks look good, but benchmarks always look good in week one.',
  'Customers will notice the change in their bills before they notice it in their dashboards.',
  'Most teams will not need to do anything, which is exactly why some of them will be surprised.',
  'The migration guide is honest about what breaks, a welcome change.',
  'Security researchers had warned about this design for at least two years.',
  'The open question is who maintains the old path while everyone moves.',
  'Defaults decide outcomes more than features do.',
  'It is a small change in code and a large change in who is responsible.',
  'Regulators have started asking the questions engineers asked last year.',
  'The community response was fast, loud and mostly right.',
  'I would wait one release before adopting it in production.',
  'Documentation lagged the release by a few weeks, as usual.',
  'The cost moves from the vendor to the user, quietly.',
];

export const HEADINGS: readonly string[] = ['scene cut', 'signal braid', 'risk surface', 'my take'];

export const QUESTIONS: readonly string[] = [
  'Will this still matter in two years?',
  'Who pays for the maintenance of the old path?',
  'What would change my mind about this?',
  'Which of our systems depend on this without saying so?',
  'Is the default the right one for most users?',
];

/** Optional last words of a topic title: with them, titles reach 43,200 x 13 distinct combinations. */
export const QUALIFIERS: readonly string[] = [
  'again', 'in europe', 'for enterprises', 'quietly', 'after the outage', 'at last', 'for good',
  'under pressure', 'in beta', 'for students', 'overnight', 'on mobile',
];

/** Second words of a community's map-of-content title (`kernel overview`). */
export const MOC_WORDS: readonly string[] = ['overview', 'index', 'reading list', 'timeline', 'map', 'open questions', 'hub'];

/** Vault-wide hub notes (index, inbox): a few of them collect thousands of backlinks in a large vault. */
export const GLOBAL_HUBS: readonly string[] = ['inbox', 'reading queue', 'people', 'weekly review', 'ideas backlog', 'projects index'];

/** The tag on daily notes (besides the vault-wide one). */
export const DAILY_TAG = 'daily';

/** Bullets of a daily note; `{}` is a link. */
export const DAILY_LINES: readonly string[] = [
  'Read up on {}.',
  'Meeting notes went into {}.',
  'Started drafting {}.',
  'Came back to {} after lunch.',
  'Follow up on {} tomorrow.',
];
