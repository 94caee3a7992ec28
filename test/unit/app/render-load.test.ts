import { describe, expect, it } from 'vitest';
import { GraphLoadError, graphFromJson, loadGraph } from '../../../src/app/load-graph.js';
import { SCHEMA_VERSION } from '../../../src/core/contract.js';
import { runPipeline } from '../../../src/extract/pipeline.js';
import { serializeGraph } from '../../../src/extract/write.js';
import { sampleGraph } from './graph-fixture.js';

function exported(version: number | null) {
  const g = sampleGraph();
  if (version !== null) g.setAttribute('schemaVersion', version);
  return JSON.parse(JSON.stringify(g.export()));
}

const fakeFetch = (status: number, body: string): typeof fetch =>
  (async () => new Response(body, { status })) as typeof fetch;

describe('graphFromJson', () => {
  it('loads an exported graph of the current schema', () => {
    const g = graphFromJson(exported(SCHEMA_VERSION));
    expect(g.order).toBe(sampleGraph().order);
    expect(g.getNodeAttribute('a.md', 'kind')).toBe('note');
  });

  it.each([
    [null, 'invalid'],
    [{ foo: 1 }, 'invalid'],
    [exported(SCHEMA_VERSION + 1), 'version'],
    [exported(null), 'version'],
  ])('refuses %#', (json, problem) => {
    try {
      graphFromJson(json);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GraphLoadError);
      expect((error as GraphLoadError).problem).toBe(problem);
      expect((error as GraphLoadError).message).toContain('npm run graph');
    }
  });
});

describe('loadGraph', () => {
  it('says which command to run when graph.json is missing', async () => {
    await expect(loadGraph('./graph.json', fakeFetch(404, 'not found'))).rejects.toMatchObject({ problem: 'missing', command: 'npm run graph' });
    await expect(loadGraph('./graph.json', fakeFetch(404, ''))).rejects.toThrow(/npm start/);
  });

  it('refuses a file that is not JSON', async () => {
    await expect(loadGraph('./graph.json', fakeFetch(200, '<html>'))).rejects.toMatchObject({ problem: 'invalid' });
  });

  it('loads what the build writes for the sample vault, with a position for every node', async () => {
    const { graph } = await runPipeline('data/vault', { builtAt: '2020-01-01T00:00:00.000Z' });
    const g = await loadGraph('./graph.json', fakeFetch(200, serializeGraph(graph).join('')));
    expect(g.order).toBe(graph.order);
    expect(g.size).toBe(graph.size);
    g.forEachNode((_k, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
    });
  });
});
