/**
 * The Export menu of the top bar: the current view as PNG (1x, 2x, 4x) or
 * SVG, with the tag legend, and the graph as GEXF, GraphML or graph.json,
 * either the whole vault or only what the filters show. Files are made in
 * the page and downloaded; nothing goes to a server.
 */
import { toGexf } from '../../core/export/gexf.js';
import { toGraphml } from '../../core/export/graphml.js';
import { keptGraph } from '../../core/export/attributes.js';
import { disposeOnce } from '../disposable.js';
import { el } from '../dom.js';
import type { MapRenderer } from '../render/renderer.js';
import type { Disposable } from '../state/types.js';
import { legendRows, svgToPng, viewSvg } from './view-svg.js';

function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from the vault's name: `my-vault-map.png`. */
function baseName(renderer: MapRenderer): string {
  const vault = String(renderer.graph.getAttribute('vault') ?? 'notemap');
  return (vault.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'notemap') + '-map';
}

/** `overEdges`: SVG of what the map draws beside sigma, between links and nodes (the dashed suggested links). */
export function mountExportMenu(renderer: MapRenderer, root: Document = document, overEdges: () => string = () => ''): Disposable {
  const toolbar = root.getElementById('toolbar');
  if (!toolbar) return disposeOnce(() => {});
  const toggle = el('button', { id: 'btn-export', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'export-menu', title: 'Save the view as an image, or the graph for Gephi and other tools' }, 'Export');
  const shownOnly = el('input', { type: 'checkbox', id: 'export-shown', checked: true });
  const menu = el('div', { id: 'export-menu', class: 'export-menu', role: 'group', 'aria-label': 'Export', hidden: true },
    el('p', {}, 'Image of the view, with the legend'),
    ...[1, 2, 4].map((scale) => el('button', { type: 'button', 'data-export': `png-${scale}` }, `PNG ${scale}x`)),
    el('button', { type: 'button', 'data-export': 'svg' }, 'SVG'),
    el('p', {}, 'Graph with every attribute'),
    el('label', {}, shownOnly, ' only what the filters show'),
    el('button', { type: 'button', 'data-export': 'gexf' }, 'GEXF (Gephi)'),
    el('button', { type: 'button', 'data-export': 'graphml' }, 'GraphML'),
    el('button', { type: 'button', 'data-export': 'json' }, 'graph.json'),
  );
  toolbar.append(toggle, menu);

  const setOpen = (open: boolean): void => {
    menu.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  };
  const svg = (): string => {
    const style = getComputedStyle(root.getElementById('graph') ?? root.body);
    const background = style.backgroundColor && style.backgroundColor !== 'rgba(0, 0, 0, 0)' ? style.backgroundColor : getComputedStyle(root.body).backgroundColor || '#ffffff';
    return viewSvg(renderer.sigma, { background, text: getComputedStyle(root.body).color || '#222', legend: legendRows(root), overEdges: overEdges() });
  };
  const graphFile = (format: string): Blob => {
    const sigma = renderer.sigma;
    // What the map shows: the nodes the filters leave drawn; their color and size on the map.
    const keep = shownOnly.checked ? (key: string) => sigma.getNodeDisplayData(key)?.hidden === false : undefined;
    const look = (key: string) => {
      const d = sigma.getNodeDisplayData(key);
      return d ? { color: d.color, size: d.size } : {};
    };
    if (format === 'gexf') return new Blob([toGexf(renderer.graph, { keep, look })], { type: 'application/xml' });
    if (format === 'graphml') return new Blob([toGraphml(renderer.graph, { keep, look })], { type: 'application/xml' });
    return new Blob([JSON.stringify(keptGraph(renderer.graph, keep).export())], { type: 'application/json' });
  };
  const onMenu = async (event: Event): Promise<void> => {
    const what = (event.target as HTMLElement).closest<HTMLElement>('[data-export]')?.dataset.export;
    if (!what) return;
    const name = baseName(renderer);
    if (what.startsWith('png-')) {
      const scale = Number(what.slice(4));
      download(`${name}@${scale}x.png`, await svgToPng(svg(), scale));
    } else if (what === 'svg') download(`${name}.svg`, new Blob([svg()], { type: 'image/svg+xml' }));
    else download(`${name}.${what === 'json' ? 'graph.json' : what}`, graphFile(what));
  };
  const onToggle = (): void => setOpen(menu.hidden);
  const onClick = (event: Event): void => void onMenu(event);
  toggle.addEventListener('click', onToggle);
  menu.addEventListener('click', onClick);
  return disposeOnce(() => {
    toggle.removeEventListener('click', onToggle);
    menu.removeEventListener('click', onClick);
    toggle.remove();
    menu.remove();
  });
}
