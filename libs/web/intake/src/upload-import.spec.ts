import { describe, expect, it } from 'vitest';
import { completeLines, describeStage } from './upload-import';

describe('reading the stages of an import as they arrive', () => {
  it('takes only complete lines, and goes on from where it stopped', () => {
    let text = '{"event":"checking","done":0,"total":1000}\n{"event":"wai';
    const first = completeLines(text, 0);
    expect(first.lines).toEqual([{ event: 'checking', done: 0, total: 1000 }]);
    text += 'ting"}\n\n{"event":"writing","done":2000,"total":5000}\n';
    const second = completeLines(text, first.next);
    expect(second.lines).toEqual([
      { event: 'waiting' },
      { event: 'writing', done: 2000, total: 5000 },
    ]);
    expect(second.next).toBe(text.length);
    expect(completeLines(text, second.next).lines).toEqual([]);
  });

  it('says what each stage is doing, with counts', () => {
    expect(describeStage({ event: 'checking', done: 300, total: 1000 })).toBe(
      'File checked. Looking for likely duplicates of the first 1,000 claims… 300 of 1,000',
    );
    expect(describeStage({ event: 'waiting' })).toBe(
      'Waiting for another write to the database to finish…',
    );
    expect(describeStage({ event: 'writing', done: 42000, total: 100000 })).toBe(
      'Writing claims… 42,000 of 100,000',
    );
    expect(describeStage({ event: 'committing', total: 100000 })).toBe('Saving 100,000 claims…');
  });
});
