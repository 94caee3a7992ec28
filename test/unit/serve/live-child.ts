/**
 * A live session in a process of its own, for tests that need file modes to
 * apply (run as `nobody` when the tests run as root): `live-child.ts <vault>
 * <cache> <note>` prints "ready", then one JSON line per hub message with
 * whether <note> is on the map and its title. Ends when stdin closes.
 */
import { createLiveHub } from '../../../src/serve/live-hub.js';
import { startLiveSession } from '../../../src/serve/live-session.js';

const [vault, cacheFile, note] = process.argv.slice(2);
const hub = createLiveHub();
const session = await startLiveSession({ vault, cacheFile, out: null, hub, ticks: 0 });
hub.subscribe((m) => {
  const graph = session.builder.core.graph!;
  const title = graph.hasNode(note) ? graph.getNodeAttribute(note, 'title') : null;
  console.log(JSON.stringify({ seq: m.seq, notes: m.notes, errors: m.errors, removed: m.diff?.removedNodes ?? [], title }));
});
console.log('ready');
process.stdin.resume();
process.stdin.on('end', () => void session.close().then(() => process.exit(0)));
