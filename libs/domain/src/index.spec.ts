import { describe, it, expect } from 'vitest';
import * as domain from './index';
import * as admiralty from './admiralty.scale';
import * as agreement from './agreement';
import * as claimExtraction from './claim-extraction';
import * as claimImport from './claim-import';
import * as confidence from './confidence.scale';
import * as corroboration from './corroboration';
import * as evidence from './evidence.model';
import * as figures from './figure-extraction';
import * as likelihood from './likelihood.scale';
import * as priority from './priority.scale';
import * as role from './role.model';
import * as sentences from './sentence-splitter';
import * as similarity from './text-similarity';
import * as verdict from './verdict.scale';
import * as workflow from './workflow';

describe('@corroborate/domain entry point', () => {
  it('re-exports every runtime export of every module', () => {
    const modules = [
      admiralty,
      agreement,
      claimExtraction,
      claimImport,
      confidence,
      corroboration,
      evidence,
      figures,
      likelihood,
      priority,
      role,
      sentences,
      similarity,
      verdict,
      workflow,
    ];
    const exported = new Set(Object.keys(domain));
    for (const mod of modules) {
      for (const name of Object.keys(mod)) expect(exported, name).toContain(name);
    }
    expect(exported.has('default')).toBe(false);
  });
});
