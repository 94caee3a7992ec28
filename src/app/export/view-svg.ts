/**
 * The map's current view as SVG: what sigma draws now (visible nodes and
 * edges with their colors and sizes, at their place on screen), labels as
 * <text> and the tag legend in a corner. The PNG export draws this SVG on a
 * canvas at 1x, 2x or 4x, so both show the same picture.
 */
import type { MapSigma } from '../render/renderer.js';

export interface LegendRow {
  label: string;
  color: string;
}

const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

const num = (n: number): string => (Math.round(n * 10) / 10).toString();

/** The legend of the color mode in force, as shown in the sidebar (its first `max` rows). */
export function legendRows(root: Document = document, max = 12): LegendRow[] {
  // The other modes' legends are in the DOM, hidden (color-mode.ts).
  return [...root.querySelectorAll<HTMLElement>('#legend .legend-list li')].filter((li) => li.closest('[hidden]') === null).slice(0, max).flatMap((li) => {
    const label = li.querySelector('.legend-tag')?.textContent ?? '';
    const swatch = li.querySelector<HTMLElement>('.legend-swatch');
    const color = swatch ? getComputedStyle(swatch).backgroundColor : '';
    return label && color ? [{ label, color }] : [];
  });
}

/** The view as an SVG document (width and height in CSS pixels of the map). */
export function viewSvg(sigma: MapSigma, options: { background: string; text: string; legend: LegendRow[]; overEdges?: string }): string {
  const { width, height } = sigma.getDimensions();
  const graph = sigma.getGraph();
  const at = (key: string) => {
    const d = sigma.getNodeDisplayData(key);
    if (!d || d.hidden) return null;
    const p = sigma.framedGraphToViewport(d);
    return { x: p.x, y: p.y, r: sigma.scaleSize(d.size), color: d.color, label: d.label };
  };
  const positions = new Map<string, NonNullable<ReturnType<typeof at>>>();
  graph.forEachNode((key) => {
    const p = at(key);
    if (p) positions.set(key, p);
  });
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="${escapeXml(options.background)}"/>`,
    '<g class="edges" fill="none">',
  ];
  graph.forEachEdge((edge, _a, source, target) => {
    const d = sigma.getEdgeDisplayData(edge);
    const s = positions.get(source);
    const t = positions.get(target);
    if (!d || d.hidden || !s || !t) return;
    out.push(`<line x1="${num(s.x)}" y1="${num(s.y)}" x2="${num(t.x)}" y2="${num(t.y)}" stroke="${escapeXml(d.color)}" stroke-width="${num(Math.max(0.5, sigma.scaleSize(d.size)))}"/>`);
  });
  out.push('</g>', options.overEdges ?? '', '<g class="nodes">'); // overEdges: layers drawn beside sigma's (dashed suggested links)
  for (const p of positions.values()) {
    out.push(`<circle cx="${num(p.x)}" cy="${num(p.y)}" r="${num(Math.max(1, p.r))}" fill="${escapeXml(p.color)}"/>`);
  }
  out.push('</g>', `<g class="labels" font-family="system-ui, sans-serif" font-size="12" fill="${escapeXml(options.text)}">`);
  // Labels of the nodes inside the view (a label far off screen would only weigh the file).
  for (const p of positions.values()) {
    if (!p.label || p.x < -50 || p.y < -20 || p.x > width + 50 || p.y > height + 20) continue;
    out.push(`<text x="${num(p.x + p.r + 3)}" y="${num(p.y + 4)}">${escapeXml(p.label)}</text>`);
  }
  out.push('</g>');
  if (options.legend.length > 0) {
    const rowH = 18;
    const boxW = 14 + Math.max(...options.legend.map((r) => r.label.length)) * 7 + 24;
    out.push(`<g class="legend" font-family="system-ui, sans-serif" font-size="12" transform="translate(12 12)">`,
      `<rect width="${boxW}" height="${options.legend.length * rowH + 10}" rx="6" fill="${escapeXml(options.background)}" fill-opacity="0.85" stroke="${escapeXml(options.text)}" stroke-opacity="0.2"/>`);
    options.legend.forEach((row, i) => {
      const y = 5 + i * rowH;
      out.push(`<circle cx="14" cy="${y + 9}" r="5" fill="${escapeXml(row.color)}"/>`,
        `<text x="26" y="${y + 13}" fill="${escapeXml(options.text)}">${escapeXml(row.label)}</text>`);
    });
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}

/** The SVG drawn on a canvas `scale` times larger, as a PNG blob. */
export async function svgToPng(svg: string, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
