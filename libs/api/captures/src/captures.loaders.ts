import { groupByKeys, type LoaderRegistry } from '@corroborate/api-core';
import { type CaptureEntity } from './capture.entity';
import { type CapturesService } from './captures.service';

/** Captures of evidence items, newest version first; one statement per batch. */
export function capturesByEvidenceLoader(loaders: LoaderRegistry, service: CapturesService) {
  return loaders.get<string, CaptureEntity[]>('Capture.byEvidence', async (ids) =>
    groupByKeys(ids, await service.listByEvidence(ids), (c) => c.evidenceId),
  );
}
