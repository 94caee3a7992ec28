/**
 * The search index: notes are found by title prefix, with a typo, by alias,
 * by tag and by file name; dangling targets and attachments are not notes.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import type { EdgeAttributes, GraphAttributes, NodeAttributes, NoteNodeAttributes } from '../../../src/core/contract.js';
import { buildSearchIndex } from '../../../src/app/panels/search.js';
import type { AppContext } from '../../../src/app/state/types.js';

function note(path: string, title: string, extra: Partial<NoteNodeAttributes> = {}): NoteNodeAttributes {
  return {
    kind: 'note', dangling: false, path, title, tags: [], aliases: [], summary: '', created: null, updated: null,
    draft: false, words: 0, orphan: false, pagerank: 0, community: 0, component: 0, inDegree: 0, outDegree: 0, x: 0, y: 0, ...extra,
  };
}

const graph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: 'directed' });
graph.addNode('topics/zero-trust.md', note('topics/zero-trust.md', 'zero trust networking', { tags: ['security/network'], aliases: ['beyondcorp'] }));
graph.addNode('journal/2020/04-zoom.md', note('journal/2020/04-zoom.md', 'zoom security meltdown', { tags: ['remote-work'] }));
graph.addNode('000_baa10c55511241ba.txt', note('000_baa10c55511241ba.txt', 'zoom rolls out end to end encryption'));
graph.addNode('?zero day', { kind: 'dangling', dangling: true, title: 'zero day', suggestion: null, inDegree: 1, outDegree: 0, x: 0, y: 0 });
graph.addNode('@zoom.png', { kind: 'attachment', dangling: false, title: 'zoom.png', path: 'zoom.png', inDegree: 1, outDegree: 0, x: 0, y: 0 });

const index = buildSearchIndex({ graph } as unknown as AppContext);
const ids = (query: string): string[] => index.search(query).map((r) => String(r.id));

describe('buildSearchIndex', () => {
  it.each([
    ['zero tr', ['topics/zero-trust.md']], // prefix
    ['netwrking', ['topics/zero-trust.md']], // typo
    ['beyondcorp', ['topics/zero-trust.md']], // alias
    ['remote-work', ['journal/2020/04-zoom.md']], // tag
    ['network', ['topics/zero-trust.md']], // nested tag level and title
    ['000_baa10c55511241ba', ['000_baa10c55511241ba.txt']], // file name
  ])('%s -> %j', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('ranks title matches first and skips dangling targets and attachments', () => {
    const found = ids('zoom');
    expect(found).toHaveLength(2);
    expect(found).not.toContain('@zoom.png');
    expect(ids('zero')).toEqual(['topics/zero-trust.md']);
  });
});
