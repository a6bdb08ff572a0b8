import { describe, expect, it } from 'vitest';
import { AddressPolicy, classifyAddress } from './url-guard';

describe('URL capture address policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.20.1.1', 'private'],
    ['192.168.1.1', 'private'],
    ['fd12::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
  ])('classifies %s as %s', (address, word) => {
    expect(classifyAddress(address)?.label).toContain(word);
  });

  it('leaves public addresses alone', () => {
    expect(classifyAddress('93.184.216.34')).toBeNull();
    expect(classifyAddress('2606:2800:220:1:248:1893:25c8:1946')).toBeNull();
  });

  it('says why an address is refused', () => {
    const policy = new AddressPolicy({ allowHosts: [], allowPrivate: false });
    expect(policy.problem('127.0.0.1', '127.0.0.1')).toBe(
      '127.0.0.1 is a loopback address; URL capture refuses private and local addresses unless an operator allows them.',
    );
    expect(policy.problem('localhost', '127.0.0.1')).toMatch(
      /^localhost resolves to 127\.0\.0\.1, a loopback/,
    );
  });

  it('lets the operator allow host names, addresses, CIDR blocks and private ranges', () => {
    const policy = new AddressPolicy({
      allowHosts: ['intranet.example.org', '127.0.0.1', '10.1.0.0/16'],
      allowPrivate: false,
    });
    expect(policy.problem('intranet.example.org', '10.9.9.9')).toBeNull();
    expect(policy.problem('127.0.0.1', '127.0.0.1')).toBeNull();
    expect(policy.problem('x', '10.1.2.3')).toBeNull();
    expect(policy.problem('x', '10.2.0.1')).not.toBeNull();
    const privateOk = new AddressPolicy({ allowHosts: [], allowPrivate: true });
    expect(privateOk.problem('x', '192.168.0.10')).toBeNull();
    expect(privateOk.problem('x', '127.0.0.1')).not.toBeNull();
    expect(privateOk.problem('x', '169.254.169.254')).not.toBeNull();
  });
});
