import { describe, expect, it } from 'vitest';
import { isTagHidden, toggleHiddenTag, toggleOnlyTag } from '../../../src/app/panels/tag-filters.js';

describe('legend tag actions', () => {
  it('hides and shows a tag by key', () => {
    expect(toggleHiddenTag([], 'Security')).toEqual(['security']);
    expect(toggleHiddenTag(['security'], 'SECURITY')).toEqual([]);
    expect(toggleHiddenTag(['rust'], 'security')).toEqual(['rust', 'security']);
  });

  it('treats a tag under a hidden one as hidden, and showing it lifts the filter above', () => {
    expect(isTagHidden(['security'], 'security/e2ee')).toBe(true);
    expect(isTagHidden(['security/e2ee'], 'security')).toBe(false);
    expect(isTagHidden(['sec'], 'security')).toBe(false);
    expect(toggleHiddenTag(['security', 'rust'], 'security/e2ee')).toEqual(['rust']);
  });

  it('hiding a tag drops the filters nested under it', () => {
    expect(toggleHiddenTag(['security/e2ee', 'rust', 'security/keys'], 'security')).toEqual(['rust', 'security']);
  });

  it('toggles the include filter', () => {
    expect(toggleOnlyTag([], 'Rust')).toEqual(['rust']);
    expect(toggleOnlyTag(['rust', 'go'], 'rust')).toEqual(['go']);
  });
});
